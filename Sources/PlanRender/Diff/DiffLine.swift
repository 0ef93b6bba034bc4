import PlanModel

/// One line of a change report, before it is written as text, Markdown or HTML: a label
/// ("Re-dated") and parts, some of them old or new values that each format marks its way
/// (quoted, struck through and bold, `<del>` and `<ins>`).
struct DiffLine: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case text(String)
        case old(String)
        case new(String)
    }

    var label: String
    var parts: [Part]

    init(_ label: String, _ parts: [Part] = []) {
        self.label = label
        self.parts = parts
    }

    /// `old → new`.
    static func change(_ label: String, old: String, new: String, then tail: [Part] = []) -> DiffLine {
        DiffLine(label, [.old(old), .text(" → "), .new(new)] + tail)
    }

    /// `removed "a", "b"; added "c"` from a word-level text change (either side may be empty).
    static func words(_ label: String, _ change: TextChange) -> DiffLine {
        var parts: [Part] = []
        func list(_ word: String, _ runs: [String], _ make: (String) -> Part) {
            guard !runs.isEmpty else { return }
            if !parts.isEmpty { parts.append(.text("; ")) }
            parts.append(.text(word + " "))
            for (index, run) in runs.enumerated() {
                if index > 0 { parts.append(.text(", ")) }
                parts.append(make(DiffWording.abbreviate(run, to: DiffWording.phraseLimit)))
            }
        }
        list("removed", change.removed, Part.old)
        list("added", change.added, Part.new)
        return DiffLine(label, parts)
    }
}
