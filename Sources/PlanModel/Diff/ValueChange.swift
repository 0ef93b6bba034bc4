/// One value before and after ("on track" → "done"). An optional `Value` encodes nil as
/// JSON null, so "no status" stays visible.
public struct ValueChange<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var old: Value
    public var new: Value

    public init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }

    /// The change, or nil when the two are equal.
    public static func between(_ old: Value, _ new: Value) -> ValueChange? {
        old == new ? nil : ValueChange(old: old, new: new)
    }
}

/// Items that came and went, compared as sets: reordering is not a change. Each list keeps
/// the order its version wrote the items in, without repeats.
public struct ListChange: Hashable, Sendable, Codable {
    public var added: [String]
    public var removed: [String]

    public init(added: [String] = [], removed: [String] = []) {
        self.added = added
        self.removed = removed
    }

    /// The change, or nil when both lists hold the same items.
    public static func between(_ old: [String], _ new: [String]) -> ListChange? {
        let oldSet = Set(old), newSet = Set(new)
        let change = ListChange(
            added: unique(new.filter { !oldSet.contains($0) }),
            removed: unique(old.filter { !newSet.contains($0) }))
        return change.added.isEmpty && change.removed.isEmpty ? nil : change
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
