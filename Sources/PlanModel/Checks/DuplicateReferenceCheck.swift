/// `duplicate-reference`: an action reference is unique across the whole plan.
///
/// Every holder of a duplicated reference is reported (not only the later one), so that
/// consolidation can hold back the partner whose change introduced the duplicate whichever
/// file sorts first.
public struct DuplicateReferenceCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["duplicate-reference"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        // The index counts each reference; only the duplicated ones are grouped.
        let duplicated = Set(index.referenceCounts.lazy.filter { $0.value > 1 }.map(\.key))
        guard !duplicated.isEmpty else { return [] }
        let byRef = Dictionary(grouping: index.placedActions { duplicated.contains($0.ref) }, by: \.action.ref)
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
