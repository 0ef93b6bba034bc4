/// One date expression as written, before a missing year is settled:
/// "31.3.09", "19 th June", "Sept 08", "May/June/July 2008", "2011", "2008/09".
struct DueDateTerm: Sendable {
    enum Shape: Sendable, Equatable {
        /// One day of `month`.
        case day(Int)
        /// The whole of `month`.
        case month
        /// From `month` through the given month of the same year ("Apr/Jul 09").
        case months(through: Int)
        /// The whole of `year`.
        case year
        /// From `year` through the given year, counted as the `YearSpan` says ("2008-10").
        case years(through: Int, YearSpan)
        /// From the first day through the last day of `month` ("3-7 March 2008").
        case days(Int, through: Int)
        /// The seven days starting ("w/c 3 March 2008") or ending ("w/e ...") on a day of `month`.
        case week(Int, ending: Bool)
        /// A season of `year` (winter: December of `year` to February of the next).
        case season(Season)
        /// A school term of `year` (the calendar year it falls in).
        case schoolTerm(Season)
    }

    /// Spring, summer, autumn, winter: as seasons and as school terms (docs/FORMAT.md).
    enum Season: String, Sendable, Equatable, CaseIterable {
        case spring, summer, autumn, winter
    }

    /// How a span of years is counted.
    enum YearSpan: Sendable, Equatable {
        /// 1 January to 31 December.
        case calendar
        /// The UK financial year: 1 April to 31 March.
        case financial
        /// The school year: 1 September to 31 August.
        case academic
    }

    var shape: Shape
    /// The (first) month; 1 for the year shapes.
    var month: Int
    /// The (first) year; nil when the text gave none.
    var year: Int?
    /// Where the term stands in the text.
    var range: Range<String.Index>
    /// How an ambiguous term was read, when the text did not say ("read as the ...").
    var note: String?

    /// True for "2011", "2008-10", "08-09": numbers only, no month or day.
    var isYearOnly: Bool {
        switch shape {
        case .year, .years: return true
        case .day, .month, .months, .days, .week, .season, .schoolTerm: return false
        }
    }

    /// True when the term names one day, month or year, which a plan means "by" its last day.
    var isSingle: Bool {
        switch shape {
        case .day, .month, .year: return true
        case .months, .years, .days, .week, .season, .schoolTerm: return false
        }
    }

    /// The first and last day the term covers when its year is `year`; nil when no such
    /// days exist (31 April, 29 February 2009, months out of order).
    func span(in year: Int) -> ClosedRange<Day>? {
        switch shape {
        case .day(let day):
            return Day(year: year, month: month, day: day).map { $0...$0 }
        case .month:
            return Day(year: year, month: month, day: 1).map { $0...$0.endOfMonth }
        case .months(let last):
            guard last > month, let first = Day(year: year, month: month, day: 1),
                let lastMonth = Day(year: year, month: last, day: 1)
            else { return nil }
            return first...lastMonth.endOfMonth
        case .year:
            return Self.yearsSpan(year, year, .calendar)
        case .years(let last, let counting):
            guard last > year else { return nil }
            return Self.yearsSpan(year, last, counting)
        case .days(let first, let last):
            guard last > first, let from = Day(year: year, month: month, day: first),
                let to = Day(year: year, month: month, day: last)
            else { return nil }
            return from...to
        case .week(let day, let ending):
            guard let day = Day(year: year, month: month, day: day) else { return nil }
            return ending ? day.adding(days: -6)...day : day...day.adding(days: 6)
        case .season(let season):
            return Self.seasonSpan(season, year)
        case .schoolTerm(let term):
            return Self.schoolTermSpan(term, year)
        }
    }

    /// Meteorological seasons: spring March-May, summer June-August, autumn
    /// September-November, winter December-February (of the next year).
    private static func seasonSpan(_ season: Season, _ year: Int) -> ClosedRange<Day>? {
        let (first, last, lastYear): (Int, Int, Int)
        switch season {
        case .spring: (first, last, lastYear) = (3, 5, year)
        case .summer: (first, last, lastYear) = (6, 8, year)
        case .autumn: (first, last, lastYear) = (9, 11, year)
        case .winter: (first, last, lastYear) = (12, 2, year + 1)
        }
        guard let start = Day(year: year, month: first, day: 1), let end = Day(year: lastYear, month: last, day: 1)
        else { return nil }
        return start...end.endOfMonth
    }

