/// `due-to-be-confirmed`: an action whose date is still "to be confirmed". Allowed, but
/// the coordinator chases these before Cabinet.
public struct DueToBeConfirmedCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["due-to-be-confirmed"] }

    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        section.actions.compactMap { action in
            guard action.isToBeConfirmed else { return nil }
            let at = (action.fieldPositions[.due] ?? action.position).in(section.path)
            return Diagnostic(
                .warning, "due-to-be-confirmed", at: at,
                "the due date of action \(action.ref) is still to be confirmed",
                hint: "agree a date with the lead officer and write it in 'Due:'")
        }
    }
}
