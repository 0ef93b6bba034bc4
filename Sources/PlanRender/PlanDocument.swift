import PlanModel

/// The plan as a reader sees it: what every renderer draws, built once from a `Plan` and a
/// `RenderContext` by `PlanDocument(plan:context:)`.
///
/// It is ordered for reading (timescale groups in manifest order, recommendations by number,
/// actions by reference), carries display names next to ids, and holds the summary figures,
/// so renderers only lay it out and never re-derive anything.
public struct PlanDocument: Hashable, Sendable {
    public var title: String
    public var authority: String
    public var inspection: Inspection
    /// A Cabinet tag or commit id naming this version of the plan.
    public var version: String?
    public var generatedAt: String?
    public var today: Day?
    /// The statutory deadline date (computed by the caller) and the rule it comes from.
    public var deadline: Day?
    public var deadlineRule: DeadlineRule
    public var committees: [Committee]
    /// Every partner of the manifest, in manifest order.
    public var partners: [PartnerName]
    public var groups: [TimescaleGroup]
    public var summary: PlanSummary
    public var provenance: [ProvenanceRow]
    /// The coordinator's own pages (`front/*.md`), printed after the contents.
    public var frontPages: [FrontPage]
    /// Whether the paper prints the working notes (see `RenderContext.includeNotes`).
    public var includesNotes: Bool
    /// Whether statuses are shown as words or with their RAG colours (`reporting:`).
    public var reporting: StatusReporting
    /// Actions by outcome area (`outcome-areas:` in the manifest); empty when it lists none.
    public var outcomes: [OutcomeFigures] = []
    /// The meeting, version history, trend and changes since the last Cabinet version.
    public var versions: VersionsModel?

    /// Every action row of the document in reading order.
    public var actions: [ActionRow] { groups.flatMap { $0.recommendations.flatMap(\.actions) } }

    /// The recommendation-level blocks the paper prints: the `Notes` block only with notes.
    public func printedBlocks(_ r: RecommendationEntry) -> [TextBlock] {
        includesNotes ? r.blocks : r.blocks.filter { $0.kind != .notes }
    }

    /// An action's notes as the paper prints them: none unless notes are included.
    public func printedNotes(_ a: ActionRow) -> [String] { includesNotes ? a.notes : [] }

    /// The reading of a due shown under its text, when it says something new; "not read"
    /// is a working note.
    func printedReading(_ due: DueDate) -> String? {
        if due.kind == .unread && !includesNotes { return nil }
        return DisplayText.readingIfNew(due)
    }

    /// The heading of the list of unread due dates: the tool's words only with notes.
    var unreadTitle: String { includesNotes ? "Due dates not understood" : "Due dates to be clarified" }

    /// The anchor of a front page.
    static func anchor(_ page: FrontPage) -> String {
        "front-" + Anchor.slug(String(page.path.dropFirst(FrontPages.folder.count).dropLast(3)))
    }
    public var recommendations: [RecommendationEntry] { groups.flatMap(\.recommendations) }
}

/// A partner's id and the name the plan shows for it.
public struct PartnerName: Hashable, Sendable, Codable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A timescale group ("For immediate action") with its recommendations by number.
public struct TimescaleGroup: Hashable, Sendable {
    public var id: String
    public var name: String
    public var end: Day?
    public var recommendations: [RecommendationEntry]

    /// The anchor used by the HTML contents list.
    public var anchor: String { "timescale-\(Anchor.slug(id))" }
}

/// One recommendation with the lead partner's text and every partner's actions.
public struct RecommendationEntry: Hashable, Sendable {
    public var number: Int
    public var text: String
    public var timescale: String
    public var lead: PartnerName
    public var officer: String?
    /// The lead partner first, then the other contributing partners.
    public var partners: [PartnerName]
    /// The recommendation-level text, in `BlockKind` order.
    public var blocks: [TextBlock]
    public var actions: [ActionRow]

    public var anchor: String { "recommendation-\(number)" }
}

/// One action as a table row: the action itself (its fields are read through this row,
/// `row.text`, `row.due`, ...), its partner's display name, and whether it is overdue.
@dynamicMemberLookup
public struct ActionRow: Hashable, Sendable {
    public var action: Action
    public var timescale: String
    public var partner: PartnerName
    /// The section file the action was read from.
    public var file: String
    /// Due before `today` and not done.
    public var isOverdue: Bool

    public subscript<T>(dynamicMember path: KeyPath<Action, T>) -> T { action[keyPath: path] }

    public var recommendation: Int { action.ref.recommendation }

    public var anchor: String { Anchor.action(action.ref) }
}

/// The commit one partner's part came from (nil when the caller recorded none).
public struct ProvenanceRow: Hashable, Sendable {
    public var partner: PartnerName
    public var source: PartnerProvenance?
}

/// HTML anchors shared by every renderer that links inside the document.
enum Anchor {
    static func action(_ ref: ActionRef) -> String { "action-\(ref)" }

    static func crossReference(_ ref: CrossReference) -> String {
        switch ref {
        case .action(let ref): Anchor.action(ref)
        case .recommendation(let n): "recommendation-\(n)"
        }
    }

    /// Lowercase letters, digits and `-`; anything else becomes `-`.
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}
