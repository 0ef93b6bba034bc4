import PlanModel

/// The parts of an action an officer edits in the browser, with their form and JSON names
/// and the words the pages use for them.
public enum EditableField: String, CaseIterable, Sendable, Codable {
    case text
    case status
    case due
    case lead
    case success
    case milestones
    case resources
    case risk
    case notes

    /// The form field and JSON key.
    public var name: String { rawValue }

    /// The label the officer reads.
    public var label: String {
        switch self {
        case .text: "The action"
        case .status: "Progress"
        case .due: "Due by"
        case .lead: "Lead officer"
        case .success: "Success criteria"
        case .milestones: "Milestones"
        case .resources: "Resources"
        case .risk: "Risk"
        case .notes: "Notes"
        }
    }

    /// Several lines, one value each (a text area rather than one line).
    public var isMultiline: Bool {
        switch self {
        case .success, .milestones, .notes: true
        default: false
        }
    }

    /// The field of the section format this edits (nil for the action text and notes).
    public var formatField: ActionField? {
        switch self {
        case .status: .status
        case .due: .due
        case .lead: .lead
        case .success: .success
        case .milestones: .milestone
        case .resources: .resources
        case .risk: .risk
        case .text, .notes: nil
        }
    }

    /// The field an `ActionField` name or a merge conflict's field label stands for.
    public init?(formatLabel label: String) {
        if label == "Action" {
            self = .text
            return
        }
        if label == BlockKind.notes.heading {
            self = .notes
            return
        }
        guard let field = ActionField(named: label),
            let match = EditableField.allCases.first(where: { $0.formatField == field })
        else { return nil }
        self = match
    }

    /// The field's current value as the form shows it (lists one per line).
    public func value(in action: Action) -> String {
        switch self {
        case .text: action.text
        case .notes: action.notes.joined(separator: "\n")
        default: formatField.map { SectionFormatter.values(of: $0, in: action).joined(separator: "\n") } ?? ""
        }
    }
}
