import Foundation
import GitKit
import PlanModel

/// Why a consolidation could not run at all (exit 2): nothing was written.
public enum ConsolidationError: Error, CustomStringConvertible, Sendable {
    case notAHub(String, reason: String)
    case manifestInvalid([Diagnostic])
    case mainMoved(expected: String, actual: String?)
    case checkedOutHub(String)
    case locked(String)

    public var description: String {
        switch self {
        case .notAHub(let path, let reason): "\(path) is not a planmerge hub: \(reason)"
        case .manifestInvalid(let diagnostics):
            "the hub's plan.yaml has errors:\n" + TextReporter.render(diagnostics.filter { $0.severity == .error })
        case .mainMoved(let expected, let actual):
            "main moved during the run (from \(expected) to \(actual ?? "nothing")): nothing was written; run consolidate again"
        case .locked(let ref):
            "\(ref) is locked: another consolidate is running, or one that was killed left \(ref).lock behind; nothing was written. Remove the .lock file if no other run is going on"
        case .checkedOutHub(let path):
            "\(path) has main checked out in a work tree; consolidate updates main in a bare hub (planmerge init makes one), so a work tree is never left behind"
        }
    }
}

/// `planmerge consolidate`: fetch every partner, merge each one's new work three ways,
/// check authority and the merged plan, and write one merge commit on main with
/// compare-and-swap. A failed or interrupted run leaves main exactly as it was. Every run
/// but a dry run then appends what it decided to the record (docs/RECORD.md).
public struct Consolidator {
    public let hubPath: String

    public init(hubPath: String) {
        self.hubPath = hubPath
    }