    /// School terms in England: autumn 1 September-31 December, spring 1 January-Easter
    /// Sunday, summer Easter Monday-31 July. There is no winter term.
    private static func schoolTermSpan(_ term: Season, _ year: Int) -> ClosedRange<Day>? {
        let easter = BankHolidays.easterSunday(year)
        switch term {
        case .autumn:
            guard let start = Day(year: year, month: 9, day: 1), let end = Day(year: year, month: 12, day: 31)
            else { return nil }
            return start...end
        case .spring:
            guard let start = Day(year: year, month: 1, day: 1) else { return nil }
            return start...easter
        case .summer:
            guard let end = Day(year: year, month: 7, day: 31) else { return nil }
            return easter.adding(days: 1)...end
        case .winter:
            return nil
        }
    }

    private static func yearsSpan(_ first: Int, _ last: Int, _ counting: YearSpan) -> ClosedRange<Day>? {
        let bounds: (start: (Int, Int), end: (Int, Int))
        switch counting {
        case .calendar: bounds = ((1, 1), (12, 31))
        case .financial: bounds = ((4, 1), (3, 31))
        case .academic: bounds = ((9, 1), (8, 31))
        }
        guard let start = Day(year: first, month: bounds.start.0, day: bounds.start.1),
            let end = Day(year: last, month: bounds.end.0, day: bounds.end.1), start <= end
        else { return nil }
        return start...end
    }
}

/// The grammar of one date expression. Each rule works on a copy of the cursor and moves the
/// caller's cursor only when it matched.
enum DueDateGrammar {
    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
    private static let yearSeparatorWords: Set<String> = ["to"]
    /// The words a term may start with (the others start with a number or a month name).
    private static let firstWords = Set(
        ["week", "wk", "w", "wc", "wb", "q", "qtr", "quarter", "fy", "financial", "academic", "school"]
            + DueDateTerm.Season.allCases.map(\.rawValue))

    /// Reads one term at the cursor: a week, a quarter, a season or school term, a numeric
    /// date, a range of days, a day and month, a month (list) with or without a year, a
    /// month number and year, a year or a span of years.
    static func term(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        // Most words start no term: answer them at once (a long text is read word by word).
        switch cursor.peek()?.kind {
        case .word(let word)?: guard firstWords.contains(word) else { return nil }
        case .number?, .month?: break
        default: return nil
        }
        if let term = week(&cursor) { return term }
        if let term = quarter(&cursor) { return term }
        if let term = season(&cursor) { return term }
        if let term = numericDate(&cursor) { return term }
        if let term = dayRange(&cursor) { return term }
        if let term = dayFirst(&cursor) { return term }
        if let term = monthFirst(&cursor) { return term }
        if let term = monthNumberAndYear(&cursor) { return term }
        return years(&cursor)
    }

    /// "31.3.09", "31/03/2009", "31-3-09", or ISO "2009-03-31". Day first, as in the UK.
    static func numericDate(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let first = c.peek(), first.dateNumber != nil, let separator = c.peek(1)?.kind,
            separator == .dot || separator == .slash || separator == .dash,
            let second = c.peek(2)?.smallNumber, let third = c.peek(4),
            (1...4).allSatisfy({ c.peek($0)?.isJoined == true }), c.peek(3)?.kind == separator
        else { return nil }
        c.advance(by: 5)
        let day: Int?
        let month = second
        let year: Int?
        if first.digits == 4 {
            (day, year) = (third.smallNumber, first.yearValue)
        } else {
            (day, year) = (first.smallNumber, third.yearValue)
        }
        guard let day, let year, let range = c.range(from: start) else { return nil }
        cursor = c
        return DueDateTerm(shape: .day(day), month: month, year: year, range: range)
    }

    /// "3-7 March 2008", "3rd – 7th Mar 08", "3 to 7 March": days of one month.
    static func dayRange(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let first = c.peek()?.dayValue else { return nil }
        c.advance()
        _ = c.take(wordIn: ordinalSuffixes)
        guard c.take(.dash) || c.take(wordIn: ["to"]), let end = dayFirst(&c), case .day(let last) = end.shape,
            let range = c.range(from: start)
        else { return nil }
        cursor = c
        return DueDateTerm(shape: .days(first, through: last), month: end.month, year: end.year, range: range)
    }

