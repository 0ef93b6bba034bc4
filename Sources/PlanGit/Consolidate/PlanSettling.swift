import GitKit
import PlanModel

/// Checks the merged plan as one and settles which contributions stand: errors the merged
/// plan has that main did not are laid at the door of the partner whose folder they are in;
/// that partner is held back and the rest checked again, until no new error remains.
struct PlanSettling {
    let hub: TreeSnapshot
    let cache: ParseCache
    let context: CheckContext

    struct Settled {
        var merged: TreeSnapshot
        /// The merged plan; nil when nothing was merged and main was not read again.
        var plan: Plan?
        var diagnostics: [Diagnostic]
    }

    /// Main's own diagnostics, computed at most once and only when needed: a merged plan
    /// with no errors needs no baseline to compare with.
    private final class Baseline {
        var diagnostics: [Diagnostic]?
    }
    private let baseline = Baseline()

    private func hubDiagnostics() throws -> [Diagnostic] {
        if let known = baseline.diagnostics { return known }
        let loaded = try PlanLoader(cache: cache).load(from: hub)
        let all = loaded.diagnostics + (loaded.plan.map { Validator().validate($0, context: context) } ?? [])
        baseline.diagnostics = all
        return all
    }

    func settle(_ candidates: inout [String: PartnerContribution], _ outcomes: inout [String: PartnerOutcome]) throws -> Settled {
        while true {
            if candidates.isEmpty {
                // Nothing to merge (or everything held back): main stays as it is, unread.
                return Settled(merged: hub, plan: nil, diagnostics: [])
            }
            var merged = hub
            for contribution in candidates.values {
                for (path, entry) in contribution.files { merged.set(path, entry) }
            }
            let result = try PlanLoader(cache: cache).load(from: merged)
            let diagnostics = result.diagnostics + (result.plan.map { Validator().validate($0, context: context) } ?? [])
            let errors = diagnostics.filter { $0.severity == .error }
            if errors.isEmpty { return Settled(merged: merged, plan: result.plan, diagnostics: diagnostics) }

            let known = Set(try hubDiagnostics().filter { $0.severity == .error }.map(ErrorKey.init))
            var culprits: [String: [Diagnostic]] = [:]
            for error in errors where !known.contains(ErrorKey(error)) {
                if let owner = SectionFile.splitFolder(error.location.file)?.partner, candidates[owner] != nil {
                    culprits[owner, default: []].append(error)
                }
            }
            if culprits.isEmpty { return Settled(merged: merged, plan: result.plan, diagnostics: diagnostics) }
            // Two new contributions that clash (the same new reference) both show the error:
            // hold back only the later one, so the first is taken.
            let clashing = culprits.filter { $0.value.allSatisfy { $0.rule == "duplicate-reference" } }
            if clashing.count == culprits.count, culprits.count > 1, let last = culprits.keys.max() {
                culprits = [last: culprits[last]!]
            }
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
}

/// An error's identity across two versions of the plan: rule, file and message (lines move).
struct ErrorKey: Hashable {
    var rule: String
    var file: String
    var message: String

    init(_ d: Diagnostic) {
        rule = d.rule
        file = d.location.file
        message = d.message
    }
}
