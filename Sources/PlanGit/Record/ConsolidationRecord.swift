import Foundation
import GitKit
import PlanModel

/// What the hub has accepted from each partner, and what the last consolidate decided: the
/// one reader of the record (docs/RECORD.md) that consolidate, status, tag, the document
/// commands and the web app call.
///
/// Every acceptance is checked before it is believed: the commit must be a merged
/// (non-first) parent of the main commit that accepted it, that main commit must be on
/// main's first-parent history, and a recorded run must have fetched that very commit for
/// that partner. Anything else is ignored and explained in `diagnostics`.
public struct ConsolidationRecord: Sendable {
    /// One partner's accepted commit and where main took it.
    public struct Acceptance: Sendable, Hashable {
        /// The partner's commit.
        public var commit: ObjectID
        /// The main commit that merged it (a consolidation commit).
        public var main: ObjectID
        /// True when a recorded run says so; false when read from an older hub's trailer.
        public var recorded: Bool
    }

    /// The last accepted commit of each partner, as of the commit read at.
    public var accepted: [String: Acceptance] = [:]
    /// The newest recorded run (whatever main it was about), nil on a hub with no record.
    public var latestRun: RecordedRun?
    /// The record commit holding `latestRun`.
    public var latestRunCommit: ObjectID?
    /// What was ignored, and why (forged or damaged entries), one line each.
    public var diagnostics: [String] = []

    /// The accepted commit of each partner (what consolidate compares new work with).
    public var acceptedCommits: [String: ObjectID] { accepted.mapValues(\.commit) }

    /// The newest recorded outcome of a partner.
    public func latestOutcome(_ partner: String) -> RecordedOutcome? { latestRun?.outcome(partner) }

    /// How far back the record and main's history are read.
    public static let walkLimit = 100_000

    /// Reads the record and main's history as of `commit` (default: main's tip). A hub
    /// without a record (made before it existed) is read from its consolidation trailers,
    /// with the same check that each named commit was merged by the commit naming it.
    public static func read(repository: Repository, at commit: ObjectID? = nil) throws -> ConsolidationRecord {
        var record = ConsolidationRecord()
        let runs = try record.readRuns(repository)
        guard let head = try commit ?? repository.reference(named: HubLayout.mainRef) else { return record }
        var next: ObjectID? = head
        var steps = 0
        while let id = next, steps < walkLimit {
            let info = try repository.commit(id)
            let found = runs[id].map { record.acceptances(of: $0, in: info) } ?? record.trailerAcceptances(of: info)
            for (partner, accepted) in found where record.accepted[partner] == nil {
                record.accepted[partner] = Acceptance(commit: accepted, main: id, recorded: runs[id] != nil)
            }
            next = info.parents.first
            steps += 1
        }
        return record
    }

    /// Reads the record's chain, newest first: the newest run, and each run that wrote main
    /// by the main commit it wrote.
    private mutating func readRuns(_ repository: Repository) throws -> [ObjectID: RecordedRun] {
        guard let tip = try repository.directTarget(HubLayout.recordRef) else { return [:] }
        guard try repository.objectType(tip) == .commit else {
            diagnostics.append(
                "\(HubLayout.recordRef) points at \(tip.short), which is not a commit: the record is ignored")
            return [:]
        }
        var byMain: [ObjectID: RecordedRun] = [:]
        var next: ObjectID? = tip
        var steps = 0
        while let id = next, steps < ConsolidationRecord.walkLimit {
            let info = try repository.commit(id)
            if let run = try run(in: info, repository) {
                if latestRun == nil {
                    latestRun = run
                    latestRunCommit = id
                }
                if let written = run.newMain.flatMap(ObjectID.init(hex:)), byMain[written] == nil {
                    byMain[written] = run
                }
            }
            next = info.parents.first
            steps += 1
        }
        return byMain
    }

    /// The run a record commit holds; nil (with a diagnostic) when it holds none readable.
    private mutating func run(in commit: CommitInfo, _ repository: Repository) throws -> RecordedRun? {
        let stored = try ConsolidationRecord.storedRun(in: commit, repository)
        if let problem = stored.problem { diagnostics.append(problem) }
        guard var run = stored.run else { return nil }
        // planmerge wrote every text as one line; one that is not was not written by it.
        if !RecordText.isOneLine(run.time) { run.time = RecordText.oneLine(run.time) }
        for index in run.partners.indices {
            run.partners[index].partner =
                RecordText.isOneLine(run.partners[index].partner)
                ? run.partners[index].partner : RecordText.oneLine(run.partners[index].partner)
            run.partners[index].reasons = run.partners[index].reasons.map {
                RecordText.isOneLine($0) ? $0 : RecordText.oneLine($0)
            }
        }
        return run
    }

    /// The acceptances a recorded run made in the main commit it wrote, each checked.
    private mutating func acceptances(of run: RecordedRun, in main: CommitInfo) -> [String: ObjectID] {
        guard run.previousMain == main.parents.first?.hex else {
            diagnostics.append(
                "the record's run of \(run.time) says it wrote \(main.id.short) on \(run.previousMain.prefix(7)), "
                    + "but that commit's first parent differs: its acceptances are ignored")
            return [:]
        }
        var found: [String: ObjectID] = [:]
        for outcome in run.partners where outcome.state == .accepted {
            let merged = outcome.acceptedHead.flatMap(ObjectID.init(hex:))
            guard let merged, main.parents.dropFirst().contains(merged), outcome.fetchedHead == merged.hex else {
                diagnostics.append(
                    "the record's run of \(run.time) says \(outcome.partner) was accepted at "
                        + "\(outcome.acceptedHead?.prefix(7) ?? "nothing"), but \(main.id.short) did not merge that "
                        + "fetched commit: ignored")
                continue
            }
            found[outcome.partner] = merged
        }
        return found
    }

    /// An older hub's `Planmerge-Accepted` trailers, each checked: the named commit must be
    /// a merged (non-first) parent of the commit whose message names it.
    private mutating func trailerAcceptances(of commit: CommitInfo) -> [String: ObjectID] {
        var found: [String: ObjectID] = [:]
        for (partner, named) in AcceptedHistory.parse(commit.message) {
            guard found[partner] == nil else { continue }
            guard commit.parents.dropFirst().contains(named) else {
                diagnostics.append(
                    "\(commit.id.short)'s message names \(named.short) as accepted from \(RecordText.oneLine(partner)), "
                        + "but \(commit.id.short) did not merge it: ignored")
                continue
            }
            found[partner] = named
        }
        return found
    }
}
