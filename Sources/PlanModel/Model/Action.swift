import Foundation

/// The progress an action reports.
public enum ActionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case notStarted = "not started"
    case onTrack = "on track"
    case atRisk = "at risk"
    case offTrack = "off track"
    case done = "done"

    /// Reads the canonical words, common spellings ("Not-started", "complete") and the words
    /// officers write in progress reports: RAG colours (Green: on track, Amber: at risk,
    /// Red: off track, Blue: done) and "In progress", "Ongoing" (on track).
    /// `planmerge fmt` writes the canonical word back (`rawValue`).
    public init?(reading text: String) {
        let folded = text.lowercased()
            .replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "_", with: " ")
            .split(separator: " ").joined(separator: " ")
        guard let status = ActionStatus.words[folded] else { return nil }
        self = status
    }

    /// Every accepted word, folded (lowercase, single spaces), and the status it means.
    static let words: [String: ActionStatus] = [
        "not started": .notStarted, "notstarted": .notStarted, "not yet started": .notStarted,
        "on track": .onTrack, "ontrack": .onTrack, "green": .onTrack, "in progress": .onTrack,
        "ongoing": .onTrack, "on going": .onTrack,
        "at risk": .atRisk, "atrisk": .atRisk, "amber": .atRisk,
        "off track": .offTrack, "offtrack": .offTrack, "red": .offTrack,
        "done": .done, "complete": .done, "completed": .done, "blue": .done,
    ]

    /// The RAG colour a plan that reports in RAG shows for this status (`Manifest.reporting`);
    /// nil for "not started", which has no colour.
    public var ragColour: String? {
        switch self {
        case .notStarted: nil
        case .onTrack: "Green"
        case .atRisk: "Amber"
        case .offTrack: "Red"
        case .done: "Blue"
        }
    }
}

/// A dated step towards an action ("Appointment made by August 08").
public struct Milestone: Hashable, Sendable, Codable {
    public var due: DueDate
    public var text: String

    public init(due: DueDate, text: String) {
        self.due = due
        self.text = text
    }

    /// A milestone whose date could not be told apart from its step: the whole line is the
    /// text, and the due date is empty (`isKeptAsWritten`).
    public init(keptAsWritten text: String) {
        self.init(due: DueDate(text: "", kind: .unread, note: "kept as written"), text: text)
    }

    /// True when the milestone is one line kept as written, with no date of its own.
    public var isKeptAsWritten: Bool { due.text.isEmpty }

    /// The milestone as its line says it: `when | what`, or the line kept as written.
    public var written: String { isKeptAsWritten ? text : "\(due.text) | \(text)" }
}

/// One action of the plan, as one partner wrote it.
public struct Action: Hashable, Sendable, Codable {
    public var ref: ActionRef
    /// The action itself, one line.
    public var text: String
    public var due: DueDate?
    /// Lead officer(s), as written, in order.
    public var leads: [String]
    public var status: ActionStatus?
    /// Success criteria / expected outcomes.
    public var success: [String]
    public var milestones: [Milestone]
    public var resources: String?
    public var risk: String?
    public var monitoring: String?
    public var crossReferences: [CrossReference]
    /// Links to other plans and strategies.
    public var links: [String]
    /// Free-text detail of the action (`### Details`), lines as written.
    public var details: [String]
    /// Free-text notes (`### Notes`), lines as written.
    public var notes: [String]
    /// The outcome areas it names itself (`Outcome area:`), as written; empty: its
    /// recommendation's (`Manifest.outcomeAreas(of:)`).
    public var outcomeAreas: [String] = []

    /// Where the action's heading and each field stood in its file (not part of equality).
    public var position: Position
    public var fieldPositions: FieldPositions

    public init(
        ref: ActionRef, text: String, due: DueDate? = nil, leads: [String] = [],
        status: ActionStatus? = nil, success: [String] = [], milestones: [Milestone] = [],
        resources: String? = nil, risk: String? = nil, monitoring: String? = nil,
        crossReferences: [CrossReference] = [], links: [String] = [], details: [String] = [],
        notes: [String] = [], position: Position = .unknown,
        fieldPositions: FieldPositions = FieldPositions()
    ) {
        self.ref = ref
        self.text = text
        self.due = due
        self.leads = leads
        self.status = status
        self.success = success
        self.milestones = milestones
        self.resources = resources
        self.risk = risk
        self.monitoring = monitoring
        self.crossReferences = crossReferences
        self.links = links
        self.details = details
        self.notes = notes
        self.position = position
        self.fieldPositions = fieldPositions
    }

    /// True when the field holds something (a required-field check reads this).
    public func has(_ field: ActionField) -> Bool {
        switch field {
        case .due: due.map { !$0.text.isEmpty } ?? false
        case .lead: !leads.isEmpty
        case .status: status != nil
        case .success: !success.isEmpty
        case .milestone: !milestones.isEmpty
        case .resources: !(resources ?? "").isEmpty
        case .risk: !(risk ?? "").isEmpty
        case .monitoring: !(monitoring ?? "").isEmpty
        case .seeAlso: !crossReferences.isEmpty
        case .link: !links.isEmpty
        case .outcomeArea: !outcomeAreas.isEmpty
        }
    }
}

/// Where each field of an action stood (first occurrence), for diagnostics. Never compared.
///
/// One slot per field in `ActionField.allCases` order, allocated at the first position set:
/// a dictionary hashed every field and grew several times per action.
public struct FieldPositions: Hashable, Sendable, Codable {
    private var slots: [Position?] = []

    public init() {}

    /// The positions as a dictionary (the form it is encoded in).
    public var byField: [ActionField: Position] {
        get {
            var out: [ActionField: Position] = [:]
            for (index, position) in slots.enumerated() {
                if let position { out[ActionField.allCases[index]] = position }
            }
            return out
        }
        set {
            slots = []
            for (field, position) in newValue { self[field] = position }
        }
    }

    public subscript(field: ActionField) -> Position? {
        get {
            let index = field.slot
            return index < slots.count ? slots[index] : nil
        }
        set {
            if slots.isEmpty {
                guard newValue != nil else { return }
                slots = [Position?](repeating: nil, count: ActionField.allCases.count)
            }
            slots[field.slot] = newValue
        }
    }

    public static func == (lhs: FieldPositions, rhs: FieldPositions) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    private enum CodingKeys: String, CodingKey {
        case byField
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        byField = try container.decode([ActionField: Position].self, forKey: .byField)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(byField, forKey: .byField)
    }
}
