/// What changed between two versions of a plan, as a reader sees it: built from two
/// loaded plans, pure (no I/O), deterministic, and Codable for JSON.
///
/// Actions are matched by reference, so moving an action to another file of the same
/// partner, or reordering actions, is not a change; moving it to another partner's folder
/// is a re-assignment. Changes are grouped by recommendation (in number order; each with
/// its actions' changes in detail) and by partner (counts and references), with totals
/// per kind.
public struct PlanDiff: Hashable, Sendable, Codable {
    /// The plan's title in the new version.
    public var title: String
    /// How many actions carry each action kind, how many recommendations each
    /// recommendation kind, how many partners each partner kind. Every kind is present.
    public var totals: [ChangeKind: Int]
    public var byRecommendation: [RecommendationGroup]
    public var byPartner: [PartnerGroup]

    public init(from old: Plan, to new: Plan) {
        title = new.manifest.title
        let pairs = ActionMatching.pair(old.actions, new.actions)
        let actions =
            (pairs.added.map(ActionChange.added) + pairs.withdrawn.map(ActionChange.withdrawn)
            + pairs.matched.compactMap { ActionChange.between($0.old, $0.new) })
            .sorted { ($0.ref, $0.partner) < ($1.ref, $1.partner) }

        let numbers = Set(
            old.manifest.recommendations.map(\.number) + new.manifest.recommendations.map(\.number)
                + old.sections.map(\.recommendation) + new.sections.map(\.recommendation)
                + actions.map(\.recommendation))
        let actionsByNumber = Dictionary(grouping: actions, by: \.recommendation)
        byRecommendation = numbers.sorted().compactMap { number in
            let change = RecommendationChange.between(old, new, number: number)
            let own = actionsByNumber[number] ?? []
            guard change != nil || !own.isEmpty else { return nil }
            let text = (new.manifest.recommendation(number) ?? old.manifest.recommendation(number))?.text ?? ""
            return RecommendationGroup(number: number, text: text, change: change, actions: own)
        }

        let partnerChanges = PartnerChange.changes(old.manifest, new.manifest)
        let partnerIDs = Set(partnerChanges.map(\.id) + actions.flatMap(\.partners))
        var actionsByPartner: [String: [ActionChange]] = [:]
        for action in actions {
            for id in action.partners { actionsByPartner[id, default: []].append(action) }
        }
        byPartner = partnerIDs.sorted().map { id in
            let own = actionsByPartner[id] ?? []
            var totals: [ChangeKind: Int] = [:]
            for kind in own.flatMap(\.kinds) { totals[kind, default: 0] += 1 }
            let name = (new.manifest.partner(id) ?? old.manifest.partner(id))?.name ?? id
            return PartnerGroup(
                id: id, name: name, change: partnerChanges.first { $0.id == id }?.change, totals: totals,
                actions: own.map(\.ref))
        }

        var totals = Dictionary(uniqueKeysWithValues: ChangeKind.allCases.map { ($0, 0) })
        for kind in actions.flatMap(\.kinds) { totals[kind, default: 0] += 1 }
        for kind in byRecommendation.compactMap(\.change).flatMap(\.kinds) { totals[kind, default: 0] += 1 }
        for change in partnerChanges { totals[change.kind, default: 0] += 1 }
        self.totals = totals
    }

    /// Every action change, by reference.
    public var actions: [ActionChange] { byRecommendation.flatMap(\.actions) }

    /// Every recommendation's own change, by number.
    public var recommendations: [RecommendationChange] { byRecommendation.compactMap(\.change) }

    /// Partners added to or removed from the manifest, by id.
    public var partners: [PartnerChange] {
        byPartner.compactMap { group in group.change.map { PartnerChange(id: group.id, name: group.name, change: $0) } }
    }

    /// The action change for a reference (the first, should a faulty plan repeat it).
    public func action(_ ref: ActionRef) -> ActionChange? { actions.first { $0.ref == ref } }

    /// A partner's display name, or its id when the diff does not know it.
    public func partnerName(_ id: String) -> String { byPartner.first { $0.id == id }?.name ?? id }

    /// True when a reader would see no change at all.
    public var isEmpty: Bool { totals.values.allSatisfy { $0 == 0 } }

    /// The kinds with a non-zero total, in report order.
    public var kinds: [ChangeKind] { ChangeKind.allCases.filter { (totals[$0] ?? 0) > 0 } }
}
