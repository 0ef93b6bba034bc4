/// `action-overdue`: an action whose due date has passed (as of the context's `today`)
/// and that is not done. Off when no `today` is given.
public struct OverdueCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["action-overdue"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        guard let today = context.today else { return [] }
        return index.actions.compactMap { placed in
            guard placed.action.isOverdue(on: today), let end = placed.action.openDueEnd else { return nil }
            let at = (placed.action.duePosition ?? placed.action.position).in(placed.file)
            return Diagnostic(
                .warning, "action-overdue", at: at,
                "action \(placed.action.ref) was due by \(end.iso) (\(end.days(to: today)) days ago) and is not done",
                hint: "update 'Status:' (done, at risk, off track) and, if agreed, the due date")
        }
    }

}
