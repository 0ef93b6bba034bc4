/// `due-after-timescale`: an action due after the end of its recommendation's timescale
/// group (an "immediate" recommendation answered by an action due next year).
public struct DueAfterTimescaleCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["due-after-timescale"] }

    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        plan.actions.compactMap { placed in
            guard let due = placed.action.due, let end = due.end,
                let rec = plan.manifest.recommendation(placed.action.ref.recommendation),
                let timescale = plan.manifest.timescale(rec.timescale), let limit = timescale.end,
                end > limit
            else { return nil }
            let at = (placed.action.fieldPositions[.due] ?? placed.action.position).in(placed.file)
            return Diagnostic(
                .warning, "due-after-timescale", at: at,
                "action \(placed.action.ref) is due by \(end.iso), after the end of '\(timescale.name)' (\(limit.iso)) for recommendation \(rec.number)",
                hint: "bring the date forward, or add a milestone within the timescale and explain in Notes")
        }
    }
}
