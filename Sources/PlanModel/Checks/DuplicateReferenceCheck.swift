/// `duplicate-reference`: an action reference is unique across the whole plan.
///
/// Every holder of a duplicated reference is reported (not only the later one), so that
/// consolidation can hold back the partner whose change introduced the duplicate whichever
/// file sorts first.
public struct DuplicateReferenceCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["duplicate-reference"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        // One cheap pass finds the duplicated references; only those are grouped.
        var seen = Set<ActionRef>(minimumCapacity: index.actions.count)
        var duplicated = Set<ActionRef>()
        for placed in index.actions where !seen.insert(placed.action.ref).inserted {
            duplicated.insert(placed.action.ref)
        }
        guard !duplicated.isEmpty else { return [] }
        let byRef = Dictionary(grouping: index.actions.filter { duplicated.contains($0.action.ref) }, by: \.action.ref)
        return byRef.keys.sorted().flatMap { ref -> [Diagnostic] in
            let holders = byRef[ref]!.sorted { ($0.file, $0.action.position.line) < ($1.file, $1.action.position.line) }
            guard holders.count > 1 else { return [] }
            return holders.map { holder in
                let others = holders.filter { $0 != holder }.map { other in
                    other.file == holder.file
                        ? "line \(other.action.position.line)" : "\(other.file) (\(other.partner))"
                }
                return Diagnostic(
                    .error, "duplicate-reference", at: holder.location,
                    "action \(ref) is also defined at \(others.joined(separator: ", "))",
                    hint:
                        "each reference is unique in the plan: renumber one of them (the next free number in recommendation \(ref.recommendation)), agreeing with the other partner"
                )
            }
        }
    }
}
