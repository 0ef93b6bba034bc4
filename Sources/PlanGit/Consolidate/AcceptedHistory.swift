import GitKit
import PlanModel

/// Which commit of each partner the hub last accepted, recorded as trailers in the
/// consolidation commits on main (`Planmerge-Accepted: <partner> <commit>`). main's own
/// history is the record: there is no second reference that could disagree with it.
public enum AcceptedHistory {
    public static let trailer = "Planmerge-Accepted"

    /// The trailer lines for a consolidation commit.
    public static func trailers(_ accepted: [(partner: String, commit: ObjectID)]) -> String {
        accepted.map { "\(trailer): \($0.partner) \($0.commit.hex)" }.joined(separator: "\n")
    }

    /// Parses the trailers of one commit message.
    public static func parse(_ message: String) -> [String: ObjectID] {
        var out: [String: ObjectID] = [:]
        for line in message.split(separator: "\n") where line.hasPrefix(trailer + ": ") {
            let parts = line.dropFirst(trailer.count + 2).split(separator: " ")
            if parts.count == 2, let id = ObjectID(hex: String(parts[1])) { out[String(parts[0])] = id }
        }
        return out
    }

    /// The last accepted commit of every partner, walking main's first-parent history from
    /// `head` (the newest trailer of each partner wins). `limit` bounds the walk.
    public static func lastAccepted(in repository: Repository, from head: ObjectID, limit: Int = 100_000) throws
        -> [String: ObjectID]
    {
        var found: [String: ObjectID] = [:]
        var next: ObjectID? = head
        var steps = 0
        while let id = next, steps < limit {
            let commit = try repository.commit(id)
            for (partner, accepted) in parse(commit.message) where found[partner] == nil {
                found[partner] = accepted
            }
            next = commit.parents.first
            steps += 1
        }
        return found
    }
}
