import PlanModel

/// One consolidate run as the record keeps it (`run.json` in a commit of
/// `refs/planmerge/record`, docs/RECORD.md): written only by consolidate, from values it
/// checked; every text is one line (`RecordText.oneLine`).
public struct RecordedRun: Codable, Sendable, Equatable {
    /// The version of this layout; a reader refuses (ignores, with a diagnostic) a newer one.
    public static let schemaVersion = 1
    /// The file in each record commit's tree.
    public static let fileName = "run.json"

    public var schema: Int
    /// When the run ended (the committer time of the record commit), ISO 8601 in UTC.
    public var time: String
    /// main before the run (full id).
    public var previousMain: String
    /// The merge commit the run wrote on main; nil when it wrote none.
    public var newMain: String?
    /// Every partner of the manifest, sorted by id.
    public var partners: [RecordedOutcome]

    public init(time: String, previousMain: String, newMain: String?, partners: [RecordedOutcome]) {
        self.schema = RecordedRun.schemaVersion
        self.time = time
        self.previousMain = previousMain
        self.newMain = newMain
        self.partners = partners
    }

    /// The outcome of one partner in this run.
    public func outcome(_ partner: String) -> RecordedOutcome? { partners.first { $0.partner == partner } }
}

/// What one run decided for one partner.
public struct RecordedOutcome: Codable, Sendable, Equatable {
    public var partner: String
    public var state: PartnerOutcome.State
    /// The partner's published head the run looked at (full id), when there was one.
    public var fetchedHead: String?
    /// The commit this run accepted (state `accepted`, and then equal to `fetchedHead` and a
    /// parent of `newMain`); nil otherwise.
    public var acceptedHead: String?
    /// New commits taken (accepted) or waiting (held back, rejected).
    public var commits: Int
    /// Why, one line each.
    public var reasons: [String]

    public init(
        partner: String, state: PartnerOutcome.State, fetchedHead: String?, acceptedHead: String?,
        commits: Int, reasons: [String]
    ) {
        self.partner = partner
        self.state = state
        self.fetchedHead = fetchedHead
        self.acceptedHead = acceptedHead
        self.commits = commits
        self.reasons = reasons.map(RecordText.oneLine)
    }
}
