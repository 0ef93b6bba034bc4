/// `cross-reference-unknown`: every "See also" points at an action or a recommendation
/// that exists.
///
/// An action that is not (yet) in the plan is a warning: another partner may simply not
/// have published it yet, and a partner's first commit must not be refused for that. A
/// recommendation the manifest does not list is an error (the manifest is the coordinator's,
/// already on the hub).
public struct CrossReferenceCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["cross-reference-unknown"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        let refs = index.referenceCounts
        let numbers = Set(index.manifest.recommendations.map(\.number))
        var out: [Diagnostic] = []
        for section in index.sections {
            for action in section.actions where !action.crossReferences.isEmpty {
                out += unknownTargets(of: action, in: section.path, refs: refs, numbers: numbers)
            }
        }
        return out
    }

    /// The diagnostics for the targets of `action`'s `See also` that are not in the plan.
    private func unknownTargets(
        of action: ActionSummary, in file: String, refs: [ActionRef: Int], numbers: Set<Int>
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for target in action.crossReferences {
            let location = (action.seeAlsoPosition ?? action.position).in(file)
            switch target {
            case .action(let ref):
                guard refs[ref] == nil else { continue }
                out.append(
                    Diagnostic(
                        .warning, "cross-reference-unknown", at: location,
                        "action \(action.ref) refers to \(target), which is not (yet) in the plan",
                        hint: "if another partner has still to publish \(target), this clears when it does; "
                            + "otherwise correct the reference, or remove it from 'See also'"))
            case .recommendation(let n):
                guard !numbers.contains(n) else { continue }
                out.append(
                    Diagnostic(
                        .error, "cross-reference-unknown", at: location,
                        "action \(action.ref) refers to \(target), which the manifest does not list",
                        hint: "correct the reference, or remove it from 'See also'"))
            }
        }
        return out
    }
}