    public func run(_ options: ConsolidationOptions, events: @escaping @Sendable (FetchEvent) -> Void = { _ in })
        throws -> ConsolidationReport
    {
        let started = Date()
        let repository: Repository
        try Hub.checkOwner(hubPath)
        do { repository = try Repository.open(at: hubPath) } catch {
            throw ConsolidationError.notAHub(hubPath, reason: "\(error)")
        }
        guard let mainID = try repository.reference(named: HubLayout.mainRef) else {
            throw ConsolidationError.notAHub(hubPath, reason: "it has no main branch")
        }
        if !repository.isBare, try repository.headBranch() == HubLayout.mainRef {
            throw ConsolidationError.checkedOutHub(hubPath)
        }
        let hub = try TreeSnapshot(
            repository: repository, treeID: repository.tree(of: mainID), label: "main \(mainID.short)")
        // Parse results kept between runs under the hub (keyed by blob id): a consolidate where
        // one partner changed one file parses that file only.
        let cache = ParseCache(persistentForGitDir: repository.gitDir)
        // Only the manifest is read now: the whole plan is read when there is something to
        // merge (a run where nobody published costs what fetching costs, not the plan's size).
        let manifestRead = cache.manifest(contentID: hub.contentID(Manifest.fileName)) {
            (try? hub.read(Manifest.fileName)) ?? []
        }
        guard let manifest = manifestRead.manifest, !manifestRead.diagnostics.hasErrors else {
            throw ConsolidationError.manifestInvalid(manifestRead.diagnostics)
        }

        let fetchErrors =
            options.offline
            ? [:]
            : PartnerFetcher(
                hubPath: repository.gitDir, jobs: options.jobs, timeout: options.fetchTimeout, limits: options.limits
            )
            .fetchAll(manifest.partners, events: events)
        let record = try ConsolidationRecord.read(repository: repository, at: mainID)
        let merger = PartnerMerge(
            repository: repository, hub: hub, hubHead: mainID, manifest: manifest, options: options)

        var outcomes: [String: PartnerOutcome] = [:]
        var candidates: [String: PartnerContribution] = [:]
        for partner in manifest.partners.sorted(by: { $0.id < $1.id }) {
            let fetchError = fetchErrors[partner.id] ?? nil
            let (outcome, contribution) = try merger.assess(
                partner, fetchError: fetchError, lastAccepted: record.acceptedCommits[partner.id],
                previous: record.latestOutcome(partner.id))
            outcomes[partner.id] = outcome
            candidates[partner.id] = contribution
        }
        try StagingRejections(hubGitDir: repository.gitDir)
            .overrule(&outcomes, &candidates, partners: manifest.partners, hub: repository)

        let settled = try PlanSettling(
            hub: hub, cache: cache,
            context: CheckContext(today: options.today)
        ).settle(&candidates, &outcomes)
        let merged = settled.merged
        let final = (plan: settled.plan, diagnostics: settled.diagnostics)

        for id in candidates.keys {
            outcomes[id]?.state = .accepted
            outcomes[id]?.accepted = candidates[id]?.head.hex
        }
        var report = ConsolidationReport(
            previousMain: mainID.hex, newMain: nil, dryRun: options.dryRun,
            partners: manifest.partners.sorted { $0.id < $1.id }.compactMap { outcomes[$0.id] },
            errors: final.diagnostics.filter { $0.severity == .error }.sortedForReading(),
            warnings: final.diagnostics.filter { $0.severity == .warning }.sortedForReading(),
            actions: final.plan?.actionCount, seconds: nil)

        let blocked =
            options.strict && !report.partners.allSatisfy { [.accepted, .unchanged, .notPublished].contains($0.state) }
        let signature = options.committer ?? repository.defaultSignature()
        if !candidates.isEmpty, !options.dryRun, !blocked {
            let accepted = candidates.values.sorted { $0.partner.id < $1.partner.id }
            let tree = try repository.updateTree(repository.tree(of: mainID), changes: merged.changes(from: hub))
            let commit = try repository.createCommit(
                tree: tree, parents: [mainID] + accepted.map(\.head), author: signature, committer: signature,
                message: ConsolidationMessage.make(report, accepted: accepted))
            try options.beforeUpdatingMain?()
            do {
                try repository.updateReference(
                    HubLayout.mainRef, to: commit, expected: mainID,
                    message: RecordText.oneLine(
                        "planmerge consolidate: " + accepted.map(\.partner.id).joined(separator: ", ")))
            } catch let moved as ReferenceMovedError {
                throw ConsolidationError.mainMoved(expected: mainID.short, actual: moved.actual?.short)
            } catch let error as GitError where error.isLocked {
                throw ConsolidationError.locked(HubLayout.mainRef)
            }
            report.newMain = commit.hex
        }
        // Every run that could write is recorded, also when it wrote nothing (docs/RECORD.md).
        if !options.dryRun { try ConsolidationRecord.append(report, by: signature, to: repository) }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

/// The consolidation commit's message: a readable summary and the accepted-commit trailers
/// (the record, docs/RECORD.md, is what later runs read; the trailers serve `git log`).
enum ConsolidationMessage {
    static func make(_ report: ConsolidationReport, accepted: [PartnerContribution]) -> String {
        // Every line is made one line (RecordText): reasons quote file names and remote
        // messages, which the partner controls; nothing may start a line of its own.
        let ids = accepted.map(\.partner.id).joined(separator: ", ")
        let plural = accepted.count == 1 ? "" : "s"
        var lines = [RecordText.oneLine("Consolidate \(accepted.count) partner\(plural): \(ids)"), ""]
        for contribution in accepted {
            lines.append(
                RecordText.oneLine(
                    "Accepted \(contribution.partner.id) at \(contribution.head.short): \(contribution.commits) commit(s), "
                        + "\(contribution.changedFiles.count) file(s)"))
        }
        for outcome in report.partners
        where outcome.state == .heldBack || outcome.state == .rejected || outcome.state == .fetchFailed {
            let reason = outcome.reasons.first ?? ""
            lines.append(RecordText.oneLine("\(outcome.state.rawValue.capitalized) \(outcome.partner): \(reason)"))
        }
        lines.append("")
        if let actions = report.actions {
            lines.append("Plan: \(actions) actions, \(report.errors.count) errors, \(report.warnings.count) warnings")
        }
        lines.append("")
        lines.append(AcceptedHistory.trailers(accepted.map { ($0.partner.id, $0.head) }))
        return lines.joined(separator: "\n") + "\n"
    }
}
