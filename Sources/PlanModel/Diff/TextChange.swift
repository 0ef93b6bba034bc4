/// A changed text (an action's heading, a recommendation, a text block): both versions and
/// a brief word-level summary of what was removed and added.
public struct TextChange: Hashable, Sendable, Codable {
    public var old: String
    public var new: String
    /// Runs of words removed, in the old text's order.
    public var removed: [String]
    /// Runs of words added, in the new text's order.
    public var added: [String]

    public init(old: String, new: String) {
        self.old = old
        self.new = new
        let runs = WordDiff.runs(from: old, to: new)
        removed = runs.removed
        added = runs.added
    }

    /// The change, or nil when the two texts have the same words (spacing aside).
    public static func between(_ old: String, _ new: String) -> TextChange? {
        WordDiff.words(old) == WordDiff.words(new) ? nil : TextChange(old: old, new: new)
    }
}
