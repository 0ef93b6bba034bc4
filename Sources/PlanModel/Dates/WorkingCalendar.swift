/// Which days are working days: Monday to Friday, except bank holidays.
///
/// A calendar is a value: it holds the function that gives a year's holidays, and works
/// them out on demand (a year's England and Wales holidays take microseconds). Functions
/// that look at many days keep a per-year cache of their own for the length of the call,
/// so there is no shared mutable state and a calendar can be used from any task.
public struct WorkingCalendar: Sendable {
    /// England and Wales: weekends and the bank holidays of `BankHolidays.englandAndWales`.
    public static let englandAndWales = WorkingCalendar(
        name: "England and Wales", holidays: BankHolidays.englandAndWales)

    /// A name for messages ("England and Wales").
    public let name: String
    private let holidaysOfYear: @Sendable (Int) -> [BankHoliday]

    /// A calendar whose holidays in a year are `holidays(year)`: each should fall in that
    /// year. Holidays given on a weekend change nothing (the weekend is already off).
    public init(name: String, holidays: @escaping @Sendable (Int) -> [BankHoliday]) {
        self.name = name
        self.holidaysOfYear = holidays
    }

    /// The holidays of `year`, sorted by day.
    public func holidays(inYear year: Int) -> [BankHoliday] {
        holidaysOfYear(year).filter { $0.day.year == year }.sorted { $0.day < $1.day }
    }

    /// The holiday observed on `day`, if any (also when `day` is at a weekend, for a
    /// calendar that lists one there).
    public func holiday(on day: Day) -> BankHoliday? {
        holidaysOfYear(day.year).first { $0.day == day }
    }

    /// Whether `day` is a working day: a weekday that is not a holiday.
    public func isWorkingDay(_ day: Day) -> Bool {
        !day.isWeekend && holiday(on: day) == nil
    }

    /// The holidays that fall inside `range` (both ends included), sorted by day.
    public func holidays(in range: ClosedRange<Day>) -> [BankHoliday] {
        guard range.lowerBound.year <= range.upperBound.year else { return [] }
        return (range.lowerBound.year...range.upperBound.year).flatMap { year in
            holidays(inYear: year).filter { range.contains($0.day) }
        }
    }

    /// The number of working days from `start` through `end`, both included.
    ///
    /// An empty range (`end` before `start`) has no working days: the result is 0, never
    /// negative. So "working days left" after `today` until a deadline is
    /// `workingDays(from: today.adding(days: 1), through: deadline)`, which is 0 on the
    /// deadline and after it.
    ///
    /// Weekdays are counted arithmetically, then the weekday holidays in the range are
    /// taken off, so a long range costs only its years' holiday lists.
    public func workingDays(from start: Day, through end: Day) -> Int {
        guard start <= end else { return 0 }
        let weekdays = Self.weekdays(before: end.ordinal + 1) - Self.weekdays(before: start.ordinal)
        let holidayDays = Set(holidays(in: start...end).map(\.day).filter { !$0.isWeekend })
        return weekdays - holidayDays.count
    }

    /// The first working day on or after `day`.
    public func workingDay(onOrAfter day: Day) -> Day {
        var lookup = Lookup(calendar: self)
        var day = day
        while !lookup.isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// Weekdays (Monday to Friday) among the days with ordinals below `ordinal`, counted
    /// from a fixed Monday: differences of two values count the weekdays in between.
    private static func weekdays(before ordinal: Int) -> Int {
        // Ordinal 0 (1970-01-01) was a Thursday: shift so that 0 is a Monday.
        let shifted = ordinal + 3
        let weeks = shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
        let rest = shifted - weeks * 7
        return weeks * 5 + min(rest, 5)
    }

    /// A per-call cache of holidays by year, for walking over many days.
    struct Lookup {
        let calendar: WorkingCalendar
        private var byYear: [Int: [Day: BankHoliday]] = [:]

        init(calendar: WorkingCalendar) {
            self.calendar = calendar
        }

        mutating func holiday(on day: Day) -> BankHoliday? {
            if let year = byYear[day.year] { return year[day] }
            var table: [Day: BankHoliday] = [:]
            for holiday in calendar.holidays(inYear: day.year) where table[holiday.day] == nil {
                table[holiday.day] = holiday
            }
            byYear[day.year] = table
            return table[day]
        }

        mutating func isWorkingDay(_ day: Day) -> Bool {
            !day.isWeekend && holiday(on: day) == nil
        }
    }
}
