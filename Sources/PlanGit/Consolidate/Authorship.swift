import Foundation
import GitKit
import PlanModel

/// Who last changed a path on one line of history: for naming each side of a conflict.
public struct Authorship: Sendable, Hashable, Codable {
    public var commit: String
    public var author: String
    public var date: String

    /// The newest commit on the first-parent line from `head` back to (not including)
    /// `stop` whose tree differs from its first parent's at `path`.
    public static func lastChange(of path: String, in repository: Repository, from head: ObjectID, stop: ObjectID?)
        -> Authorship?
    {
        var next: ObjectID? = head
        var steps = 0
        while let id = next, id != stop, steps < 10_000 {
            steps += 1
            guard let commit = try? repository.commit(id) else { return nil }
            let here = try? repository.entry(at: path, in: commit.treeID)
            let parent = commit.parents.first
            let before = parent.flatMap { try? repository.commit($0) }.flatMap {
                try? repository.entry(at: path, in: $0.treeID)
            }
            if here?.id != before?.id || (parent == nil && here != nil) {
                return Authorship(
                    commit: commit.id.short, author: commit.author.name, date: Authorship.format(commit.author))
            }
            next = parent
        }
        return nil
    }

    public static func format(_ signature: Signature) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: Int(signature.offsetMinutes) * 60)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: signature.date)
    }
}
