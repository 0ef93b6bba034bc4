/// `outcome-area-unknown`: every outcome area a recommendation (`outcome-areas:` in the
/// manifest) or an action (`Outcome area:`) names is one the manifest lists under
/// `outcome-areas:`, by id or title. `outcome-area-duplicate`: ids and titles are unique.
public struct OutcomeAreaCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["outcome-area-unknown", "outcome-area-duplicate"] }

    /// The manifest's own outcome areas and recommendations.
    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        let manifest = index.manifest
        var out: [Diagnostic] = []
        var seen: [String: String] = [:]
        for area in manifest.outcomeAreas {
            for name in Set([OutcomeArea.fold(area.id), OutcomeArea.fold(area.title)]) {
                if let first = seen[name] {
                    out.append(
                        Diagnostic(
                            .error, "outcome-area-duplicate",
                            at: index.manifestLocations.outcomeAreas[area.id]
                                ?? SourceLocation(file: Manifest.fileName),
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
                        name, at: index.manifestLocations.recommendation(rec.number),
                        what: "recommendation \(rec.number)", manifest: manifest))
            }
        }
        return out
    }

    /// Each action's `Outcome area:`.
    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for action in section.actions {
            for name in action.outcomeAreas where scope.manifest.outcomeArea(named: name) == nil {
                let at = (action.fieldPositions[.outcomeArea] ?? action.position).in(section.path)
                out.append(unknown(name, at: at, what: "action \(action.ref)", manifest: scope.manifest))
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
