import Foundation
import GitKit
import PlanModel

/// `planmerge status` for one partner: its actions by status, overdue and due soon, what of
/// its work is on the hub and what is only local, and what the last consolidate decided for
/// it and why. Read in the partner's clone (`inClone`: the hub as last fetched, the
/// committed plan of HEAD, the work tree) or on the hub (`onHub`: main and the partner's
/// published head).
public struct PartnerStatus: Sendable, Codable {
    /// An action due within `dueSoonDays` days and not done.
    public struct DueSoon: Sendable, Codable, Equatable {
        public var ref: String
        /// The last day it is due by (ISO).
        public var due: String
    }

    /// What of the partner's work the hub holds (in a clone: as last fetched).
    public struct HubSide: Sendable, Codable {
        /// The hub's main (full id), nil when not fetched yet.
        public var main: String?
        /// Where the partner publishes (the hub's branch, or its own remote's branch).
        public var publishRef: String
        /// The published head (full id), nil when nothing is published (or fetched) yet.
        public var published: String?
        /// The published head is already part of main.
        public var publishedInMain: Bool
    }

    /// What is only in the clone.
    public struct LocalSide: Sendable, Codable {
        /// The clone's HEAD (full id), nil before its first commit.
        public var head: String?
        /// The branch checked out (short name), nil when detached.
        public var branch: String?
        /// Commits of HEAD not in the published head (nor, when nothing is published, in main).
        public var unpushed: Int
        /// Changed, staged or untracked files of the plan (the manifest and `sections/`).
        public var uncommitted: [String]
    }

    /// What the newest recorded consolidate decided for the partner.
    public struct LastConsolidate: Sendable, Codable {
        /// When it ran (ISO 8601).
        public var time: String
        public var state: PartnerOutcome.State
        /// The partner's head it looked at, and the one it accepted (full ids).
        public var fetchedHead: String?
        public var acceptedHead: String?
        public var reasons: [String]
        /// The partner's last accepted commit (full id), from any run.
        public var lastAccepted: String?
    }

    public var partner: String
    public var name: String
    /// `clone` or `hub`: where this was read.
    public var side: String
    public var today: String
    public var actions: Int
    /// Counts keyed by status word (`ActionStatus.label`), every status present.
    public var byStatus: [String: Int]
    public var overdue: [String]
    public var dueSoonDays: Int
    public var dueSoon: [DueSoon]
    public var hub: HubSide
    /// Nil on the hub.
    public var local: LocalSide?
    /// Nil when there is no record to read (see `recordNote`).
    public var lastConsolidate: LastConsolidate?
    /// Why the record could not be read here and the command that fetches it; nil when read.
    public var recordNote: String?
    /// What the record reader ignored, and why.
    public var recordDiagnostics: [String]

    /// The days ahead that count as "due soon".
    public static let dueSoonDays = 28

    /// The command a clone fetches the record of consolidate runs with.
    public static let recordFetch = "git fetch origin +\(HubLayout.recordRef):\(HubLayout.recordRef)"

    /// Why no partner view can be made.
    public enum Problem: Error, CustomStringConvertible {
        case noPlan(String)
        case unknownPartner(String, [String])

        public var description: String {
            switch self {
            case .noPlan(let what): "no readable plan in \(what)"
            case .unknownPartner(let id, let known):
                "the manifest lists no partner '\(id)' (partners: \(known.joined(separator: ", ")))"
            }
        }
    }

