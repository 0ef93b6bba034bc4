/// `due-after-timescale`: an action due after the end of its recommendation's timescale
/// group (an "immediate" recommendation answered by an action due next year).
public struct DueAfterTimescaleCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["due-after-timescale"] }

    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        // The file's own recommendation is looked up once (the manifest's lookup is a search).
        let own = scope.manifest.recommendation(section.recommendation)
        return section.actions.compactMap { action in
            guard let due = action.due, let end = due.end,
                let rec = action.ref.recommendation == section.recommendation
                    ? own : scope.manifest.recommendation(action.ref.recommendation),
                let timescale = scope.manifest.timescale(rec.timescale), let limit = timescale.end,
                end > limit
            else { return nil }
            let at = (action.fieldPositions[.due] ?? action.position).in(section.path)
            return Diagnostic(
                .warning, "due-after-timescale", at: at,
                "action \(action.ref) is due by \(end.iso), after the end of '\(timescale.name)' (\(limit.iso)) for recommendation \(rec.number)",
                hint: "bring the date forward, or add a milestone within the timescale and explain in Notes")
        }
    }
}
