/// The changes touching one recommendation: its own change and its actions' changes.
public struct RecommendationGroup: Hashable, Sendable, Codable {
    public var number: Int
    /// The recommendation's text in the new version (the old one when it was removed; empty
    /// when no manifest lists it).
    public var text: String
    /// The recommendation's own change, if any.
    public var change: RecommendationChange?
    /// Its actions' changes, by reference.
    public var actions: [ActionChange]
}

/// The changes touching one partner: its registration, and the actions it gained, lost or
/// changed (an action moved between partners is listed under both).
public struct PartnerGroup: Hashable, Sendable, Codable {
    public var id: String
    /// The display name from the new manifest (the old one for a removed partner; the id
    /// when no manifest lists it).
    public var name: String
    /// Added to or removed from the manifest.
    public var change: PartnerChange.Change?
    /// Number of actions of this partner with each action kind.
    public var totals: [ChangeKind: Int]
    /// The references of the actions concerned, in order.
    public var actions: [ActionRef]

    /// The kinds with a non-zero count, in report order.
    public var kinds: [ChangeKind] {
        ChangeKind.allCases.filter { (totals[$0] ?? 0) > 0 }
    }
}
