import GitKit
import PlanModel

/// Checks the merged plan as one and settles which contributions stand. An error the merged
/// plan has and main did not is laid at the door of the contribution that introduced it,
/// wherever it is located: the partner whose change alone brings it (withdrawing an action
/// another partner's `See also` names, adding a reference another partner already uses), or,
/// when only contributions together bring it (two partners adding the same new reference),
/// the latest of them (by id) whose removal takes it away. That partner is held back and the
/// rest checked again, until no new error remains. New warnings are reported against the
/// accepted partner that brought them the same way.
struct PlanSettling {
    let hub: TreeSnapshot
    let cache: ParseCache
    let context: CheckContext

    struct Settled {
        var merged: TreeSnapshot
        /// The merged plan's index; nil when nothing was merged and main was not read again.
        var plan: PlanIndex?
        var diagnostics: [Diagnostic]
    }

    /// Main's own diagnostics and each contribution's alone, computed at most once and only
    /// when needed: a merged plan with no errors and no new warnings needs neither.
    private final class Known {
        var hub: Set<Diagnostic.Identity>?
        var alone: [String: Set<Diagnostic.Identity>] = [:]
    }
    private let known = Known()

    private func check(_ tree: TreeSnapshot) throws -> (plan: PlanIndex?, diagnostics: [Diagnostic]) {
        let checked = try PlanLoader(cache: cache).check(from: tree, context: context)
        return (checked.index, checked.diagnostics)
    }

    private func merge(_ contributions: some Sequence<PartnerContribution>) -> TreeSnapshot {
        var merged = hub
        for contribution in contributions {
            for (path, entry) in contribution.files { merged.set(path, entry) }
        }
        return merged
    }

    /// Every diagnostic of main (errors and warnings), as keys.
    private func hubKeys() throws -> Set<Diagnostic.Identity> {
        if let keys = known.hub { return keys }
        let keys = Set(try check(hub).diagnostics.map(Diagnostic.Identity.init))
        known.hub = keys
        return keys
    }

    /// The diagnostics main with this one contribution has and main has not.
    private func newAlone(_ contribution: PartnerContribution) throws -> Set<Diagnostic.Identity> {
        if let keys = known.alone[contribution.partner.id] { return keys }
        let keys = Set(try check(merge([contribution])).diagnostics.map(Diagnostic.Identity.init)).subtracting(
            try hubKeys())
        known.alone[contribution.partner.id] = keys
        return keys
    }

    func settle(_ candidates: inout [String: PartnerContribution], _ outcomes: inout [String: PartnerOutcome]) throws
        -> Settled
    {
        while true {
            if candidates.isEmpty {
                // Nothing to merge (or everything held back): main stays as it is, unread.
                return Settled(merged: hub, plan: nil, diagnostics: [])
            }
            let merged = merge(candidates.values)
            let result = try check(merged)
            let errors = result.diagnostics.filter { $0.severity == .error }
            if errors.isEmpty {
                try attributeWarnings(result.diagnostics, candidates, &outcomes)
                return Settled(merged: merged, plan: result.plan, diagnostics: result.diagnostics)
            }
            let newErrors = try errors.filter { try !hubKeys().contains(Diagnostic.Identity($0)) }
            let culprits = try blame(newErrors, candidates)
            if culprits.isEmpty { return Settled(merged: merged, plan: result.plan, diagnostics: result.diagnostics) }
            for (partner, errors) in culprits {
                candidates[partner] = nil
                outcomes[partner]?.state = .heldBack
                outcomes[partner]?.errors = errors.sortedForReading()
                outcomes[partner]?.reasons = [
                    "its changes bring \(errors.count) error(s) into the plan; its last accepted version stands until they are fixed"
                ]
            }
        }
    }

    /// Which contributions introduced these new errors, and the errors each answers for.
    private func blame(_ newErrors: [Diagnostic], _ candidates: [String: PartnerContribution]) throws
        -> [String: [Diagnostic]]
    {
        guard !newErrors.isEmpty else { return [:] }
        var culprits: [String: [Diagnostic]] = [:]
        let ids = candidates.keys.sorted()
        if ids.count == 1 { return [ids[0]: newErrors] }  // alone: the merged plan is its own
        for id in ids {
            let alone = try newAlone(candidates[id]!)
            let own = newErrors.filter { alone.contains(Diagnostic.Identity($0)) }
            if !own.isEmpty { culprits[id] = own }
        }
        if culprits.isEmpty {
            // Only together: hold back the latest contribution whose removal takes an error away.
            for id in ids.reversed() {
                var others = candidates
                others[id] = nil
                let remaining = Set(try check(merge(others.values)).diagnostics.map(Diagnostic.Identity.init))
                let gone = newErrors.filter { !remaining.contains(Diagnostic.Identity($0)) }
                if !gone.isEmpty {
                    culprits[id] = gone
                    break
                }
            }
        }
        // Each partner is shown the errors in its own folder when it has some (the other half
        // of a duplicate names it anyway); else all the errors it caused elsewhere.
        return culprits.reduce(into: [:]) { result, pair in
            let mine = pair.value.filter { SectionFile.splitFolder($0.location.file)?.partner == pair.key }
            result[pair.key] = mine.isEmpty ? pair.value : mine
        }
    }

    /// Records, on each accepted contribution's outcome, the new warnings it brought: the
    /// contribution that brings it alone, wherever it is located; failing that (only together),
    /// the contribution that changed the file it is in.
    private func attributeWarnings(
        _ diagnostics: [Diagnostic], _ candidates: [String: PartnerContribution],
        _ outcomes: inout [String: PartnerOutcome]
    ) throws {
        let warnings = diagnostics.filter { $0.severity == .warning }
        guard !warnings.isEmpty else { return }
        let fresh = try warnings.filter { try !hubKeys().contains(Diagnostic.Identity($0)) }
        let ids = candidates.keys.sorted()
        for warning in fresh {
            var owners =
                try ids.count == 1
                ? ids : ids.filter { try newAlone(candidates[$0]!).contains(Diagnostic.Identity(warning)) }
            if owners.isEmpty {
                // Only together: the partner whose own file it is, if it changed that file.
                owners = ids.filter { candidates[$0]!.files.keys.contains(warning.location.file) }
            }
            for owner in owners { outcomes[owner]?.warnings.append(warning) }
        }
        for id in ids {
            if let warnings = outcomes[id]?.warnings { outcomes[id]?.warnings = warnings.sortedForReading() }
        }
    }
}