    /// "31 December 08", "19 th June", "3rd of May 2009", "9-Mar-09", "09-Mar-2009".
    static func dayFirst(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let day = c.peek()?.dayValue else { return nil }
        c.advance()
        _ = c.take(wordIn: ordinalSuffixes)
        _ = c.take(wordIn: ["of"])
        if let joiner = c.peek(), joiner.isJoined, joiner.kind == .dash || joiner.kind == .slash,
            c.peek(1)?.isJoined == true, c.peek(1)?.monthValue != nil
        {
            c.advance()
        }
        guard let month = c.peek()?.monthValue else { return nil }
        c.advance()
        _ = c.take(.dot, joinedOnly: true)
        let year = yearAfterMonth(&c)
        guard let range = c.range(from: start) else { return nil }
        cursor = c
        return DueDateTerm(shape: .day(day), month: month, year: year, range: range)
    }

    /// "Sept 08", "December 2008", "Sept-2008", "Mar-09", "Mar '09", "End July" (no year),
    /// "September 3 2008", "June 19th", "May/June/July 2008", "Apr/Jul 09".
    static func monthFirst(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let month = c.peek()?.monthValue else { return nil }
        c.advance()
        _ = c.take(.dot, joinedOnly: true)
        let shape: DueDateTerm.Shape
        var year: Int?
        if let written = dayAfterMonth(&c) {
            (shape, year) = (.day(written.day), written.year)
        } else {
            var months = [month]
            while c.peek()?.kind == .slash, let next = c.peek(1)?.monthValue {
                months.append(next)
                c.advance(by: 2)
                _ = c.take(.dot, joinedOnly: true)
            }
            let ordered = zip(months, months.dropFirst()).allSatisfy { $0 < $1 }
            // A list out of order covers no days: `span(in:)` then refuses it.
            shape = months.count == 1 ? .month : .months(through: ordered ? months[months.count - 1] : month)
            year = yearAfterMonth(&c)
        }
        guard let range = c.range(from: start) else { return nil }
        cursor = c
        return DueDateTerm(shape: shape, month: month, year: year, range: range)
    }

    /// "03/2009", "3/2009": a month number and a four-digit year, as spreadsheets print them.
    static func monthNumberAndYear(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let month = c.peek()?.smallNumber, (1...12).contains(month), c.peek(1)?.kind == .slash,
            c.peek(1)?.isJoined == true, c.peek(2)?.isJoined == true, c.peek(2)?.digits == 4,
            let year = c.peek(2)?.yearValue
        else { return nil }
        c.advance(by: 3)
        guard let range = c.range(from: start) else { return nil }
        cursor = c
        return DueDateTerm(shape: .month, month: month, year: year, range: range)
    }

    /// "w/c 3 March 2008", "week commencing 3.3.08", "week beginning", "w/b", "week ending",
    /// "w/e": the seven days from (or up to) the day written.
    static func week(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        let ending: Bool
        if c.take(wordIn: ["week", "wk"]) {
            guard let word = c.peek()?.word, ["commencing", "beginning", "starting", "ending"].contains(word)
            else { return nil }
            ending = word == "ending"
            c.advance()
        } else if c.peek()?.word == "w", c.peek(1)?.kind == .slash, c.peek(2)?.isJoined == true,
            let letter = c.peek(2)?.word, ["c", "b", "e"].contains(letter)
        {
            ending = letter == "e"
            c.advance(by: 3)
        } else if c.take(wordIn: ["wc", "wb"]) {
            ending = false
        } else {
            return nil
        }
        _ = c.take(wordIn: ["the"])
        var dayStart = c
        guard let day = numericDate(&dayStart) ?? dayFirst(&dayStart) ?? monthFirst(&dayStart),
            case .day(let number) = day.shape, let range = dayStart.range(from: start)
        else { return nil }
        cursor = dayStart
        var term = DueDateTerm(shape: .week(number, ending: ending), month: day.month, year: day.year, range: range)
        term.note = "read as the seven days " + (ending ? "ending on the day written" : "from the day written")
        return term
    }

