import GitKit

/// One reference a push wants to change: git's `<old> <new> <ref>` (pre-receive reads
/// them from standard input, the update hook gets them as arguments). A zero id means
/// "did not exist" (old) or "delete" (new).
public struct RefUpdate: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var old: ObjectID
    public var new: ObjectID

    public init(name: String, old: ObjectID, new: ObjectID) {
        self.name = name
        self.old = old
        self.new = new
    }

    /// Reads pre-receive's standard input: one `<old> <new> <ref>` per line. Nil when a
    /// line is malformed.
    public static func parse(preReceive input: String) -> [RefUpdate]? {
        var updates: [RefUpdate] = []
        for line in input.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 3, let old = ObjectID(hex: String(parts[0])), let new = ObjectID(hex: String(parts[1]))
            else { return nil }
            updates.append(RefUpdate(name: String(parts[2]), old: old, new: new))
        }
        return updates
    }

    public var isCreation: Bool { old.isZero }
    public var isDeletion: Bool { new.isZero }

    public var description: String { name }
}
