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
        case .day, .month, .months: return false
        }
    }

    /// True when the term names one day, month or year, which a plan means "by" its last day.
    var isSingle: Bool {
        switch shape {
        case .day, .month, .year: return true
        case .months, .years: return false
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

    /// Reads one term at the cursor: a numeric date, a day and month, a month (list) with or
    /// without a year, a year or a span of years.
    static func term(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        if let term = numericDate(&cursor) { return term }
        if let term = dayFirst(&cursor) { return term }
        if let term = monthFirst(&cursor) { return term }
        return years(&cursor)
    }

    /// "31.3.09", "31/03/2009", "31-3-09", or ISO "2009-03-31". Day first, as in the UK.
    static func numericDate(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let first = c.peek(), let separator = c.peek(1)?.kind,
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

    /// "31 December 08", "19 th June", "3rd of May 2009".
    static func dayFirst(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let day = c.peek()?.dayValue else { return nil }
        c.advance()
        _ = c.take(wordIn: ordinalSuffixes)
        _ = c.take(wordIn: ["of"])
        guard let month = c.peek()?.monthValue else { return nil }
        c.advance()
        _ = c.take(.dot, joinedOnly: true)
        let year = yearAfterMonth(&c)
        guard let range = c.range(from: start) else { return nil }
        cursor = c
        return DueDateTerm(shape: .day(day), month: month, year: year, range: range)
    }

    /// "Sept 08", "December 2008", "End July" (no year), "September 3 2008", "June 19th",
    /// "May/June/July 2008", "Apr/Jul 09".
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

    /// "2011"; "2008-10", "2008-2010", "08-011", "2008 to 2010" (calendar years);
    /// "2008/09", "08-09", "2008-09 financial year" (UK financial year).
    static func years(_ cursor: inout DueDateCursor) -> DueDateTerm? {
        var c = cursor
        let start = c.position
        guard let first = c.peek()?.yearValue, let firstDigits = c.peek()?.digits else { return nil }
        c.advance()
        var pair = c
        let slash = pair.take(.slash)
        if slash || pair.take(.dash) || pair.take(wordIn: yearSeparatorWords),
            let last = pair.peek()?.yearValue, let lastDigits = pair.peek()?.digits
        {
            pair.advance()
            let said = spanWords(&pair)
            let abbreviated = lastDigits < 4
            let counting = said ?? ((slash || abbreviated) && last == first + 1 ? .financial : .calendar)
            guard let range = pair.range(from: start) else { return nil }
            cursor = pair
            var term = DueDateTerm(shape: .years(through: last, counting), month: 1, year: first, range: range)
            if said == nil { term.note = note(first, last, counting) }
            return term
        }
        guard firstDigits == 4, let range = c.range(from: start) else { return nil }
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

    /// "financial year", "fy", "academic year", "school year" after a span of years.
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

    /// The year written after a month name ("08", "010", "2008"), if any.
    private static func yearAfterMonth(_ cursor: inout DueDateCursor) -> Int? {
        guard let year = cursor.peek()?.yearValue else { return nil }
        cursor.advance()
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
