/// One lexical piece of a due-date text, as cut by `DueDateTokenizer`.
///
/// Tokens keep where they stand in the text as written, so the reader can quote the
/// author's own words back in its notes.
struct DueDateToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A run of ASCII digits. `value` is nil when the run is too long to be a day or a year;
        /// `digits` keeps leading zeros visible ("010" has 3 digits).
        case number(value: Int?, digits: Int)
        /// A month name, full or abbreviated: "September", "Sept", "Sep", "Dec".
        case month(Int)
        /// Any other run of letters, lowercased; inner hyphens and apostrophes stay inside
        /// ("short-listing", "half-termly").
        case word(String)
        /// "-", "–", "—" and the other Unicode dashes.
        case dash
        case slash
        case dot
        case comma
        case semicolon
        /// "'" or "’" standing alone ("Mar '09").
        case apostrophe
        /// Anything else: "&", "%", "£", brackets, emoji.
        case symbol
    }

    let kind: Kind
    /// Where the token stands in the text as written.
    let range: Range<String.Index>
    /// True when no whitespace separates this token from the one before it.
    let isJoined: Bool
    /// True for a number that is plainly not part of a date: a percentage ("90%"), money
    /// ("£26,000"), an age ("aged 16-18", "11-19 year olds", "under-18s").
    var isNotDate = false
    /// The century of a two-digit year in this text: 2000, or 1900 when the text writes a
    /// four-digit 19xx year and no 20xx one; nil when it writes both (then no two-digit year
    /// is read).
    var century: Int? = 2000

    /// The year a number stands for: "08" is 2008 (1998 beside "1994"), "010" (as some plans
    /// write it) is 2010, "2008" is 2008. Nil for anything else.
    var yearValue: Int? {
        guard !isNotDate, case .number(let value?, let digits) = kind else { return nil }
        switch digits {
        case 2: return century.map { $0 + value }
        case 3 where value < 100: return century == 2000 ? 2000 + value : nil
        case 4 where (1900...2199).contains(value): return value
        default: return nil
        }
    }

    /// The number's value when it is not plainly something else than a date part.
    var dateNumber: Int? {
        guard !isNotDate, case .number(let value?, _) = kind else { return nil }
        return value
    }

    /// The number as a day of a month (1...31, at most two digits), or nil.
    var dayValue: Int? {
        guard let value = smallNumber, (1...31).contains(value) else { return nil }
        return value
    }

    /// The number as written, when it has at most two digits ("3", "03").
    var smallNumber: Int? {
        guard !isNotDate, case .number(let value?, let digits) = kind, digits <= 2 else { return nil }
        return value
    }

    /// The number of digits, when the token is a number.
    var digits: Int? {
        guard case .number(_, let digits) = kind else { return nil }
        return digits
    }

    /// The month (1...12) a month-name token names, or nil.
    var monthValue: Int? {
        guard case .month(let month) = kind else { return nil }
        return month
    }

    /// The lowercased word, when the token is a word.
    var word: String? {
        guard case .word(let word) = kind else { return nil }
        return word
    }
}

/// Cuts a due-date text into `DueDateToken`s. Never fails: every character lands somewhere.
enum DueDateTokenizer {
    /// Numbers longer than this are kept as numbers without a value (they are no date).
    private static let longestNumber = 6

