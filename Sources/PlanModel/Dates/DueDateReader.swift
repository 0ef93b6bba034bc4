/// Reads due dates as plan authors write them ("End August 2008", "Nov 08-Jan 09", "31.3.09",
/// "2008/09 financial year", "Monthly leading up to 31.3.09", "ongoing") into a `DueDate`.
///
/// UK conventions: day before month, two-digit years are 20xx, financial years run
/// 1 April-31 March, and a month or year alone means by its last day. What cannot be read
/// safely is `.unread` with a note saying why: the reader never guesses silently, never
/// throws and never traps.
public enum DueDateReader {
    /// Reads `text`, which is kept exactly as given (callers trim it).
    ///
    /// - Parameters:
    ///   - text: the due text as written.
    ///   - reference: the day that settles a missing year ("End July" is the first July that
    ///     ends on or after it), normally the inspection report's publication date. Without
    ///     it, a text with no year is `.unread`.
    /// - Returns: the reading; `note` is nil for plain readings.
    public static func read(_ text: String, reference: Day? = nil) -> DueDate {
        var scan = DueDateScan(text: text, reference: reference)
        scan.run()
        return scan.reading()
    }

    /// The reading of `text` when the whole of it is a due text: read, with no word left
    /// over ("Nov 08 - Jan 09", "31.3.09", "ongoing"); nil otherwise ("Dec 08 review").
    static func readWhole(_ text: String, reference: Day?) -> DueDate? {
        var scan = DueDateScan(text: text, reference: reference)
        scan.run()
        let due = scan.reading()
        guard due.kind != .unread, scan.qualifiers.isEmpty, scan.ignoredPhrases().isEmpty else { return nil }
        return due
    }
}

/// One date or period found in the text, settled to days.
private struct Found {
    var start: Day
    /// Nil for "Sept 08 onwards".
    var end: Day?
    /// One day, month or year: read as `.date` when it stands alone.
    var isSingle: Bool
    var isYearOnly: Bool
    var written: Substring
}

/// One pass over a text's tokens, collecting what it finds; `reading()` then decides.
private struct DueDateScan {
    let text: String
    let reference: Day?
    var cursor: DueDateCursor
    var found: [Found] = []
    var openForms: [(form: DueDate.OpenForm, written: Substring)] = []
    var ignored: [Range<String.Index>] = []
    var problems: [String] = []
    var qualifiers: [Substring] = []
    var notes: [String] = []
    /// The years the text writes, as its terms were read.
    var writtenYears: Set<Int> = []
    /// Years taken from the reference date, with the term that needed one.
    var referenceYears: [(year: Int, term: Substring)] = []

    init(text: String, reference: Day?) {
        self.text = text
        self.reference = reference
        self.cursor = DueDateCursor(tokens: DueDateTokenizer.tokens(in: text))
    }

    mutating func run() {
        while let token = cursor.peek() {
            if readOpenForm() || readExpression() { continue }
            skip(token)
        }
    }

    private mutating func readOpenForm() -> Bool {
        guard let word = cursor.peek()?.word, let phrases = DueDateVocabulary.openPhrasesByFirstWord[word] else {
            return false
        }
        for phrase in phrases {
            let words = phrase.words.indices.map { cursor.peek($0)?.word }
            guard words == phrase.words, let first = cursor.peek(),
                let last = cursor.peek(phrase.words.count - 1)
            else { continue }
            openForms.append((phrase.form, text[first.range.lowerBound..<last.range.upperBound]))
            cursor.advance(by: phrase.words.count)
            return true
        }
        return false
    }

    /// `[lead-in] term [(- | to) term] [onwards]`.
    private mutating func readExpression() -> Bool {
        var c = cursor
        let start = c.position
        var isOpenEnded = false
        while let word = c.peek()?.word, DueDateVocabulary.leadIns.contains(word),
            c.position - start < DueDateVocabulary.longestLeadIn
        {
            isOpenEnded = isOpenEnded || DueDateVocabulary.starts.contains(word)
            c.advance()
        }
        guard let first = DueDateGrammar.term(&c) else { return false }
        var last: DueDateTerm?
        var afterSeparator = c
        let dash = afterSeparator.take(.dash)
        if dash || afterSeparator.take(wordIn: DueDateVocabulary.rangeWords) {
            if let second = DueDateGrammar.term(&afterSeparator) {
                last = second
                c = afterSeparator
            } else if dash && afterSeparator.hasOnlyPunctuationLeft {
                let dangling = afterSeparator.range(from: start).map { text[$0] } ?? text[first.range]
                problems.append("\(quote(dangling)) has nothing after the dash, so the period has no end")
                c = afterSeparator
            }
        }
        if c.take(wordIn: DueDateVocabulary.onwards) { isOpenEnded = true }
        let written = c.range(from: start).map { text[$0] } ?? text[first.range]
        cursor = c
        if let last {
            settleRange(first, last, written: written)
        } else {
            settleSingle(first, openEnded: isOpenEnded, written: written)
        }
        return true
    }

