/// `duplicate-reference`: an action reference is unique across the whole plan.
public struct DuplicateReferenceCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["duplicate-reference"] }

    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        let byRef = Dictionary(grouping: plan.actions, by: \.action.ref)
        return byRef.keys.sorted().flatMap { ref -> [Diagnostic] in
            let holders = byRef[ref]!.sorted { ($0.file, $0.action.position.line) < ($1.file, $1.action.position.line) }
            guard holders.count > 1 else { return [] }
            return holders.dropFirst().map { dup in
                let first = holders[0]
                let firstWhere = first.partner == dup.partner ? "line \(first.action.position.line)" : "\(first.file) (\(first.partner))"
                return Diagnostic(
                    .error, "duplicate-reference", at: dup.location,
                    "action \(ref) is already defined at \(firstWhere)",
                    hint: "give this action the next free number in recommendation \(ref.recommendation), or agree with the other partner who keeps \(ref)")
            }
        }
    }
}
