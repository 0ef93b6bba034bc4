/// Merges free text line by line, three ways. planmerge's structure-aware merge calls it
/// for free-text blocks (position statements, details, notes), after matching structure.
///
/// PlanGit supplies the libgit2 implementation (`git_merge_file`); `WholeTextMerger` is
/// the conservative fallback used where no line merger is given.
public protocol TextMerger: Sendable {
    /// The merged lines, or nil when the two sides' changes overlap (a conflict).
    func merge(base: [String], ours: [String], theirs: [String]) -> [String]?
}

/// Takes whichever side changed; a conflict when both changed differently. Never merges
/// inside the text, so it never resolves anything silently.
public struct WholeTextMerger: TextMerger {
    public init() {}

    public func merge(base: [String], ours: [String], theirs: [String]) -> [String]? {
        ThreeWay.pick(base: base, ours: ours, theirs: theirs)
    }
}

/// The three-way rule for one value: unchanged sides give way to changed ones.
public enum ThreeWay {
    /// The merged value, or nil when both sides changed it differently.
    public static func pick<T: Equatable>(base: T, ours: T, theirs: T) -> T? {
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        return nil
    }
}