    private mutating func skip(_ token: DueDateToken) {
        switch token.kind {
        case .number where token.isNotDate:
            ignored.append(token.range)
        case .number:
            problems.append("\(quote(text[token.range])) is not a date on its own")
        case .word(let word) where DueDateVocabulary.qualifiers.contains(word):
            // Spoils a date next to it; with no date it is just an ignored word.
            qualifiers.append(text[token.range])
            ignored.append(token.range)
        case .word, .month:
            ignored.append(token.range)
        case .dash, .slash, .dot, .comma, .semicolon, .apostrophe, .symbol:
            break
        }
        cursor.advance()
    }

    private mutating func noteWrittenYears(_ term: DueDateTerm) {
        guard let year = term.year else { return }
        writtenYears.insert(year)
        if case .years(let last, _) = term.shape { writtenYears.insert(last) }
    }

    private mutating func settleSingle(_ term: DueDateTerm, openEnded: Bool, written: Substring) {
        noteWrittenYears(term)
        guard let span = days(of: term) else { return }
        if openEnded {
            found.append(
                Found(start: span.lowerBound, end: nil, isSingle: false, isYearOnly: term.isYearOnly, written: written))
        } else {
            let start = term.isSingle ? span.upperBound : span.lowerBound
            found.append(
                Found(
                    start: start, end: span.upperBound, isSingle: term.isSingle, isYearOnly: term.isYearOnly,
                    written: written))
        }
    }

    /// A period between two terms; a missing year is shared from the other end
    /// ("Sept. to Dec 2008"). When the months wrap over a year end ("Nov to Jan 2009") the
    /// missing year is not one the text writes, so the text is not read; with no year at all
    /// ("Nov to Jan") the start takes the reference rule's year and the end follows it.
    private mutating func settleRange(_ first: DueDateTerm, _ last: DueDateTerm, written: Substring) {
        var (first, last) = (first, last)
        noteWrittenYears(first)
        noteWrittenYears(last)
        let wraps = first.month > last.month
        if first.year == nil, last.year == nil {
            // The start by the reference rule, the end after it.
            first.year = yearFromReference(for: first)
            if wraps, let year = first.year {
                last.year = year + 1
                referenceYears.append((year + 1, text[last.range]))
                notes.append("\(quote(text[last.range])) read as \(year + 1), the year after the start")
            }
        }
        if wraps, first.year == nil || last.year == nil {
            let missing = first.year == nil ? first : last
            problems.append(
                "\(quote(text[missing.range])) has no year, and the period runs over a year end: "
                    + "write the year at both ends")
            return
        }
        if first.year == nil, let year = last.year { first.year = year }
        if last.year == nil, let year = first.year { last.year = year }
        guard let from = days(of: first), let to = days(of: last) else { return }
        guard from.lowerBound <= to.upperBound else {
            problems.append("\(quote(written)) ends before it starts")
            return
        }
        let isYearOnly = first.isYearOnly && last.isYearOnly
        let period = Found(
            start: from.lowerBound, end: to.upperBound, isSingle: false, isYearOnly: isYearOnly, written: written)
        found.append(period)
    }

    /// The days a term covers, settling its year from the reference when it has none.
    private mutating func days(of term: DueDateTerm) -> ClosedRange<Day>? {
        guard let year = term.year ?? yearFromReference(for: term) else { return nil }
        guard let span = term.span(in: year) else {
            problems.append("\(quote(text[term.range])) is not a real date")
            return nil
        }
        if let note = term.note { notes.append(note) }
        return span
    }

    /// The year of the first such month that ends on or after the reference day.
    private mutating func yearFromReference(for term: DueDateTerm) -> Int? {
        guard let reference else {
            problems.append("no year in \(quote(text[term.range])), and no reference date to take one from")
            return nil
        }
        notes.append("year taken from the reference date \(reference.iso)")
        let year = term.month >= reference.month ? reference.year : reference.year + 1
        referenceYears.append((year, text[term.range]))
        return year
    }
}

