/// One independent validation rule over a whole plan, with a stable rule id.
///
/// Checks never print and never stop at the first problem: each returns every diagnostic
/// it finds. `Validator` runs them all; docs/RULES.md lists the ids.
public protocol PlanCheck: Sendable {
    /// The rule ids this check can report (most checks report one).
    var rules: [String] { get }
    func check(_ plan: Plan, context: CheckContext) -> [Diagnostic]
}

/// What a check may need besides the plan.
public struct CheckContext: Sendable {
    /// "Today" for overdue checks; nil turns them off (a plain `validate` of a 2008 plan
    /// should not call every action overdue).
    public var today: Day?

    public init(today: Day? = nil) {
        self.today = today
    }
}

/// Runs every check over a plan.
public struct Validator: Sendable {
    public var checks: [any PlanCheck]

    public init(checks: [any PlanCheck] = Validator.standardChecks) {
        self.checks = checks
    }

    /// The checks `planmerge validate` runs, in reporting order.
    public static let standardChecks: [any PlanCheck] = [
        FileLayoutCheck(),
        SectionPlacementCheck(),
        RecommendationTextOwnerCheck(),
        RequiredFieldsCheck(),
        DuplicateReferenceCheck(),
        ReferenceRecommendationCheck(),
        CrossReferenceCheck(),
        EmptyRecommendationCheck(),
        ManifestConsistencyCheck(),
        OutcomeAreaCheck(),
        RemoteCredentialsCheck(),
        DueUnreadCheck(),
        DueToBeConfirmedCheck(),
        DueAfterTimescaleCheck(),
        OverdueCheck(),
        ControlCharacterCheck(),
    ]

    public func validate(_ plan: Plan, context: CheckContext = CheckContext()) -> [Diagnostic] {
        checks.flatMap { $0.check(plan, context: context) }
    }
}
