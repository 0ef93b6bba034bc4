/// Pairs the actions of two versions by reference: where an action's file is, or where it
/// stands in it, plays no part.
///
/// References are unique in a valid plan. A plan with errors may hold one reference twice
/// (in two partners' folders); then the copies are paired partner by partner first, the
/// rest in partner order, and any left over count as added or withdrawn.
enum ActionMatching {
    struct Pairs {
        var matched: [(old: PlacedAction, new: PlacedAction)] = []
        var withdrawn: [PlacedAction] = []
        var added: [PlacedAction] = []
    }

    static func pair(_ old: [PlacedAction], _ new: [PlacedAction]) -> Pairs {
        let oldByRef = Dictionary(grouping: old, by: \.action.ref)
        let newByRef = Dictionary(grouping: new, by: \.action.ref)
        var pairs = Pairs()
        for ref in Set(oldByRef.keys).union(newByRef.keys).sorted() {
            var news = (newByRef[ref] ?? []).sorted { $0.partner < $1.partner }
            var olds: [PlacedAction] = []
            for candidate in (oldByRef[ref] ?? []).sorted(by: { $0.partner < $1.partner }) {
                if let index = news.firstIndex(where: { $0.partner == candidate.partner }) {
                    pairs.matched.append((candidate, news.remove(at: index)))
                } else {
                    olds.append(candidate)
                }
            }
            while !olds.isEmpty, !news.isEmpty {
                pairs.matched.append((olds.removeFirst(), news.removeFirst()))
            }
            pairs.withdrawn += olds
            pairs.added += news
        }
        return pairs
    }
}