    /// "Q1 2009" (calendar: January-March), "Q1 2008/09" or "Q1 FY 2008-09" (financial:
    /// April-June 2008), "Quarter 3 2009", "2nd quarter 2008/09". A quarter with no year, or
    /// a year that is neither one year nor one financial year, is not read.
    static func quarter(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        let number: Int
        if c.peek()?.word == "q" || c.peek()?.word == "qtr" || c.peek()?.word == "quarter" {
            c.advance()
            guard let n = c.peek()?.smallNumber else { return nil }
            number = n
            c.advance()
        } else if let n = c.peek()?.smallNumber {
            c.advance()
            _ = c.take(wordIn: ordinalSuffixes)
            guard c.take(wordIn: ["quarter", "qtr"]) else { return nil }
            number = n
        } else {
            return nil
        }
        guard (1...4).contains(number) else { return nil }
        _ = c.take(wordIn: ["of"])
        guard let when = quarterYear(&c), let range = c.range(from: start) else { return nil }
        cursor = c
        let names = ["January-March", "April-June", "July-September", "October-December"]
        if when.financial {
            let month = number * 3 % 12 + 1  // 4, 7, 10, 1
            let year = number == 4 ? when.year + 1 : when.year
            var term = DueDateTerm(shape: .months(through: month + 2), month: month, year: year, range: range)
            let financialYear = "\(when.year)/\(String(when.year + 1).suffix(2))"
            term.note =
                "read as quarter \(number) of the financial year \(financialYear): "
                + "\(names[month / 3]) \(year)"
            return term
        }
        let month = number * 3 - 2
        var term = DueDateTerm(shape: .months(through: month + 2), month: month, year: when.year, range: range)
        term.note = "read as calendar quarter \(number): \(names[number - 1]) \(when.year)"
        return term
    }

    /// The year after a quarter: one financial year (`financial`, its first year) or one
    /// calendar year.
    private static func quarterYear(_ cursor: inout DueDateCursor) -> (year: Int, financial: Bool)? {
        var c = cursor
        if let span = years(&c) {
            switch span.shape {
            case .year:
                cursor = c
                return (span.year ?? 0, false)
            case .years(let last, .financial) where span.year.map({ $0 + 1 == last }) == true:
                cursor = c
                return (span.year ?? 0, true)
            default:
                return nil
            }
        }
        return singleShortYear(&cursor).map { ($0, false) }
    }

    /// "Spring 2009" (a season), "Autumn term 2008", "Spring term 2008/09" (a school term),
    /// "Winter 2008/09". See docs/FORMAT.md for the months each covers.
    static func season(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let word = c.peek()?.word, let season = DueDateTerm.Season(rawValue: word) else { return nil }
        c.advance()
        let isTerm = c.take(wordIn: ["term"])
        var yearCursor = c
        let pair = years(&yearCursor)
        var year: Int?
        if let pair, case .years(let last, let counting) = pair.shape, counting != .calendar,
            let first = pair.year, last == first + 1
        {
            // A school or financial year pair: terms fall in it, winter spans it.
            switch (isTerm, season) {
            case (true, .autumn), (false, .winter): year = first
            case (true, .spring), (true, .summer): year = last
            default: year = nil
            }
            c = yearCursor
        } else if let pair, case .year = pair.shape, season != .winter {
            year = pair.year
            c = yearCursor
        } else if pair == nil, season != .winter, let short = singleShortYear(&c) {
            year = short
        }
        guard let year, !(isTerm && season == .winter), let range = c.range(from: start) else { return nil }
        cursor = c
        var term = DueDateTerm(
            shape: isTerm ? .schoolTerm(season) : .season(season),
            month: isTerm
                ? [DueDateTerm.Season.spring: 1, .summer: 4, .autumn: 9][season] ?? 1
                : [DueDateTerm.Season.spring: 3, .summer: 6, .autumn: 9, .winter: 12][season] ?? 1,
            year: year, range: range)
        term.note = isTerm ? "read as the \(season.rawValue) school term" : "read as the season \(season.rawValue)"
        return term
    }

    /// "09" on its own (not "08/09"): a two-digit year.
    private static func singleShortYear(_ cursor: inout DueDateCursor) -> Int? {
        guard cursor.peek()?.digits == 2, let year = cursor.peek()?.yearValue else { return nil }
        if let next = cursor.peek(1), next.isJoined, next.kind == .slash || next.kind == .dash { return nil }
        cursor.advance()
        return year
    }