    /// Month names and their accepted abbreviations, lowercased.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
        "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    private static let dashes: Set<Character> = [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}",
    ]
    private static let wordJoiners: Set<Character> = ["-", "'", "\u{2019}"]

    /// The tokens of `text`, in order.
    static func tokens(in text: String) -> [DueDateToken] {
        let tokens = isASCII(text) ? asciiTokens(in: text) : characterTokens(in: text)
        return settlingCentury(settlingNotDates(settlingLowercaseMay(tokens), in: text))
    }

    /// `characterTokens` for an ASCII text, on its bytes (each byte is a character there):
    /// whitespace is space and tab to carriage return, letters A-Z and a-z, digits 0-9.
    private static func asciiTokens(in text: String) -> [DueDateToken] {
        var tokens: [DueDateToken] = []
        let bytes = text.utf8
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var index = bytes.startIndex
        var joined = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                joined = false
                index = bytes.index(after: index)
                continue
            }
            var end = bytes.index(after: index)
            let kind: DueDateToken.Kind
            if isDigit(byte) {
                while end < bytes.endIndex, isDigit(bytes[end]) { end = bytes.index(after: end) }
                kind = number(text[index..<end])
            } else if isLetter(byte) {
                // Letters, with a hyphen or apostrophe allowed only between two letters.
                while end < bytes.endIndex {
                    let next = bytes[end]
                    if isLetter(next) {
                        end = bytes.index(after: end)
                        continue
                    }
                    let after = bytes.index(after: end)
                    guard next == 0x2D || next == 0x27, after < bytes.endIndex, isLetter(bytes[after]) else { break }
                    end = after
                }
                kind = wordOrMonth(text[index..<end])
            } else {
                kind = punctuation(Character(Unicode.Scalar(byte)))
            }
            tokens.append(DueDateToken(kind: kind, range: index..<end, isJoined: joined))
            joined = true
            index = end
        }
        return tokens
    }

    /// The tokens of any text, character by character, before the settling passes.
    private static func characterTokens(in text: String) -> [DueDateToken] {
        var tokens: [DueDateToken] = []
        var index = text.startIndex
        var joined = false
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                joined = false
                index = text.index(after: index)
                continue
            }
            let end: String.Index
            let kind: DueDateToken.Kind
            if isDigit(character) {
                end = endOfNumber(in: text, from: index)
                kind = number(text[index..<end])
            } else if character.isLetter {
                end = endOfWord(in: text, from: index)
                kind = wordOrMonth(text[index..<end])
            } else {
                end = text.index(after: index)
                kind = punctuation(character)
            }
            tokens.append(DueDateToken(kind: kind, range: index..<end, isJoined: joined))
            joined = true
            index = end
        }
        return tokens
    }

    /// Words before a number that make it an age ("aged 16", "under-18").
    private static let ageBefore: Set<String> = ["aged", "age", "ages", "under"]
    /// Words after a number that make it an age or a count of years ("16-18 year olds", "3 yrs").
    private static let ageAfter: Set<String> = ["years", "yrs", "year-olds", "year-old", "yo", "olds", "s"]

    /// Marks the numbers that are plainly not date parts (`isNotDate`): a percentage, money,
    /// an age; then the numbers joined to one by "." or "," ("8.4%", "£26,000"), and the other
    /// end of an age range ("16-18 year olds", "aged 16 to 18") or of a percentage range
    /// written tight ("10-20%"), when that end has at most two digits.
    private static func settlingNotDates(_ tokens: [DueDateToken], in text: String) -> [DueDateToken] {
        guard tokens.contains(where: { $0.digits != nil }) else { return tokens }
        var settled = tokens
        func symbol(_ index: Int) -> Character? {
            guard settled.indices.contains(index), settled[index].kind == .symbol else { return nil }
            return text[settled[index].range].first
        }
        func word(_ index: Int) -> String? { settled.indices.contains(index) ? settled[index].word : nil }
        var ages: [Int] = [], percentages: [Int] = [], seeds: [Int] = []
        for index in settled.indices where settled[index].digits != nil {
            let next = settled.indices.contains(index + 1) ? settled[index + 1] : nil
            let percent = next?.isJoined == true && symbol(index + 1) == "%"
            let money = settled[index].isJoined && ["£", "$", "€"].contains(symbol(index - 1))
            let dashBefore = settled.indices.contains(index - 1) && settled[index - 1].kind == .dash
            let ageWordBefore = word(dashBefore ? index - 2 : index - 1).map(ageBefore.contains) ?? false
            let yearOlds = ["year", "yr"].contains(word(index + 1)) && ["olds", "old"].contains(word(index + 2) ?? "")
            let ageWordAfter = word(index + 1).map(ageAfter.contains) ?? false
            if ageWordBefore || ageWordAfter || yearOlds { ages.append(index) }
            if percent { percentages.append(index) }
            if percent || money || ageWordBefore || ageWordAfter || yearOlds { seeds.append(index) }
        }
        func isNumber(_ index: Int) -> Bool { settled.indices.contains(index) && settled[index].digits != nil }
        // The other end of a range: one step only, to a number of at most two digits.
        for (index, tightOnly) in ages.map({ ($0, false) }) + percentages.map({ ($0, true) }) {
            for (link, other) in [(index - 1, index - 2), (index + 1, index + 2)] where isNumber(other) {
                let joined = settled[max(link, index)].isJoined && settled[max(link, other)].isJoined
                let range = settled[link].kind == .dash || (!tightOnly && settled[link].word == "to")
                if range, joined || !tightOnly, (settled[other].digits ?? 0) <= 2 { seeds.append(other) }
            }
        }
        // Decimals and thousands: along tight "." and "," links.
        var pending = seeds
        while let index = pending.popLast() {
            guard !settled[index].isNotDate else { continue }
            settled[index].isNotDate = true
            for (link, other) in [(index - 1, index - 2), (index + 1, index + 2)] where isNumber(other) {
                let tight = settled[link].kind == .dot || settled[link].kind == .comma
                if tight, settled[max(link, index)].isJoined, settled[max(link, other)].isJoined {
                    pending.append(other)
                }
            }
        }
        return settled
    }

    /// Sets the century of two-digit years from the four-digit years the text writes.
    private static func settlingCentury(_ tokens: [DueDateToken]) -> [DueDateToken] {
        var nineteen = false, twenty = false
        for token in tokens where token.digits == 4 && !token.isNotDate {
            switch token.dateNumber ?? 0 {
            case 1900...1999: nineteen = true
            case 2000...2199: twenty = true
            default: break
            }
        }
        let century: Int? = nineteen ? (twenty ? nil : 1900) : 2000
        guard century != 2000 else { return tokens }
        return tokens.map { token in
            var token = token
            token.century = century
            return token
        }
    }

    private static func isDigit(_ character: Character) -> Bool {
        ("0"..."9").contains(character)
    }

    private static func endOfNumber(in text: String, from start: String.Index) -> String.Index {
        var index = start
        while index < text.endIndex, isDigit(text[index]) { index = text.index(after: index) }
        return index
    }

    /// Letters, with a hyphen or apostrophe allowed only between two letters.
    private static func endOfWord(in text: String, from start: String.Index) -> String.Index {
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter {
                index = text.index(after: index)
                continue
            }
            let next = text.index(after: index)
            guard wordJoiners.contains(character), next < text.endIndex, text[next].isLetter else { break }
            index = next
        }
        return index
    }

    private static func number(_ digits: Substring) -> DueDateToken.Kind {
        let value = digits.count <= longestNumber ? Int(digits) : nil
        return .number(value: value, digits: digits.count)
    }

    private static func wordOrMonth(_ letters: Substring) -> DueDateToken.Kind {
        let word = letters.lowercased()
        // "may" in lower case is usually the verb; it becomes May only next to a number.
        if letters != "may", let month = months[word] { return .month(month) }
        return .word(word)
    }

    private static func punctuation(_ character: Character) -> DueDateToken.Kind {
        if dashes.contains(character) { return .dash }
        switch character {
        case "/": return .slash
        case ".": return .dot
        case ",": return .comma
        case ";": return .semicolon
        case "'", "\u{2019}", "\u{2018}": return .apostrophe
        default: return .symbol
        }
    }

    /// Turns a lower-case "may" into the month when a number stands right before or after it
    /// ("by 3 may", "may 2009").
    private static func settlingLowercaseMay(_ tokens: [DueDateToken]) -> [DueDateToken] {
        var settled = tokens
        for (index, token) in tokens.enumerated() where token.word == "may" {
            let before = index > 0 ? tokens[index - 1].digits : nil
            let after = index + 1 < tokens.count ? tokens[index + 1].digits : nil
            if before != nil || after != nil {
                settled[index] = DueDateToken(kind: .month(5), range: token.range, isJoined: token.isJoined)
            }
        }
        return settled
    }
}

