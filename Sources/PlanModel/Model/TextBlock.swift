/// The free-text blocks of a section file, written under `### Name` headings.
///
/// Recommendation-level blocks (before the first action) are the lead partner's text;
/// `details` and `notes` may also follow an action heading and then belong to that action.
public enum BlockKind: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case judgement
    case positionStatement = "position-statement"
    case summary
    case keyRequirements = "key-requirements"
    case purpose
    case targetGroup = "target-group"
    case leadResponsibility = "lead-responsibility"
    case successCriteria = "success-criteria"
    case monitoring
    case responsibility
    case resources
    case externalSupport = "external-support"
    case links
    case details
    case notes

    /// The heading written by `planmerge fmt`.
    public var heading: String {
        switch self {
        case .judgement: "Judgement"
        case .positionStatement: "Position statement"
        case .summary: "Summary of actions"
        case .keyRequirements: "Key requirements"
        case .purpose: "Purpose"
        case .targetGroup: "Target group"
        case .leadResponsibility: "Lead responsibility"
        case .successCriteria: "Success criteria"
        case .monitoring: "Monitoring and evaluation"
        case .responsibility: "Monitoring responsibility"
        case .resources: "Resources"
        case .externalSupport: "External support"
        case .links: "Links to other plans"
        case .details: "Details"
        case .notes: "Notes"
        }
    }

    /// Blocks that may follow an action heading.
    public var isActionBlock: Bool { self == .details || self == .notes }

    public init?(heading raw: String) {
        let key = raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" })
            .joined(separator: " ")
        guard let kind = BlockKind.aliases[key] else { return nil }
        self = kind
    }

    static let aliases: [String: BlockKind] = {
        var map: [String: BlockKind] = [:]
        for kind in BlockKind.allCases { map[kind.heading.lowercased()] = kind }
        let extra: [String: BlockKind] = [
            "jar judgement": .judgement, "judgment": .judgement, "inspection judgement": .judgement,
            "summary": .summary, "the purpose of the activity": .purpose,
            "purpose of the activity": .purpose, "the target group for the activity": .targetGroup,
            "target group for the activity": .targetGroup, "monitoring": .monitoring,
            "responsibility": .responsibility, "resource requirement": .resources,
            "resources required": .resources, "link to other priorities, activities, plans": .links,
            "links": .links, "link to other plans": .links, "note": .notes, "detail": .details,
            "description": .details,
        ]
        map.merge(extra) { a, _ in a }
        return map
    }()
}

/// A free-text block: its kind and its lines as written (trailing spaces removed; no
/// leading or trailing blank lines; runs of blank lines folded to one).
public struct TextBlock: Hashable, Sendable, Codable {
    public var kind: BlockKind
    public var lines: [String]
    public var position: Position

    public init(kind: BlockKind, lines: [String], position: Position = .unknown) {
        self.kind = kind
        self.lines = lines
        self.position = position
    }

    public var text: String { lines.joined(separator: "\n") }
}
