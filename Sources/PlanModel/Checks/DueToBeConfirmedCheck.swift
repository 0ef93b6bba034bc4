/// `due-to-be-confirmed`: an action whose date is still "to be confirmed". Allowed, but
/// the coordinator chases these before Cabinet.
public struct DueToBeConfirmedCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["due-to-be-confirmed"] }

    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        plan.actions.compactMap { placed in
            guard placed.action.isToBeConfirmed else { return nil }
            let at = (placed.action.fieldPositions[.due] ?? placed.action.position).in(placed.file)
            return Diagnostic(
                .warning, "due-to-be-confirmed", at: at,
                "the due date of action \(placed.action.ref) is still to be confirmed",
                hint: "agree a date with the lead officer and write it in 'Due:'")
        }
    }
}
