/// `recommendation-text-not-lead`: only a recommendation's lead partner writes its
/// recommendation-level text (judgement, position statement, summary, ...).
public struct RecommendationTextOwnerCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["recommendation-text-not-lead"] }

    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        guard let recommendation = scope.manifest.recommendation(section.recommendation),
            recommendation.lead != section.partner
        else { return [] }
        let lead = scope.manifest.partner(recommendation.lead)?.name ?? recommendation.lead
        return section.blocks.map { block in
            Diagnostic(
                .error, "recommendation-text-not-lead", at: block.position.in(section.path),
                "'\(block.kind.heading)' is recommendation-level text, written only by the lead partner (\(lead))",
                hint: "send this text to the lead partner, or turn it into '### Notes' under one of your actions")
        }
    }
}
