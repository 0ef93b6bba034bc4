/// `recommendation-no-actions`: every recommendation of the manifest is answered by at
/// least one action.
public struct EmptyRecommendationCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["recommendation-no-actions"] }

    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        let answered = Set(plan.sections.filter { !$0.actions.isEmpty }.map(\.recommendation))
        return plan.manifest.recommendations.filter { !answered.contains($0.number) }.map { rec in
            Diagnostic(
                .warning, "recommendation-no-actions", at: plan.manifestLocations.recommendation(rec.number),
                "recommendation \(rec.number) has no actions yet",
                hint: "the lead partner (\(rec.lead)) adds actions in sections/\(rec.lead)/\(rec.number).md")
        }
    }
}
