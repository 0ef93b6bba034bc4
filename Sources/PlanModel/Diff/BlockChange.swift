/// A recommendation-level text block (position statement, judgement, ...) that was
/// written, deleted or rewritten.
public struct BlockChange: Hashable, Sendable, Codable {
    public enum Change: String, Hashable, Sendable, Codable {
        case added, removed, changed
    }

    public var kind: BlockKind
    public var change: Change
    /// The words removed and added (for `.added` and `.removed`, the whole text).
    public var text: TextChange

    public init(kind: BlockKind, old: [String]?, new: [String]?) {
        self.kind = kind
        change = old == nil ? .added : new == nil ? .removed : .changed
        text = TextChange(old: (old ?? []).joined(separator: "\n"), new: (new ?? []).joined(separator: "\n"))
    }

    /// Compares the recommendation-level blocks of one recommendation in two versions (the
    /// lead partner's block, as the document shows it), in the blocks' canonical order.
    static func changes(_ old: Plan, _ new: Plan, recommendation number: Int) -> [BlockChange] {
        BlockKind.allCases.filter { !$0.isActionBlock }.compactMap { kind in
            let before = old.block(kind, recommendation: number)?.lines
            let after = new.block(kind, recommendation: number)?.lines
            guard before != after else { return nil }
            let change = BlockChange(kind: kind, old: before, new: after)
            return change.change == .changed && change.text.removed.isEmpty && change.text.added.isEmpty
                ? nil : change
        }
    }
}
