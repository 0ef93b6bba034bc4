/// A word-level comparison of two texts: the runs of words removed and added.
///
/// Common leading and trailing words are set aside first (most edits touch one place),
/// then the middles are aligned by a longest common subsequence over words. The table is
/// capped at `cellLimit` cells: past it the two middles are reported whole, as one run
/// removed and one added, so a huge text costs linear time, never quadratic.
public enum WordDiff {
    /// The most LCS table cells (old words x new words) worth aligning.
    public static let cellLimit = 250_000

    public struct Runs: Hashable, Sendable {
        /// Runs of consecutive words only the old text has, in its order.
        public var removed: [String]
        /// Runs of consecutive words only the new text has, in its order.
        public var added: [String]

        public init(removed: [String], added: [String]) {
            self.removed = removed
            self.added = added
        }
    }

    /// Words: the text split at white space.
    public static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }

    public static func runs(from old: String, to new: String, cellLimit: Int = WordDiff.cellLimit) -> Runs {
        let a = words(old), b = words(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        if midA.isEmpty || midB.isEmpty || midA.count * midB.count > cellLimit {
            return Runs(removed: midA.isEmpty ? [] : [join(midA)], added: midB.isEmpty ? [] : [join(midB)])
        }
        return align(midA, midB)
    }

    /// Walks an LCS table from the front, collecting the runs on either side.
    private static func align(_ a: [Substring], _ b: [Substring]) -> Runs {
        let n = a.count, m = b.count, width = m + 1
        // lengths[i * width + j]: LCS length of a[i...] and b[j...].
        var lengths = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var runs = Runs(removed: [], added: [])
        var removed: [Substring] = [], added: [Substring] = []
        func flush() {
            if !removed.isEmpty { runs.removed.append(join(removed)) }
            if !added.isEmpty { runs.added.append(join(added)) }
            removed = []
            added = []
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                i += 1
                j += 1
            } else if j == m || (i < n && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                removed.append(a[i])
                i += 1
            } else {
                added.append(b[j])
                j += 1
            }
        }
        flush()
        return runs
    }

    private static func join(_ words: [Substring]) -> String { words.joined(separator: " ") }
}
