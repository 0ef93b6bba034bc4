import GitKit
import PlanModel

/// The `Planmerge-Accepted: <partner> <commit>` trailers of consolidation commits on main.
/// They keep main's log readable and let hubs made before the record (docs/RECORD.md) be
/// read; `ConsolidationRecord` is the one reader, and believes a trailer only when the
/// commit it names is a merged parent of the commit carrying it.
public enum AcceptedHistory {
    public static let trailer = "Planmerge-Accepted"

    /// The trailer lines for a consolidation commit (ids from the manifest, full hex ids).
    public static func trailers(_ accepted: [(partner: String, commit: ObjectID)]) -> String {
        accepted.map { "\(trailer): \(RecordText.oneLine($0.partner)) \($0.commit.hex)" }.joined(separator: "\n")
    }

    /// The trailers of one commit message, in order (unchecked: see `ConsolidationRecord`).
    public static func parse(_ message: String) -> [(partner: String, commit: ObjectID)] {
        var out: [(partner: String, commit: ObjectID)] = []
        for line in message.split(separator: "\n") where line.hasPrefix(trailer + ": ") {
            let parts = line.dropFirst(trailer.count + 2).split(separator: " ")
            if parts.count == 2, let id = ObjectID(hex: String(parts[1])) { out.append((String(parts[0]), id)) }
        }
        return out
    }

    /// The last accepted commit of every partner as of `head`, checked
    /// (`ConsolidationRecord.read`).
    public static func lastAccepted(in repository: Repository, from head: ObjectID) throws -> [String: ObjectID] {
        try ConsolidationRecord.read(repository: repository, at: head).acceptedCommits
    }
}
