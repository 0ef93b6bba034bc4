import GitKit
import PlanModel

/// What a consolidation did for one partner.
public struct PartnerOutcome: Sendable, Codable {
    public enum State: String, Sendable, Codable {
        /// New work merged into main.
        case accepted
        /// Nothing new since the last accepted commit.
        case unchanged
        /// Conflicts or plan errors: the partner's last accepted version stands.
        case heldBack = "held-back"
        /// Touched what it does not own, rewrote its history, or sent unsafe content.
        case rejected
        /// Its remote could not be fetched: the last accepted version stands.
        case fetchFailed = "fetch-failed"
        /// No remote and no published branch yet.
        case notPublished = "not-published"
    }

    public var partner: String
    public var name: String
    public var state: State
    /// The fetched head (full id), when there is one.
    public var head: String?
    /// The commit of this partner that main holds after the run.
    public var accepted: String?
    /// New commits taken (accepted) or waiting (held back / rejected).
    public var commits: Int
    public var changedFiles: [String]
    public var reasons: [String]
    public var conflicts: [ConflictReport]
    /// Errors the partner's contribution would bring into the plan (wherever they are
    /// located: withdrawing an action another partner refers to is this partner's error).
    public var errors: [Diagnostic]
    /// Warnings the partner's accepted contribution brought into the plan, attributed the
    /// same way.
    public var warnings: [Diagnostic]

    public init(partner: String, name: String, state: State) {
        self.partner = partner
        self.name = name
        self.state = state
        self.head = nil
        self.accepted = nil
        self.commits = 0
        self.changedFiles = []
        self.reasons = []
        self.conflicts = []
        self.errors = []
        self.warnings = []
    }
}

/// One conflict, as the coordinator reads it: where, and each side's value and author.
public struct ConflictReport: Sendable, Codable, Hashable {
    public var file: String
    public var recommendation: Int
    public var action: String?
    public var field: String?
    public var what: String
    public var base: [String]?
    public var hub: Side
    public var partner: Side

    public struct Side: Sendable, Codable, Hashable {
        public var value: [String]?
        public var change: Authorship?
    }
}

/// The whole run: per-partner outcomes, the plan's remaining problems, and what was written.
public struct ConsolidationReport: Sendable, Codable {
    public var previousMain: String
    /// The new main commit; nil when nothing was written (nothing to do, dry run, strict).
    public var newMain: String?
    public var dryRun: Bool
    public var partners: [PartnerOutcome]
    /// Errors left in the consolidated plan (not attributable to a held-back partner).
    public var errors: [Diagnostic]
    public var warnings: [Diagnostic]
    /// Actions in the consolidated plan; nil when nothing was merged and main was not read
    /// again (it was checked when it was written).
    public var actions: Int?
    public var seconds: Double?

    public func partners(_ state: PartnerOutcome.State) -> [PartnerOutcome] { partners.filter { $0.state == state } }

    public func outcome(_ partner: String) -> PartnerOutcome? { partners.first { $0.partner == partner } }

    /// True when every partner is accepted or unchanged and the plan has no errors.
    public var isClean: Bool {
        errors.isEmpty
            && partners.allSatisfy { $0.state == .accepted || $0.state == .unchanged || $0.state == .notPublished }
    }
}

/// How a consolidation runs.
public struct ConsolidationOptions: Sendable {
    /// The day overdue actions are counted on.
    public var today: Day?
    /// Write nothing: show what would happen.
    public var dryRun = false
    /// Any held-back, rejected or unfetched partner stops the run before writing.
    public var strict = false
    /// Use what was fetched before; fetch nothing.
    public var offline = false
    /// Fetches at once.
    public var jobs = 4
    /// Per remote.
    public var fetchTimeout: Duration = .seconds(120)
    /// Partners whose rewritten history is accepted this once.
    public var acceptRewrite: Set<String> = []
    /// Who the consolidation commit is by (default: the repository's configured user).
    public var committer: Signature?
    /// Largest file a partner may send.
    public var maxFileBytes = PathOwnership.maxFileBytes
    /// The most one partner's network fetch may receive in a run.
    public var maxTransferBytes = ObjectRules.maxTransferBytes
    /// The fetch limits these options set.
    public var limits: FetchLimits { FetchLimits(maxFileBytes: maxFileBytes, maxTransferBytes: maxTransferBytes) }
    /// Called after the merge commit is written and before main is updated: for tests that
    /// move main in between (the compare-and-swap must then refuse), and for tooling.
    public var beforeUpdatingMain: (@Sendable () throws -> Void)?

    public init() {}
}

/// Progress of the fetch phase, for a terminal display.
public enum FetchEvent: Sendable {
    case started(partner: String, url: String)
    case progress(partner: String, received: Int, total: Int, bytes: Int)
    case finished(partner: String, error: String?)
}
