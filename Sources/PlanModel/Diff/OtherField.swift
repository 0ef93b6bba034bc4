/// The action fields a diff names without detailing their change.
public enum OtherField: String, Hashable, Sendable, Codable, CaseIterable {
    case resources
    case risk
    case monitoring
    case milestones
    case seeAlso = "see-also"
    case links
    case details
    case notes
    case outcomeAreas = "outcome-areas"

    /// How a report names the field: the section file's spelling.
    public var label: String {
        switch self {
        case .resources: ActionField.resources.label
        case .risk: ActionField.risk.label
        case .monitoring: ActionField.monitoring.label
        case .milestones: "Milestones"
        case .seeAlso: ActionField.seeAlso.label
        case .links: "Links"
        case .details: BlockKind.details.heading
        case .notes: BlockKind.notes.heading
        case .outcomeAreas: ActionField.outcomeArea.label
        }
    }

    /// The fields whose values differ between two versions of an action, in this order.
    /// Milestones, see-also and links are compared as sets; details and notes line by line.
    public static func changed(from old: Action, to new: Action) -> [OtherField] {
        allCases.filter { field in
            switch field {
            case .resources: old.resources != new.resources
            case .risk: old.risk != new.risk
            case .monitoring: old.monitoring != new.monitoring
            case .milestones: Set(old.milestones) != Set(new.milestones)
            case .seeAlso: Set(old.crossReferences) != Set(new.crossReferences)
            case .links: Set(old.links) != Set(new.links)
            case .details: old.details != new.details
            case .notes: old.notes != new.notes
            case .outcomeAreas: old.outcomeAreas != new.outcomeAreas
            }
        }
    }
}
