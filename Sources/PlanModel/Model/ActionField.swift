/// The one-line fields of an action, in canonical order, with the names people may write.
///
/// Field names are matched case-insensitively and ignoring spaces around them; the aliases
/// cover what the seed plans' column headings call the same thing.
public enum ActionField: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case due
    case lead
    case status
    case success
    case milestone
    case resources
    case risk
    case monitoring
    case seeAlso = "see-also"
    case link
    /// The outcome areas the action serves (`Outcome area:`), when not its recommendation's.
    case outcomeArea = "outcome-area"

    /// The canonical spelling written by `planmerge fmt`.
    public var label: String {
        switch self {
        case .due: "Due"
        case .lead: "Lead"
        case .status: "Status"
        case .success: "Success"
        case .milestone: "Milestone"
        case .resources: "Resources"
        case .risk: "Risk"
        case .monitoring: "Monitoring"
        case .seeAlso: "See also"
        case .link: "Link"
        case .outcomeArea: "Outcome area"
        }
    }

    /// True for fields that may appear several times (one value per line).
    public var isRepeatable: Bool {
        switch self {
        case .success, .milestone, .link: true
        default: false
        }
    }

    /// A plain-English name for messages ("a lead officer").
    public var meaning: String {
        switch self {
        case .due: "a due date"
        case .lead: "a lead officer"
        case .status: "a status"
        case .success: "a success criterion (expected outcome)"
        case .milestone: "a milestone"
        case .resources: "the resources required"
        case .risk: "the risk of failing to achieve it"
        case .monitoring: "how it is monitored"
        case .seeAlso: "a cross-reference"
        case .link: "a link to another plan"
        case .outcomeArea: "the outcome areas it serves"
        }
    }

    /// The field's place in `allCases` (a slot of `FieldPositions`).
    var slot: Int {
        switch self {
        case .due: 0
        case .lead: 1
        case .status: 2
        case .success: 3
        case .milestone: 4
        case .resources: 5
        case .risk: 6
        case .monitoring: 7
        case .seeAlso: 8
        case .link: 9
        case .outcomeArea: 10
        }
    }

    /// The canonical field for a name as written, or nil when it is not an action field.
    public init?(named raw: String) {
        if let field = ActionField.canonical[raw] {  // the canonical spelling: no folding needed
            self = field
            return
        }
        guard let field = ActionField.aliases[raw.foldedName] else { return nil }
        self = field
    }

    /// The field whose canonical label (`label`, exactly as `fmt` writes it) these UTF-8
    /// bytes spell, or nil: the parser's look-up without making a `String`.
    static func canonical(_ bytes: UnsafeBufferPointer<UInt8>) -> ActionField? {
        guard let first = bytes.first else { return nil }
        let field: ActionField
        let label: StaticString
        switch (bytes.count, first) {
        case (3, UInt8(ascii: "D")): (field, label) = (.due, "Due")
        case (4, UInt8(ascii: "L")):
            (field, label) = bytes[1] == UInt8(ascii: "e") ? (.lead, "Lead") : (.link, "Link")
        case (4, UInt8(ascii: "R")): (field, label) = (.risk, "Risk")
        case (6, UInt8(ascii: "S")): (field, label) = (.status, "Status")
        case (7, UInt8(ascii: "S")): (field, label) = (.success, "Success")
        case (8, UInt8(ascii: "S")): (field, label) = (.seeAlso, "See also")
        case (9, UInt8(ascii: "M")): (field, label) = (.milestone, "Milestone")
        case (9, UInt8(ascii: "R")): (field, label) = (.resources, "Resources")
        case (10, UInt8(ascii: "M")): (field, label) = (.monitoring, "Monitoring")
        case (12, UInt8(ascii: "O")): (field, label) = (.outcomeArea, "Outcome area")
        default: return nil
        }
        let expected = UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount)
        for index in 1..<bytes.count where bytes[index] != expected[index] { return nil }
        return field
    }

    static let canonical: [String: ActionField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.label, $0) })

    static let aliases: [String: ActionField] = [
        "due": .due, "due date": .due, "date": .due, "deadline": .due, "by": .due,
        // Derby's action tables call the column "Timescale / milestones"; under an action it
        // is the action's date (the recommendation's timescale group is the manifest's).
        "timescale": .due, "timescales": .due,
        "lead": .lead, "leads": .lead, "lead officer": .lead, "lead officers": .lead,
        "responsible officer": .lead, "lead responsibility": .lead, "owner": .lead,
        "status": .status, "progress": .status, "rag": .status, "rag status": .status, "rag rating": .status,
        "success": .success, "success criteria": .success, "success criterion": .success,
        "outcome": .success, "expected outcome": .success, "outcomes": .success,
        "expected outcomes": .success,
        "milestone": .milestone, "milestones": .milestone,
        "resources": .resources, "resource": .resources, "resources required": .resources,
        "resource requirement": .resources, "resource implications": .resources,
        "resource implication": .resources,
        "risk": .risk, "risks": .risk, "risk of failure": .risk,
        "monitoring": .monitoring, "monitoring and evaluation": .monitoring,
        "see also": .seeAlso, "see": .seeAlso, "cross reference": .seeAlso,
        "cross references": .seeAlso, "xref": .seeAlso,
        "link": .link, "links": .link, "link to other plans": .link,
        "links to other plans": .link,
        // Not "outcome": that is Success (the seeds' "expected outcome").
        "outcome area": .outcomeArea, "outcome areas": .outcomeArea, "ecm outcome": .outcomeArea,
        "ecm outcomes": .outcomeArea,
    ]
}
