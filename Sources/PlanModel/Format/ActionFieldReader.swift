/// Reads one field value into an action: splits lists, reads due dates, statuses,
/// milestones and cross-references. Problems are collected, never thrown.
struct ActionFieldReader {
    struct Problem {
        var rule: String
        var message: String
        var hint: String
        var severity: Severity = .error
    }

    let dueReference: Day?
    /// Due texts already read with `dueReference` (the parser's), or nil.
    let memo: DueDateMemo?
    private(set) var problems: [Problem] = []

    init(dueReference: Day?) {
        self.dueReference = dueReference
        self.memo = nil
    }

    init(memo: DueDateMemo) {
        self.dueReference = memo.reference
        self.memo = memo
    }

    private func readDue(_ text: String) -> DueDate {
        memo?.read(text) ?? DueDateReader.read(text, reference: dueReference)
    }

    mutating func apply(_ field: ActionField, value: String, to action: inout Action) {
        switch field {
        case .due:
            action.due = readDue(value)
        case .lead:
            action.leads = ActionFieldReader.splitList(value, separators: .semicolon)
        case .status:
            if let status = ActionStatus(reading: value) {
                action.status = status
            } else {
                problems.append(
                    Problem(
                        rule: "status-unknown", message: "'\(value)' is not a status",
                        hint: "use one of: \(ActionStatus.allCases.map(\.rawValue).joined(separator: ", ")) "
                            + "(or a RAG colour: Green, Amber, Red, Blue)"))
            }
        case .success:
            action.success.append(value)
        case .milestone:
            if let milestone = readMilestone(value) { action.milestones.append(milestone) }
        case .resources:
            action.resources = value
        case .risk:
            action.risk = value
        case .monitoring:
            action.monitoring = value
        case .seeAlso:
            for token in ActionFieldReader.splitList(value, separators: .commaOrSemicolon) {
                if let ref = CrossReference(token) {
                    if !action.crossReferences.contains(ref) { action.crossReferences.append(ref) }
                } else {
                    problems.append(
                        Problem(
                            rule: "cross-reference-invalid",
                            message: "'\(token)' is not an action reference or a recommendation",
                            hint: "write references like '9.4' or 'recommendation 16', separated by commas"))
                }
            }
        case .link:
            action.links.append(value)
        case .outcomeArea:
            action.outcomeAreas = ActionFieldReader.splitList(value, separators: .commaOrSemicolon)
        }
    }

    private mutating func readMilestone(_ value: String) -> Milestone? {
        guard let bar = value.firstIndex(of: "|") else {
            if let milestone = MilestoneSplit.split(value, reference: dueReference) { return milestone }
            problems.append(
                Problem(
                    rule: "milestone-unsplit",
                    message: "no date could be told apart from the step in this milestone, so it is kept as written",
                    hint: "write 'Milestone: August 2008 | Appointment made' (a due text, '|', the step)",
                    severity: .warning))
            return Milestone(keptAsWritten: value)
        }
        let when = value[..<bar].trimmed
        let what = value[value.index(after: bar)...].trimmed
        if when.isEmpty || what.isEmpty {
            problems.append(
                Problem(
                    rule: "milestone-format",
                    message: when.isEmpty
                        ? "the milestone has no date before '|'" : "the milestone has no step after '|'",
                    hint: "write 'Milestone: August 2008 | Appointment made'"))
            return nil
        }
        return Milestone(due: readDue(when), text: what)
    }

    /// The separators a list field is split on.
    enum ListSeparators {
        /// ";" (leads).
        case semicolon
        /// "," and ";" (cross-references, outcome areas).
        case commaOrSemicolon

        var characters: Set<Character> { self == .semicolon ? [";"] : [",", ";"] }

        func contains(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ";") || (self == .commaOrSemicolon && byte == UInt8(ascii: ","))
        }
    }

    /// The list's items, trimmed, empty ones dropped.
    static func splitList(_ value: String, separators: ListSeparators) -> [String] {
        // An ASCII value's bytes are its characters: split on the separators' bytes.
        if isASCII(value),
            let items = value.utf8.withContiguousStorageIfAvailable({ splitASCII($0, separators: separators) })
        {
            return items
        }
        let characters = separators.characters
        return value.split(whereSeparator: { characters.contains($0) }).map { $0.trimmed }.filter { !$0.isEmpty }
    }

    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>, separators: ListSeparators) -> [String] {
        var items: [String] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || separators.contains(bytes[index]) {
            let item = ByteText.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if !item.isEmpty { items.append(String(decoding: item, as: UTF8.self)) }
            start = index + 1
        }
        return items
    }
}

/// Reads a milestone written `when - what` or `when: what` (no "|"): split only where the
/// `when` part reads as a due text on its own, with no words left over, and the step does not
/// start with a number or a month (so "Nov 08 - Jan 09" is never split into a date and a
/// step). Of several such places the last is taken ("Nov 08 - Jan 09 - Review").
enum MilestoneSplit {
    static func split(_ value: String, reference: Day?) -> Milestone? {
        let cuts = separators(in: value)
        for cut in cuts.reversed() {
            let when = value[..<cut.lowerBound].trimmed
            let what = value[cut.upperBound...].trimmed
            guard !when.isEmpty, !what.isEmpty, !startsWithDate(what),
                let due = DueDateReader.readWhole(when, reference: reference)
            else { continue }
            return Milestone(due: due, text: what)
        }
        return nil
    }

    /// The ranges of " - ", " – ", " — " (a dash with a space on at least one side) and ": ".
    private static func separators(in value: String) -> [Range<String.Index>] {
        let dashes: Set<Character> = ["-", "\u{2013}", "\u{2014}"]
        var cuts: [Range<String.Index>] = []
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            let next = value.index(after: index)
            let before = index > value.startIndex ? value[value.index(before: index)] : nil
            let after = next < value.endIndex ? value[next] : nil
            if dashes.contains(character), before?.isWhitespace == true || after?.isWhitespace == true {
                cuts.append(index..<next)
            } else if character == ":", after?.isWhitespace == true {
                cuts.append(index..<next)
            }
            index = next
        }
        return cuts
    }

    private static func startsWithDate(_ text: String) -> Bool {
        guard let first = DueDateTokenizer.tokens(in: text).first else { return false }
        return first.digits != nil || first.monthValue != nil
    }
}

/// A "did you mean" hint for a field name that is not known.
enum FieldSuggestion {
    static func hint(for name: String) -> String {
        let known = ActionField.allCases.map(\.label)
        let lower = name.lowercased()
        let best = known.min { distance($0.lowercased(), lower) < distance($1.lowercased(), lower) }
        if let best, distance(best.lowercased(), lower) <= max(2, lower.count / 3) {
            return "did you mean '\(best):'? Fields are: \(known.joined(separator: ", "))"
        }
        return "fields are: \(known.joined(separator: ", ")); free text goes under a '### Notes' heading"
    }

    /// Levenshtein distance, small strings only.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// The canonical shape of a free-text block's lines.
public enum BlockText {
    /// Trailing spaces removed, runs of blank lines folded to one, no leading or trailing
    /// blank lines.
    public static func normalise(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines.map(\.trimmedRight) {
            if line.isEmpty, out.last?.isEmpty ?? true { continue }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }
}
