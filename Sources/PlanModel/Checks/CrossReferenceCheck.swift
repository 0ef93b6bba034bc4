/// `cross-reference-unknown`: every "See also" points at an action or a recommendation
/// that exists.
public struct CrossReferenceCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["cross-reference-unknown"] }

    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        let refs = Set(plan.actions.map(\.action.ref))
        return plan.actions.flatMap { placed in
            placed.action.crossReferences.compactMap { target -> Diagnostic? in
                let exists: Bool
                switch target {
                case .action(let ref): exists = refs.contains(ref)
                case .recommendation(let n): exists = plan.manifest.recommendation(n) != nil
                }
                guard !exists else { return nil }
                let location = (placed.action.fieldPositions[.seeAlso] ?? placed.action.position).in(placed.file)
                return Diagnostic(
                    .error, "cross-reference-unknown", at: location,
                    "action \(placed.action.ref) refers to \(target), which the plan does not have",
                    hint: "correct the reference, or remove it from 'See also'")
            }
        }
    }
}