/// The words the reader knows besides dates: lead-ins, open forms, fillers and qualifiers.
enum DueDateVocabulary {
    /// Words that may stand before a date without changing it ("by", "end of", "leading up to").
    static let leadIns: Set<String> = [
        "by", "before", "end", "of", "the", "until", "till", "up", "to", "leading", "during",
        "in", "due", "at", "from", "starting", "since", "commencing",
    ]
    /// "leading up to the end of": longer runs of lead-in words are not a lead-in (and would make a scan
    /// of a long text slow).
    static let longestLeadIn = 6
    /// Lead-ins that make the date the start of a period with no end.
    static let starts: Set<String> = ["from", "starting", "since", "commencing"]
    static let onwards: Set<String> = ["onwards", "onward", "onwds", "onwd"]
    static let rangeWords: Set<String> = ["to", "until", "till", "through", "thru"]
    /// Small words ignored without comment.
    static let fillers: Set<String> = [
        "the", "of", "a", "an", "and", "at", "on", "in", "by", "to", "intervals", "basis", "every", "each",
    ]
    /// Words that shift a date in ways the reader does not model ("early 2009", "Spring term").
    static let qualifiers: Set<String> = [
        "early", "mid", "middle", "late", "beginning", "start", "after", "within", "approx",
        "approximately", "around", "circa", "spring", "summer", "autumn", "winter", "term",
        "terms", "quarter", "half", "week", "weeks", "day", "days", "month", "months",
        "q", "qtr", "fall", "w", "wc", "wb", "wk", "c",
    ]
    /// Open forms, most telling first: a recurring "monthly until ..." beats "ongoing".
    static let openPhrases: [(words: [String], form: DueDate.OpenForm)] = [
        (["monthly"], .recurring), (["quarterly"], .recurring), (["annually"], .recurring),
        (["yearly"], .recurring), (["weekly"], .recurring), (["fortnightly"], .recurring),
        (["daily"], .recurring), (["termly"], .recurring), (["half-termly"], .recurring),
        (["half-yearly"], .recurring), (["six-monthly"], .recurring), (["bi-monthly"], .recurring),
        (["ongoing"], .ongoing), (["on-going"], .ongoing), (["on", "going"], .ongoing),
        (["immediate"], .immediate), (["immediately"], .immediate),
        (["to", "be", "confirmed"], .toBeConfirmed), (["to", "be", "agreed"], .toBeConfirmed),
        (["to", "be", "decided"], .toBeConfirmed), (["to", "be", "determined"], .toBeConfirmed),
        (["tbc"], .toBeConfirmed), (["tba"], .toBeConfirmed), (["tbd"], .toBeConfirmed),
    ]
    /// The open phrases that start with a given word.
    static let openPhrasesByFirstWord: [String: [(words: [String], form: DueDate.OpenForm)]] =
        Dictionary(grouping: openPhrases) { $0.words[0] }
    static let openPrecedence: [DueDate.OpenForm] = [.recurring, .ongoing, .immediate, .toBeConfirmed]
}

