/// A day on which banks, councils and most offices in a jurisdiction are closed.
///
/// `day` is the day the holiday is *observed* (a substitute Monday, not the Saturday on
/// which Christmas fell), so every `BankHoliday` is a day taken off work. Substitute days
/// say so in their name: "Christmas Day (substitute day)".
public struct BankHoliday: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The day the holiday is observed.
    public var day: Day
    /// The holiday's name, in the style of the gov.uk list ("Summer bank holiday").
    public var name: String

    public init(day: Day, name: String) {
        self.day = day
        self.name = name
    }

    /// `2008-08-25 Summer bank holiday`.
    public var description: String { "\(day.iso) \(name)" }
}

/// Bank holidays derived by rule, for any year, with the one-off changes of
/// `BankHolidayExceptions` applied.
///
/// The England and Wales rules are those of the Banking and Financial Dealings Act 1971
/// and the yearly royal proclamations that follow a fixed pattern:
///
/// - New Year's Day, 1 January (from 1974); on a Saturday or Sunday the following Monday.
/// - Good Friday and Easter Monday, from the (Western, Gregorian) date of Easter.
/// - Early May bank holiday, the first Monday of May (from 1978).
/// - Spring bank holiday, the last Monday of May (from 1971).
/// - Summer bank holiday, the last Monday of August (from 1971).
/// - Christmas Day and Boxing Day, with substitute days when they fall at a weekend:
///   Christmas on a Friday: Boxing Day on Monday 28th; on a Saturday: Monday 27th for
///   Christmas and Tuesday 28th for Boxing Day; on a Sunday: Boxing Day on Monday 26th and
///   Tuesday 27th for Christmas.
///
/// England and Wales have no 2 January holiday (Scotland does), so a New Year's Day on a
/// weekend is always replaced by a Monday.
///
/// Years before 1971 get only the holidays that these rules define for them (Good Friday,
/// Easter Monday, Christmas and Boxing Day); the Whit Monday and first-Monday-of-August
/// holidays of that era are not modelled. planmerge deals with plans written since 2000.
public enum BankHolidays {
    /// The England and Wales bank holidays observed in `year`, sorted by day: the rules
    /// with the one-off changes of `BankHolidayExceptions.englandAndWales` applied.
    ///
    /// Every holiday returned falls in `year` and on a weekday.
    public static func englandAndWales(_ year: Int) -> [BankHoliday] {
        BankHolidayExceptions.apply(
            BankHolidayExceptions.englandAndWales(year), to: englandAndWalesByRule(year))
    }

    /// The England and Wales bank holidays of `year` by the standing rules alone, without
    /// one-off changes (so 2012 has its Spring bank holiday on 28 May, not 4 June).
    public static func englandAndWalesByRule(_ year: Int) -> [BankHoliday] {
        var holidays: [BankHoliday] = []
        func add(_ day: Day, _ name: String) { holidays.append(BankHoliday(day: day, name: name)) }

        if year >= 1974 {
            let newYear = day(year, 1, 1)
            switch newYear.weekday {
            case 6: add(day(year, 1, 3), "New Year's Day (substitute day)")
            case 7: add(day(year, 1, 2), "New Year's Day (substitute day)")
            default: add(newYear, "New Year's Day")
            }
        }

        let easter = easterSunday(year)
        add(easter.adding(days: -2), "Good Friday")
        add(easter.adding(days: 1), "Easter Monday")

        if year >= 1978 {
            add(firstMonday(year, 5), "Early May bank holiday")
        }
        if year >= 1971 {
            add(lastMonday(year, 5), "Spring bank holiday")
            add(lastMonday(year, 8), "Summer bank holiday")
        }

        switch day(year, 12, 25).weekday {
        case 5:  // Friday: Boxing Day falls on Saturday.
            add(day(year, 12, 25), "Christmas Day")
            add(day(year, 12, 28), "Boxing Day (substitute day)")
        case 6:  // Saturday: both fall at the weekend.
            add(day(year, 12, 27), "Christmas Day (substitute day)")
            add(day(year, 12, 28), "Boxing Day (substitute day)")
        case 7:  // Sunday: Boxing Day is Monday itself.
            add(day(year, 12, 26), "Boxing Day")
            add(day(year, 12, 27), "Christmas Day (substitute day)")
        default:
            add(day(year, 12, 25), "Christmas Day")
            add(day(year, 12, 26), "Boxing Day")
        }
        return holidays.sorted { $0.day < $1.day }
    }

    /// Easter Sunday of `year` in the Gregorian calendar, by the anonymous Gregorian
    /// algorithm (Meeus, *Astronomical Algorithms*, chapter 8; also known as the
    /// Meeus/Jones/Butcher algorithm). Meaningful from 1583; any other year still gets a
    /// Sunday in March or April, never a crash.
    public static func easterSunday(_ year: Int) -> Day {
        // Gregorian Easter repeats every 5,700,000 years: work on a non-negative year.
        let cycle = 5_700_000
        let y = (year % cycle + cycle) % cycle
        let a = y % 19
        let b = y / 100
        let c = y % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return day(year, month, dayOfMonth)
    }

    /// The first Monday of `month` in `year`.
    static func firstMonday(_ year: Int, _ month: Int) -> Day {
        let first = day(year, month, 1)
        return first.adding(days: (8 - first.weekday) % 7)
    }

    /// The last Monday of `month` in `year`.
    static func lastMonday(_ year: Int, _ month: Int) -> Day {
        let last = day(year, month, 1).endOfMonth
        return last.adding(days: -((last.weekday + 6) % 7))
    }

    /// A day the caller knows exists (fixed dates of the rules and exception table).
    static func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
        guard let day = Day(year: year, month: month, day: dayOfMonth) else {
            preconditionFailure("not a date: \(year)-\(month)-\(dayOfMonth)")
        }
        return day
    }
}
