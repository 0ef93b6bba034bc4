/// `action-overdue`: an action whose due date has passed (as of the context's `today`)
/// and that is not done. Off when no `today` is given.
public struct OverdueCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["action-overdue"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        guard let today = context.today else { return [] }
        var out: [Diagnostic] = []
        for section in index.sections {
            for action in section.actions where action.isOverdue(on: today) {
                guard let end = action.openDueEnd else { continue }
                out.append(
                    Diagnostic(
                        .warning, "action-overdue", at: (action.duePosition ?? action.position).in(section.path),
                        "action \(action.ref) was due by \(end.iso) (\(end.days(to: today)) days ago) and is not done",
                        hint: "update 'Status:' (done, at risk, off track) and, if agreed, the due date"))
            }
        }
        return out
    }
}