    /// "2011"; "2008-10", "2008-2010", "08-011", "2008 to 2010", "1994-98" (calendar years);
    /// "2008/09", "08-09", "2008-09 financial year", "FY 2008/09", "financial year 2008-09"
    /// (UK financial year). Two two-digit numbers are years only when consecutive ("08/09"):
    /// "16-18" and "11-19" are more often ages.
    static func years(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        let before = spanWords(&c)
        guard let firstToken = c.peek(), let first = firstToken.yearValue, let firstDigits = firstToken.digits
        else { return nil }
        c.advance()
        var pair = c
        let slash = pair.take(.slash)
        if slash || pair.take(.dash) || pair.take(wordIn: yearSeparatorWords),
            let lastToken = pair.peek(), var last = lastToken.yearValue, let lastDigits = lastToken.digits
        {
            pair.advance()
            // "2007 – 25 Aug 2008": a number before a month is a day, not the end of a span.
            if pair.peek()?.monthValue != nil || pair.peek().map({ ordinalSuffixes.contains($0.word ?? "") }) == true {
                return nil
            }
            if firstDigits == 4, lastDigits < 4, let written = lastToken.dateNumber {
                // "1994-98", "2008/09", "1999/00": the last year in the first one's century,
                // or the next year when that is what its last two digits say.
                last = first / 100 * 100 + written % 100
                if last <= first, (first + 1) % 100 == written % 100 { last = first + 1 }
            }
            if firstDigits == 2, lastDigits == 2, last != first + 1, before == nil { return nil }
            let said = before ?? spanWords(&pair)
            let abbreviated = lastDigits < 4
            let counting = said ?? ((slash || abbreviated) && last == first + 1 ? .financial : .calendar)
            guard let range = pair.range(from: start) else { return nil }
            cursor = pair
            var term = DueDateTerm(shape: .years(through: last, counting), month: 1, year: first, range: range)
            if said == nil { term.note = note(first, last, counting) }
            return term
        }
        guard before == nil, firstDigits == 4, let range = c.range(from: start) else { return nil }
        cursor = c
        return DueDateTerm(shape: .year, month: 1, year: first, range: range)
    }

    private static func note(_ first: Int, _ last: Int, _ counting: DueDateTerm.YearSpan) -> String {
        switch counting {
        case .calendar: return "read as the calendar years \(first) to \(last)"
        case .financial: return "read as the UK financial year 1 April \(first) to 31 March \(last)"
        case .academic: return "read as the school year 1 September \(first) to 31 August \(last)"
        }
    }

    /// "financial year", "fy", "academic year", "school year", before or after a span of years.
    private static func spanWords(_ cursor: inout DueDateCursor) -> DueDateTerm.YearSpan? {
        if cursor.take(wordIn: ["fy"]) { return .financial }
        var c = cursor
        let counting: DueDateTerm.YearSpan
        if c.take(wordIn: ["financial"]) {
            counting = .financial
        } else if c.take(wordIn: ["academic", "school"]) {
            counting = .academic
        } else {
            return nil
        }
        guard c.take(wordIn: ["year", "yr"]) else { return nil }
        cursor = c
        return counting
    }

    /// The year written after a month name ("08", "010", "2008", "-2008", "-09", "'09",
    /// ", 2008"), if any.
    private static func yearAfterMonth(_ cursor: inout DueDateCursor) -> Int? {
        if let year = cursor.peek()?.yearValue {
            cursor.advance()
            return year
        }
        guard let joiner = cursor.peek(), let next = cursor.peek(1), let year = next.yearValue else { return nil }
        let joinedMark = joiner.isJoined && next.isJoined && (joiner.kind == .dash || joiner.kind == .slash)
        let apostrophe = joiner.kind == .apostrophe && next.isJoined && next.digits == 2
        let comma = joiner.kind == .comma && next.digits == 4
        guard joinedMark || apostrophe || comma else { return nil }
        cursor.advance(by: 2)
        return year
    }

    /// A day after a month name, accepted only when unambiguous: with an ordinal suffix
    /// ("June 19th") or followed by a four-digit year ("September 3 2008", "May 3, 2009").
    private static func dayAfterMonth(_ cursor: inout DueDateCursor) -> (day: Int, year: Int?)? {
        guard let day = cursor.peek()?.dayValue else { return nil }
        var c = cursor
        c.advance()
        let hasSuffix = c.take(wordIn: ordinalSuffixes)
        var withYear = c
        _ = withYear.take(.comma)
        if withYear.peek()?.digits == 4, let year = withYear.peek()?.yearValue {
            withYear.advance()
            cursor = withYear
            return (day, year)
        }
        guard hasSuffix else { return nil }
        cursor = c
        return (day, nil)
    }
}
