/// Writes a `SectionFile` in canonical form (docs/FORMAT.md, "Canonical form").
///
/// `SectionParser().parse(SectionFormatter.format(x))` gives back `x`, and formatting is
/// idempotent; both are property-tested.
public enum SectionFormatter {
    public static func format(_ section: SectionFile) -> String {
        var out: [String] = ["# Recommendation \(section.recommendation)"]
        let blocks = section.blocks.sorted { order($0.kind) < order($1.kind) }
        for block in blocks {
            appendBlock(block.kind, block.lines, to: &out)
        }
        for action in section.actions.sorted(by: { $0.ref < $1.ref }) {
            out.append("")
            out.append(action.text.isEmpty ? "## \(action.ref)" : "## \(action.ref) \(action.text)")
            out.append(contentsOf: fieldLines(action))
            if !action.details.isEmpty { appendBlock(.details, action.details, to: &out) }
            if !action.notes.isEmpty { appendBlock(.notes, action.notes, to: &out) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The field lines of an action, in canonical order.
    public static func fieldLines(_ action: Action) -> [String] {
        var lines: [String] = []
        for field in ActionField.allCases {
            for value in values(of: field, in: action) {
                lines.append("\(field.label): \(value)")
            }
        }
        return lines
    }

    /// The canonical text of each value a field holds (one per line it takes).
    public static func values(of field: ActionField, in action: Action) -> [String] {
        switch field {
        case .due: action.due.map { [$0.text] } ?? []
        case .lead: action.leads.isEmpty ? [] : [action.leads.joined(separator: "; ")]
        case .status: action.status.map { [$0.rawValue] } ?? []
        case .success: action.success
        case .milestone: action.milestones.map(\.written)
        case .resources: action.resources.map { [$0] } ?? []
        case .risk: action.risk.map { [$0] } ?? []
        case .monitoring: action.monitoring.map { [$0] } ?? []
        case .seeAlso:
            action.crossReferences.isEmpty ? [] : [action.crossReferences.map(\.description).joined(separator: ", ")]
        case .link: action.links
        case .outcomeArea: action.outcomeAreas.isEmpty ? [] : [action.outcomeAreas.joined(separator: "; ")]
        }
    }

    private static func appendBlock(_ kind: BlockKind, _ lines: [String], to out: inout [String]) {
        out.append("")
        out.append("### \(kind.heading)")
        out.append(contentsOf: BlockText.normalise(lines))
    }

    private static func order(_ kind: BlockKind) -> Int {
        BlockKind.allCases.firstIndex(of: kind) ?? 0
    }
}
