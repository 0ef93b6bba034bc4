import PlanModel

/// Where one partner's part of a rendered plan came from: the exact commit the coordinator
/// accepted, who made it and when (as git reports it).
public struct PartnerProvenance: Hashable, Sendable, Codable {
    /// The commit id (full or short, as the caller chooses to show it).
    public var commit: String
    public var author: String?
    /// The commit date, already formatted by the caller (e.g. `2008-08-28 14:02`).
    public var date: String?

    public init(commit: String, author: String? = nil, date: String? = nil) {
        self.commit = commit
        self.author = author
        self.date = date
    }
}

/// Everything a rendering needs besides the plan itself. Renderers never read the clock or
/// the repository: the caller supplies the version, the provenance and the days.
public struct RenderContext: Hashable, Sendable {
    /// The version shown on the document: a Cabinet tag (`cabinet/2008-09-01`) or a commit id.
    public var version: String?
    /// Partner id → the commit its part came from.
    public var provenance: [String: PartnerProvenance]
    /// The day the plan is read on: actions due before it and not done are overdue.
    public var today: Day?
    /// The statutory deadline for the plan, computed by the caller from the manifest's rule.
    public var deadline: Day?
    /// When the document was generated, as the caller wants it shown.
    public var generatedAt: String?
    /// Print the working notes in the paper (`render --notes`): the transcription notes of
    /// actions and recommendations, the version and commit ids, and the tool's own words
    /// ("Due dates not understood", "not read"). Off by default: the Cabinet paper leaves
    /// them out. JSON, CSV and XLSX always carry everything.
    public var includeNotes: Bool
    /// The meeting, Cabinet versions and changes since the last one (`VersionsModel`).
    public var versions: VersionsModel?

    public init(
        version: String? = nil, provenance: [String: PartnerProvenance] = [:], today: Day? = nil,
        deadline: Day? = nil, generatedAt: String? = nil, includeNotes: Bool = false
    ) {
        self.version = version
        self.provenance = provenance
        self.today = today
        self.deadline = deadline
        self.generatedAt = generatedAt
        self.includeNotes = includeNotes
    }
}
