/// `action-missing-field`: every action has the fields the manifest's policy requires.
///
/// The default policy is Derby's Recommendation 3: a responsible officer, a delivery date,
/// an expected outcome, the resources required and the risk of failing to achieve.
public struct RequiredFieldsCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["action-missing-field"] }

    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        let policy = scope.manifest.policy
        return section.actions.flatMap { action -> [Diagnostic] in
            let missing = policy.required.filter { !action.has($0) }
            guard !missing.isEmpty else { return [] }
            let names = missing.map(\.meaning)
            let lines = missing.map { "'\($0.label): ...'" }
            return [
                Diagnostic(
                    policy.missing, "action-missing-field", at: action.position.in(section.path),
                    "action \(action.ref) does not name \(RequiredFieldsCheck.list(names))",
                    hint: "add \(RequiredFieldsCheck.list(lines)) under the action heading")
            ]
        }
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
