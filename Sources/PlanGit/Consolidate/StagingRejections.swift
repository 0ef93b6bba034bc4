import Foundation
import GitKit
import PlanModel

/// The partner heads staging refused, one file per partner under the hub's git folder
/// (`planmerge/rejected/<id>`: the head's id, then one reason a line): so an unchanged
/// refused head is not fetched (nor checked) again, and every run, `--offline` too,
/// reports the partner as rejected with the same reasons until it publishes a new head.
/// Written only by planmerge, from values it checked; every reason is one line.
struct StagingRejections: Sendable {
    let hubGitDir: String

    /// A remembered refusal.
    struct Entry: Equatable {
        var head: ObjectID
        var reasons: [String]
    }

    private func file(_ partner: String) -> URL {
        URL(fileURLWithPath: hubGitDir).appendingPathComponent("planmerge/rejected").appendingPathComponent(partner)
    }

    /// The refusal remembered for `partner`, nil if none. An unreadable record is an error.
    func read(_ partner: String) throws -> Entry? {
        let url = file(partner)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let first = lines.first, let head = ObjectID(hex: first) else {
            throw StagingRecordError(path: url.path)
        }
        return Entry(head: head, reasons: Array(lines.dropFirst()))
    }

    /// Remembers that `head` of `partner` was refused, for `reasons` (each kept to one line).
    func remember(_ partner: String, head: ObjectID, reasons: [String]) throws {
        let url = file(partner)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lines = [head.hex] + reasons.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        // Written whole to a temporary file and renamed: a reader never sees half of it.
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url, options: .atomic)
    }

    /// Forgets `partner`'s refusal (it published something else).
    func forget(_ partner: String) throws {
        let url = file(partner)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try FileManager.default.removeItem(at: url)
    }

    /// Marks every partner whose latest published head staging refused as rejected, with
    /// the remembered reasons, and takes its contribution out of the run (what the hub
    /// holds from it is older than what it published).
    func overrule(
        _ outcomes: inout [String: PartnerOutcome], _ candidates: inout [String: PartnerContribution],
        partners: [Partner], hub: Repository
    ) throws {
        for partner in partners where partner.remote != nil {
            guard let entry = try read(partner.id) else { continue }
            guard try hub.reference(named: partner.publication.hubRef) != entry.head else { continue }
            outcomes[partner.id]?.state = .rejected
            outcomes[partner.id]?.head = entry.head.hex
            outcomes[partner.id]?.reasons = entry.reasons
            outcomes[partner.id]?.conflicts = []
            candidates[partner.id] = nil
        }
    }
}

/// A staging record that is not in the form planmerge writes.
struct StagingRecordError: Error, CustomStringConvertible {
    var path: String
    var description: String {
        "\(path) is not a record planmerge wrote (the first line must be a commit id); remove it and consolidate again"
    }
}