extension DueDateScan {
    /// Decides the reading from what the scan collected.
    func reading() -> DueDate {
        if cursor.tokens.isEmpty { return unread("empty text") }
        if let problem = problems.first {
            return unread(problems.count > 1 ? "\(problem) (and \(problems.count - 1) more problems)" : problem)
        }
        // A text that writes years settles a missing one only with a year it writes.
        if !writtenYears.isEmpty, let guessed = referenceYears.first(where: { !writtenYears.contains($0.year) }) {
            return unread(
                "\(quote(guessed.term)) has no year, and the reference date's \(guessed.year) "
                    + "is not a year the text writes")
        }
        let phrases = ignoredPhrases()
        return found.isEmpty ? openReading(ignoring: phrases) : datedReading(ignoring: phrases)
    }

    /// One or more dates or periods, perhaps under a recurring form ("Monthly until ...").
    private func datedReading(ignoring phrases: [Substring]) -> DueDate {
        if let qualifier = qualifiers.first {
            return unread("\(quote(qualifier)) shifts the date in a way planmerge does not read")
        }
        if !phrases.isEmpty, let weak = found.first(where: \.isYearOnly) {
            return unread("\(quote(weak.written)) stands among other words, so it may not be a due date")
        }
        let start = found.map(\.start).min() ?? found[0].start
        let end = found.contains { $0.end == nil } ? nil : found.compactMap(\.end).max()
        let isOneDate = found.count == 1 && found[0].isSingle
        let note = joined(datedClauses(ignoring: phrases, hasEnd: end != nil))
        if primaryOpenForm() == .recurring {
            // "Monthly leading up to 31.3.09" gives an end only; a period gives both.
            return DueDate(
                text: text, kind: .open, start: isOneDate ? nil : start, end: end, open: .recurring, note: note)
        }
        return DueDate(text: text, kind: isOneDate ? .date : .period, start: start, end: end, note: note)
    }

    private func datedClauses(ignoring phrases: [Substring], hasEnd: Bool) -> [String] {
        var clauses: [String] = []
        if found.count > 1 { clauses.append("several dates: " + listed(found.map(\.written))) }
        clauses += notes
        if !hasEnd { clauses.append("no end") }
        clauses += openForms.filter { $0.form != .recurring }.map { "also says \(quote($0.written))" }
        if !phrases.isEmpty { clauses.append("ignored the words " + listed(phrases, quoted: true)) }
        return clauses
    }

    private func openReading(ignoring phrases: [Substring]) -> DueDate {
        guard let primary = primaryOpenForm() else {
            let whole = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return unread("not understood: no date, period or open form in " + listed([Substring(whole)], quoted: true))
        }
        var clauses = openForms.filter { $0.form != primary }.map { "also says \(quote($0.written))" }
        if !phrases.isEmpty { clauses.append("ignored the words " + listed(phrases, quoted: true)) }
        return DueDate(text: text, kind: .open, open: primary, note: joined(clauses))
    }

    private func primaryOpenForm() -> DueDate.OpenForm? {
        DueDateVocabulary.openPrecedence.first { form in openForms.contains { $0.form == form } }
    }

    private func unread(_ note: String) -> DueDate {
        DueDate(text: text, kind: .unread, note: note)
    }

    /// Runs of ignored words next to each other, dropping runs made only of small words.
    fileprivate func ignoredPhrases() -> [Substring] {
        var runs: [Range<String.Index>] = []
        for range in ignored {
            if let previous = runs.last, text[previous.upperBound..<range.lowerBound].allSatisfy(\.isWhitespace) {
                runs[runs.count - 1] = previous.lowerBound..<range.upperBound
            } else {
                runs.append(range)
            }
        }
        return runs.map { text[$0] }.filter { run in
            run.split(whereSeparator: \.isWhitespace).contains { !DueDateVocabulary.fillers.contains($0.lowercased()) }
        }
    }

    /// "a, b, c" (at most five items, each shortened), quoted if asked.
    private func listed(_ items: [Substring], quoted: Bool = false) -> String {
        let shown = items.prefix(5).map { quoted ? quote($0) : shortened($0) }
        return shown.joined(separator: ", ") + (items.count > 5 ? ", …" : "")
    }

    private func joined(_ clauses: [String]) -> String? {
        var seen = Set<String>()
        let unique = clauses.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return nil }
        return unique.prefix(6).joined(separator: "; ") + (unique.count > 6 ? "; …" : "")
    }
}

/// The author's words as notes quote them: in curly quotes, shortened to 40 characters.
private func quote(_ words: Substring) -> String {
    "“\(shortened(words))”"
}

private func shortened(_ words: Substring) -> String {
    words.count > 40 ? words.prefix(39) + "…" : String(words)
}
