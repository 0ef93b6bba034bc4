/// `reference-wrong-recommendation`: action N.M stands in the file of recommendation N.
public struct ReferenceRecommendationCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["reference-wrong-recommendation"] }

    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        section.actions.filter { section.recommendation != 0 && $0.ref.recommendation != section.recommendation }
            .map { action in
                Diagnostic(
                    .error, "reference-wrong-recommendation", at: action.position.in(section.path),
                    "action \(action.ref) belongs to recommendation \(action.ref.recommendation) but stands in the file of recommendation \(section.recommendation)",
                    hint:
                        "renumber it \(section.recommendation).M, or move it to sections/\(section.partner)/\(action.ref.recommendation).md"
                )
            }
    }
}
