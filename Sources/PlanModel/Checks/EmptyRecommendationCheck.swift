/// `recommendation-no-actions`: every recommendation of the manifest is answered by at
/// least one action.
public struct EmptyRecommendationCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["recommendation-no-actions"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        let answered = Set(index.sections.filter { !$0.actions.isEmpty }.map(\.recommendation))
        return index.manifest.recommendations.filter { !answered.contains($0.number) }.map { rec in
            Diagnostic(
                .warning, "recommendation-no-actions", at: index.manifestLocations.recommendation(rec.number),
                "recommendation \(rec.number) has no actions yet",
                hint: "the lead partner (\(rec.lead)) adds actions in sections/\(rec.lead)/\(rec.number).md")
        }
    }
}