    /// The view from the partner's clone: the plan of HEAD, the hub as last fetched from
    /// `remote` (its main, the partner's published branch), the record if it was fetched
    /// (`refs/planmerge/record`), and the work tree.
    public static func inClone(
        _ repository: Repository, partner id: String, today: Day, remote: String = "origin"
    ) throws -> PartnerStatus {
        let head = try repository.head()
        let mainRef = "refs/remotes/\(remote)/\(HubLayout.mainBranch)"
        let main = try repository.reference(named: mainRef)
        guard let planCommit = head ?? main else { throw Problem.noPlan("this clone (no commit yet)") }
        let plan = try loadPlan(repository, commit: planCommit)
        guard let partner = plan.manifest.partner(id) else {
            throw Problem.unknownPartner(id, plan.manifest.partners.map(\.id))
        }
        let publication = partner.publication
        let published = try repository.reference(named: PartnerGitConfig.tracked(publication))
        var status = try make(
            repository, plan: plan, partner: partner, side: "clone", today: today, main: main, published: published)
        let workChanges = repository.isBare ? [] : try repository.workTreeChanges()
        let upstream = published ?? main
        var unpushed = 0
        if let head, let upstream {
            unpushed = try repository.aheadBehind(local: head, upstream: upstream).ahead
        } else if let head {
            unpushed = try repository.commits(from: [head], hiding: []).count
        }
        status.local = LocalSide(
            head: head?.hex, branch: try repository.headBranch().map(Self.shortBranch), unpushed: unpushed,
            uncommitted: workChanges.map(\.path).filter { $0 == Manifest.fileName || $0.hasPrefix("sections/") }
                .sorted())
        if try repository.directTarget(HubLayout.recordRef) == nil {
            status.lastConsolidate = nil
            status.recordNote =
                "this clone has not fetched the record of consolidate runs (\(HubLayout.recordRef)); "
                + "fetch it with: \(recordFetch)"
        }
        return status
    }

    /// The view from the hub: main, the partner's published head, and the record.
    public static func onHub(_ hub: Hub, partner id: String, today: Day) throws -> PartnerStatus {
        let repository = hub.repository
        guard let main = try repository.reference(named: HubLayout.mainRef) else {
            throw Problem.noPlan("the hub (no main)")
        }
        let plan = try loadPlan(repository, commit: main)
        guard let partner = plan.manifest.partner(id) else {
            throw Problem.unknownPartner(id, plan.manifest.partners.map(\.id))
        }
        let published = try repository.reference(named: partner.publication.hubRef)
        return try make(
            repository, plan: plan, partner: partner, side: "hub", today: today, main: main, published: published)
    }

    private static func loadPlan(_ repository: Repository, commit: ObjectID) throws -> Plan {
        let source = try GitTreeSource(
            repository: repository, treeID: repository.tree(of: commit), commitID: commit, label: commit.short)
        guard let plan = try PlanLoader().loadAndCheck(from: source).plan else {
            throw Problem.noPlan("commit \(commit.short)")
        }
        return plan
    }

    private static func make(
        _ repository: Repository, plan: Plan, partner: Partner, side: String, today: Day, main: ObjectID?,
        published: ObjectID?
    ) throws -> PartnerStatus {
        let mine = plan.actions.filter { $0.partner == partner.id }.map(\.action)
        let figures = PlanFigures(actions: mine, today: today)
        let horizon = today.adding(days: dueSoonDays)
        let soon = mine.compactMap { action -> DueSoon? in
            guard action.status != .done, !action.isOverdue(on: today), let end = action.due?.end,
                !(end < today), !(horizon < end)
            else { return nil }
            return DueSoon(ref: action.ref.description, due: end.iso)
        }
        var publishedInMain = false
        if let main, let published, try repository.objectType(published) == .commit {
            publishedInMain = try repository.isDescendant(main, of: published)
        }
        var status = PartnerStatus(
            partner: partner.id, name: partner.name, side: side, today: today.iso, actions: figures.actions,
            byStatus: figures.countsByLabel, overdue: figures.overdueRefs, dueSoonDays: dueSoonDays, dueSoon: soon,
            hub: HubSide(
                main: main?.hex,
                publishRef: partner.publication.isOnHub
                    ? partner.publication.branch
                    : "\(RemoteURL.scrubbed(partner.remote ?? "")) \(partner.publication.branch)",
                published: published?.hex, publishedInMain: publishedInMain),
            local: nil, lastConsolidate: nil, recordNote: nil, recordDiagnostics: [])
        let record = try ConsolidationRecord.read(repository: repository, at: main)
        status.recordDiagnostics = record.diagnostics
        if let run = record.latestRun {
            let outcome = run.outcome(partner.id)
            status.lastConsolidate = LastConsolidate(
                time: run.time, state: outcome?.state ?? .notPublished, fetchedHead: outcome?.fetchedHead,
                acceptedHead: outcome?.acceptedHead, reasons: outcome?.reasons ?? [],
                lastAccepted: record.accepted[partner.id]?.commit.hex)
        } else if try repository.directTarget(HubLayout.recordRef) != nil || side == "hub" {
            status.recordNote = "no consolidate has run yet"
        }
        return status
    }

    static func shortBranch(_ ref: String) -> String {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : ref
    }
}
