/// `outcome-area-unknown`: every outcome area a recommendation (`outcome-areas:` in the
/// manifest) or an action (`Outcome area:`) names is one the manifest lists under
/// `outcome-areas:`, by id or title. `outcome-area-duplicate`: ids and titles are unique.
public struct OutcomeAreaCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["outcome-area-unknown", "outcome-area-duplicate"] }

    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        let manifest = plan.manifest
        var out: [Diagnostic] = []
        var seen: [String: String] = [:]
        for area in manifest.outcomeAreas {
            for name in Set([OutcomeArea.fold(area.id), OutcomeArea.fold(area.title)]) {
                if let first = seen[name] {
                    out.append(
                        Diagnostic(
                            .error, "outcome-area-duplicate",
                            at: plan.manifestLocations.outcomeAreas[area.id] ?? SourceLocation(file: Manifest.fileName),
                            "outcome area '\(area.id)' has the same id or title as '\(first)'",
                            hint: "give each outcome area its own id and title"))
                }
                seen[name] = seen[name] ?? area.id
            }
        }
        for rec in manifest.recommendations {
            for name in rec.outcomeAreas where manifest.outcomeArea(named: name) == nil {
                out.append(
                    unknown(
                        name, at: plan.manifestLocations.recommendation(rec.number),
                        what: "recommendation \(rec.number)", manifest: manifest))
            }
        }
        for placed in plan.actions {
            let action = placed.action
            for name in action.outcomeAreas where manifest.outcomeArea(named: name) == nil {
                let at = (action.fieldPositions[.outcomeArea] ?? action.position).in(placed.file)
                out.append(unknown(name, at: at, what: "action \(action.ref)", manifest: manifest))
            }
        }
        return out
    }

    private func unknown(_ name: String, at: SourceLocation, what: String, manifest: Manifest) -> Diagnostic {
        let hint =
            manifest.outcomeAreas.isEmpty
            ? "list the partnership's outcome areas under 'outcome-areas:' in plan.yaml (see docs/FORMAT.md), or remove it"
            : "use an id or title of the plan's outcome areas: \(manifest.outcomeAreaList)"
        return Diagnostic(
            .error, "outcome-area-unknown", at: at,
            "\(what) names outcome area '\(name)', which plan.yaml does not list", hint: hint)
    }
}
