/// What changed in one recommendation itself: its manifest entry and its lead partner's
/// text blocks. (Its actions' changes are in `RecommendationGroup.actions`.)
public struct RecommendationChange: Hashable, Sendable, Codable {
    public var number: Int
    /// `.recommendationAdded`, `.recommendationRemoved`, `.recommendationChanged`,
    /// `.recommendationBlocks`, in that order; never empty.
    public var kinds: [ChangeKind]
    public var textChange: TextChange?
    public var timescale: ValueChange<String>?
    /// The lead partner's id.
    public var lead: ValueChange<String>?
    /// The named lead officer.
    public var officer: ValueChange<String?>?
    /// Other contributing partners (as a set).
    public var partners: ListChange?
    public var blocks: [BlockChange]

    public func has(_ kind: ChangeKind) -> Bool { kinds.contains(kind) }

    /// The change between the two versions of recommendation `number`, or nil when none.
    /// An added or removed recommendation is reported as such, without field detail.
    static func between(_ old: Plan, _ new: Plan, number: Int) -> RecommendationChange? {
        let a = old.manifest.recommendation(number), b = new.manifest.recommendation(number)
        var change = RecommendationChange(
            number: number, kinds: [], textChange: nil, timescale: nil, lead: nil, officer: nil,
            partners: nil, blocks: [])
        switch (a, b) {
        case (nil, .some): change.kinds.append(.recommendationAdded)
        case (.some, nil): change.kinds.append(.recommendationRemoved)
        case let (a, b):
            if let a, let b {
                change.textChange = TextChange.between(a.text, b.text)
                change.timescale = ValueChange.between(a.timescale, b.timescale)
                change.lead = ValueChange.between(a.lead, b.lead)
                change.officer = ValueChange.between(a.officer, b.officer)
                change.partners = ListChange.between(a.partners, b.partners)
                if change.textChange != nil || change.timescale != nil || change.lead != nil
                    || change.officer != nil || change.partners != nil
                {
                    change.kinds.append(.recommendationChanged)
                }
            }
            change.blocks = BlockChange.changes(old, new, recommendation: number)
            if !change.blocks.isEmpty { change.kinds.append(.recommendationBlocks) }
        }
        return change.kinds.isEmpty ? nil : change
    }
}
