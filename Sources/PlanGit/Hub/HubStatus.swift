import Foundation
import GitKit
import PlanModel

/// `planmerge status`: where each partner stands, what the plan holds, and the deadline.
public struct HubStatus: Sendable, Codable {
    public struct PartnerState: Sendable, Codable {
        public var id: String
        public var name: String
        public var source: String
        /// The partner's commit main last accepted, with its date.
        public var lastAccepted: String?
        public var lastAcceptedDate: String?
        /// The head fetched from the partner (by the last consolidate), if any.
        public var fetchedHead: String?
        /// Commits in the fetched head that main does not have yet.
        public var pending: Int
        /// Errors the fetched head has in the partner's own folder.
        public var errors: Int
        public var actions: Int
        /// What the last recorded consolidate decided for it (`accepted`, `held-back`,
        /// `rejected`, `fetch-failed`, `unchanged`, `not-published`); nil before any.
        public var lastRunState: PartnerOutcome.State?
        /// Why, one line each (from the record: held back, rejected, fetch failed).
        public var reasons: [String]
    }

    public struct PlanState: Sendable, Codable {
        public var actions: Int
        public var byStatus: [String: Int]
        public var overdue: [String]
        public var toBeConfirmed: [String]
        public var unreadDue: [String]
        public var errors: Int
        public var warnings: Int
        /// Actions by outcome area; nil when the manifest lists no outcome areas.
        public var byOutcome: [OutcomeFigures]? = nil
    }

    public struct DeadlineState: Sendable, Codable {
        public var published: String
        public var workingDays: Int
        public var deadline: String
        public var workingDaysLeft: Int
        public var passed: Bool
    }

    public var main: String
    public var today: String
    public var partners: [PartnerState]
    public var plan: PlanState
    public var deadline: DeadlineState?
    /// When the last recorded consolidate ran (ISO 8601), nil before any.
    public var lastRun: String?
    /// What the record reader ignored, and why (forged or damaged entries).
    public var recordDiagnostics: [String]

    public static func read(hub: Hub, today: Day) throws -> HubStatus {
        let repository = hub.repository
        let (plan, diagnostics, head) = try hub.plan(today: today)
        guard let plan else { throw HubError.noManifest }
        let record = try ConsolidationRecord.read(repository: repository, at: head)
        let accepted = record.acceptedCommits
        var partners: [PartnerState] = []
        for partner in plan.manifest.partners {
            let ref = partner.publication.hubRef
            let fetched = try repository.reference(named: ref)
            var state = PartnerState(
                id: partner.id, name: partner.name, source: partner.remote.map(RemoteURL.scrubbed) ?? ref,
                lastAccepted: accepted[partner.id]?.hex,
                lastAcceptedDate: nil, fetchedHead: fetched?.hex, pending: 0, errors: 0,
                actions: plan.actions.filter { $0.partner == partner.id }.count,
                lastRunState: record.latestOutcome(partner.id)?.state,
                reasons: record.latestOutcome(partner.id)?.reasons ?? [])
            if let id = accepted[partner.id] {
                state.lastAcceptedDate = Authorship.format(try repository.commit(id).committer)
            }
            if let fetched, try repository.objectType(fetched) == .commit {
                state.pending = (try? repository.aheadBehind(local: fetched, upstream: head).ahead) ?? 0
                if state.pending > 0 {
                    let source = try GitTreeSource(
                        repository: repository, treeID: repository.tree(of: fetched), commitID: fetched)
                    let all = try PlanLoader().check(from: source).diagnostics
                    state.errors =
                        all.filter { $0.severity == .error && $0.location.file.hasPrefix(partner.folder) }.count
                }
            }
            partners.append(state)
        }
        let figures = PlanFigures(plan: plan, today: today)
        var planState = PlanState(
            actions: figures.actions, byStatus: figures.countsByLabel, overdue: figures.overdueRefs,
            toBeConfirmed: figures.toBeConfirmedRefs, unreadDue: figures.unreadRefs,
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
        let outcomes = OutcomeFigures.tally(plan.actions.map(\.action), manifest: plan.manifest, today: today)
        planState.byOutcome = outcomes.isEmpty ? nil : outcomes
        var deadline: DeadlineState?
        if let published = plan.manifest.inspection.published {
            let statutory = StatutoryDeadline.compute(from: published, rule: plan.manifest.deadline)
            deadline = DeadlineState(
                published: published.iso, workingDays: plan.manifest.deadline.workingDays,
                deadline: statutory.deadline.iso,
                workingDaysLeft: statutory.workingDaysLeft(today: today), passed: statutory.isPast(today: today))
        }
        return HubStatus(
            main: head.hex, today: today.iso, partners: partners, plan: planState, deadline: deadline,
            lastRun: record.latestRun?.time, recordDiagnostics: record.diagnostics)
    }
}
