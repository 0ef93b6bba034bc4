/// A re-dated action: the due text as each version wrote it, and how far its end moved.
public struct DueChange: Hashable, Sendable, Codable {
    public enum Direction: String, Hashable, Sendable, Codable {
        case earlier, later, same
    }

    public var old: DueDate?
    public var new: DueDate?
    /// `new.end - old.end` in days; nil when either end is unknown (open, unread, absent).
    public var days: Int?

    public init(old: DueDate?, new: DueDate?) {
        self.old = old
        self.new = new
        if let from = old?.end, let to = new?.end {
            days = from.days(to: to)
        } else {
            days = nil
        }
    }

    /// Whether the end moved earlier or later; nil when the move is unknown.
    public var direction: Direction? {
        guard let days else { return nil }
        return days < 0 ? .earlier : days > 0 ? .later : .same
    }

    /// The change, or nil when both versions wrote the same due text.
    public static func between(_ old: DueDate?, _ new: DueDate?) -> DueChange? {
        old?.text == new?.text ? nil : DueChange(old: old, new: new)
    }
}