/// A position in a token list, moved forward by the reader's grammar.
///
/// A value type: a rule tries its pattern on a copy and hands the copy back only on success.
struct DueDateCursor: Sendable {
    let tokens: [DueDateToken]
    private(set) var position = 0

    init(tokens: [DueDateToken]) {
        self.tokens = tokens
    }

    var isAtEnd: Bool { position >= tokens.count }

    /// The token `offset` places after the cursor, or nil past the end.
    func peek(_ offset: Int = 0) -> DueDateToken? {
        let index = position + offset
        return tokens.indices.contains(index) ? tokens[index] : nil
    }

    mutating func advance(by count: Int = 1) {
        position = min(position + count, tokens.count)
    }

    /// Moves past the word at the cursor when it is one of `words`; says whether it did.
    mutating func take(wordIn words: Set<String>) -> Bool {
        guard let word = peek()?.word, words.contains(word) else { return false }
        advance()
        return true
    }

    /// Moves past a token of `kind` at the cursor (joined to the one before, if asked).
    mutating func take(_ kind: DueDateToken.Kind, joinedOnly: Bool = false) -> Bool {
        guard let token = peek(), token.kind == kind, token.isJoined || !joinedOnly else { return false }
        advance()
        return true
    }

    /// The text covered from the token at `start` to the token before the cursor.
    func range(from start: Int) -> Range<String.Index>? {
        guard tokens.indices.contains(start), position > start, position <= tokens.count else { return nil }
        return tokens[start].range.lowerBound..<tokens[position - 1].range.upperBound
    }

    /// True when nothing but punctuation is left.
    var hasOnlyPunctuationLeft: Bool {
        tokens[min(position, tokens.count)...].allSatisfy { token in
            switch token.kind {
            case .number, .month, .word: return false
            default: return true
            }
        }
    }
}
