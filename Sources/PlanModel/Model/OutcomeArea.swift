/// One of the partnership's outcome areas (`outcome-areas:` in `plan.yaml`), such as the five
/// Every Child Matters outcomes a Children and Young People's Plan organises its work under.
public struct OutcomeArea: Hashable, Sendable, Codable {
    /// A short id the plan writes (`stay-safe`).
    public var id: String
    /// The name readers see ("Stay Safe").
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }

    /// True when `name` is this area's id or title, ignoring case, spaces, '-' and '_'.
    public func isNamed(_ name: String) -> Bool {
        let key = OutcomeArea.fold(name)
        return key == OutcomeArea.fold(id) || key == OutcomeArea.fold(title)
    }

    static func fold(_ text: String) -> String { text.foldedName }
}

extension String {
    /// A name as people may write it, folded for matching: lowercase, with spaces, tabs, '-'
    /// and '_' all one space ("Lead-Officer", "lead  officer" → "lead officer"). Action field
    /// names and outcome areas are matched this way.
    var foldedName: String {
        lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "_" })
            .joined(separator: " ")
    }
}

extension Manifest {
    /// The outcome area an id or title names, or nil when the manifest lists no such area.
    public func outcomeArea(named name: String) -> OutcomeArea? {
        outcomeAreas.first { $0.isNamed(name) }
    }

    /// "be-healthy (Be Healthy), stay-safe (Stay Safe)": the names a message suggests.
    public var outcomeAreaList: String {
        outcomeAreas.map { "\($0.id) (\($0.title))" }.joined(separator: ", ")
    }

    /// The areas an action serves: the ones it names itself (`Outcome area:`), else its
    /// recommendation's (`outcome-areas:` in the manifest). Names the manifest does not list
    /// are left out here (`validate` reports them); each area once, in the manifest's order.
    public func outcomeAreas(of action: Action) -> [OutcomeArea] {
        let names =
            action.outcomeAreas.isEmpty
            ? recommendation(action.ref.recommendation)?.outcomeAreas ?? [] : action.outcomeAreas
        return outcomeAreas.filter { area in names.contains { area.isNamed($0) } }
    }
}

/// The figures of the actions serving one outcome area (`id == nil`: actions that serve
/// none). An action serving several areas counts in each.
public struct OutcomeFigures: Hashable, Sendable, Codable {
    public var id: String?
    public var title: String
    /// The refs of its actions, in plan order.
    public var refs: [String]
    public var figures: PlanFigures

    public init(id: String?, title: String, actions: [Action], today: Day?) {
        self.id = id
        self.title = title
        self.refs = actions.map(\.ref.description)
        self.figures = PlanFigures(actions: actions, today: today)
    }

    /// One entry per outcome area of the manifest, then one for actions serving none (only
    /// when there are such actions). Empty when the manifest lists no outcome areas.
    public static func tally(_ actions: [Action], manifest: Manifest, today: Day?) -> [OutcomeFigures] {
        guard !manifest.outcomeAreas.isEmpty else { return [] }
        let areas = actions.map { manifest.outcomeAreas(of: $0) }
        var out = manifest.outcomeAreas.map { area in
            OutcomeFigures(
                id: area.id, title: area.title,
                actions: zip(actions, areas).filter { $0.1.contains(area) }.map(\.0), today: today)
        }
        let none = zip(actions, areas).filter(\.1.isEmpty).map(\.0)
        if !none.isEmpty { out.append(OutcomeFigures(id: nil, title: "No outcome area", actions: none, today: today)) }
        return out
    }
}
