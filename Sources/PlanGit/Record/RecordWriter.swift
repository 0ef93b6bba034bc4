import Foundation
import GitKit
import PlanModel

/// The record could not be written after main was (main stands; the trailers in main's
/// message still say what was accepted, and the next run records again).
public struct RecordWriteError: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public var description: String {
        "the record of this run (\(HubLayout.recordRef)) could not be written: \(reason); "
            + "main stands as written, and the next consolidate records its own run"
    }
}

extension ConsolidationRecord {
    /// Appends the run a consolidation made to the record: one commit on
    /// `refs/planmerge/record` holding `run.json`, its parent the previous record commit,
    /// written with compare-and-swap (retried when another run appended meanwhile). A run
    /// that repeats the newest one exactly (same main, same outcomes, nothing written) is not
    /// stored again. Returns the new record commit, or nil when nothing was stored.
    @discardableResult
    static func append(_ report: ConsolidationReport, by signature: Signature, to repository: Repository) throws
        -> ObjectID?
    {
        let run = RecordedRun(report, time: signature.date)
        let json = try JSONEncoder.record.encode(run)
        for _ in 0..<8 {
            let tip = try repository.directTarget(HubLayout.recordRef)
            if let tip, try repository.objectType(tip) == .commit {
                let latest = try storedRun(in: repository.commit(tip), repository)
                if let latest = latest.run, run.repeats(latest) { return nil }
            }
            let parents = try tip.map { try repository.objectType($0) == .commit ? [$0] : [] } ?? []
            let blob = try repository.writeBlob(Array(json))
            let tree = try repository.writeTree(files: [RecordedRun.fileName: (blob, .blob)])
            let commit = try repository.createCommit(
                tree: tree, parents: parents, author: signature, committer: signature, message: run.summary + "\n")
            do {
                try repository.updateReference(HubLayout.recordRef, to: commit, expected: tip, message: run.summary)
                return commit
            } catch is ReferenceMovedError {
                continue
            } catch let error as GitError where error.isLocked {
                let lockFile = (repository.gitDir as NSString).appendingPathComponent(HubLayout.recordRef + ".lock")
                throw RecordWriteError(
                    reason:
                        "\(HubLayout.recordRef) is locked: another consolidate is recording, or one that was killed left \(lockFile) behind. Remove that file if no other run is going on"
                )
            }
        }
        throw RecordWriteError(reason: "other runs kept appending to it")
    }

    /// The run a record commit holds, or why it holds none readable.
    static func storedRun(in commit: CommitInfo, _ repository: Repository) throws
        -> (run: RecordedRun?, problem: String?)
    {
        guard let entry = try repository.entry(at: RecordedRun.fileName, in: commit.treeID), entry.mode.isFile else {
            return (nil, "record commit \(commit.id.short) holds no \(RecordedRun.fileName): ignored")
        }
        let bytes = try repository.blob(entry.id, maxSize: 1 << 20)
        let run: RecordedRun
        do { run = try JSONDecoder().decode(RecordedRun.self, from: Data(bytes)) } catch {
            return (nil, "record commit \(commit.id.short): \(RecordedRun.fileName) is not a readable run: ignored")
        }
        guard run.schema <= RecordedRun.schemaVersion else {
            return (
                nil,
                "record commit \(commit.id.short) has schema \(run.schema), newer than this planmerge reads "
                    + "(\(RecordedRun.schemaVersion)): ignored"
            )
        }
        return (run, nil)
    }
}

extension RecordedRun {
    /// The run a consolidation report describes. A partner whose work was merged but not
    /// written (`--strict` stopped the run) is recorded as held back.
    init(_ report: ConsolidationReport, time: Date) {
        let written = report.newMain != nil
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.init(
            time: formatter.string(from: time), previousMain: report.previousMain, newMain: report.newMain,
            partners: report.partners.map { outcome in
                let stopped = outcome.state == .accepted && !written
                return RecordedOutcome(
                    partner: outcome.partner, state: stopped ? .heldBack : outcome.state, fetchedHead: outcome.head,
                    acceptedHead: outcome.state == .accepted && written ? outcome.accepted : nil,
                    commits: outcome.commits,
                    reasons: stopped
                        ? [RecordedRun.strictStopped]
                        : outcome.reasons)
            })
    }

    /// True when this run, which wrote nothing, says exactly what `latest` said about the
    /// main it left.
    func repeats(_ latest: RecordedRun) -> Bool {
        newMain == nil && previousMain == (latest.newMain ?? latest.previousMain) && partners == latest.partners
    }

    /// Why a partner whose work merged was not written: `--strict` stopped the run.
    static let strictStopped =
        "not written: --strict, and not every partner could be accepted; its last accepted version stands"

    /// The record commit's message: one line, from ids and states only.
    var summary: String {
        let written = newMain.map { " -> \($0.prefix(7))" } ?? ", nothing written"
        var parts = ["planmerge record: main \(previousMain.prefix(7))" + written]
        let states: [PartnerOutcome.State] = [.accepted, .heldBack, .rejected, .fetchFailed]
        for state in states {
            let ids = partners.filter { $0.state == state }.map(\.partner)
            if !ids.isEmpty { parts.append("\(state.rawValue) \(ids.joined(separator: ", "))") }
        }
        return RecordText.oneLine(parts.joined(separator: "; "))
    }
}

extension JSONEncoder {
    /// The record's JSON: sorted keys, so equal runs are equal bytes.
    static var record: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
