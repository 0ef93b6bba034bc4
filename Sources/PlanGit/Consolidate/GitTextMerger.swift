import GitKit
import PlanModel

/// Line-by-line three-way merge of free text through libgit2's `git_merge_file`: the
/// `TextMerger` the structure-aware merge uses inside free-text blocks.
public struct GitTextMerger: TextMerger {
    public init() {}

    public func merge(base: [String], ours: [String], theirs: [String]) -> [String]? {
        func text(_ lines: [String]) -> String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
        guard let result = try? Repository.mergeText(base: text(base), ours: text(ours), theirs: text(theirs)),
            result.clean
        else { return nil }
        var lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
