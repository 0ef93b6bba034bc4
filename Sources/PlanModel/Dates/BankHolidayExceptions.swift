/// A one-off change to the bank holidays the rules give, made by royal proclamation for a
/// jubilee, a royal wedding, a state funeral or an anniversary.
public struct BankHolidayException: Hashable, Sendable {
    public enum Change: Hashable, Sendable {
        /// The holiday the rules put on `from` is held on `to` instead; `name`, when given,
        /// replaces the holiday's name for that year.
        case moved(from: Day, to: Day, name: String?)
        /// An extra holiday in that year only.
        case added(BankHoliday)
    }

    public var change: Change
    /// Why the change was made ("50th anniversary of VE day").
    public var reason: String

    public init(_ change: Change, reason: String) {
        self.change = change
        self.reason = reason
    }

    /// The year the change applies to.
    public var year: Int {
        switch change {
        case .moved(_, let to, _): return to.year
        case .added(let holiday): return holiday.day.year
        }
    }
}

/// The table of one-off changes to the England and Wales bank holidays, as data, applied
/// on top of `BankHolidays.englandAndWalesByRule`: complete since 1990 (the two of the
/// 1970s and 1980s are included too).
///
/// Source: the gov.uk bank holiday lists for England and Wales (and, for the years before
/// gov.uk's list begins, the proclamations as reported at the time).
public enum BankHolidayExceptions {
    /// The last year this table is known to be complete for. Holidays of later years are
    /// computed by rule only: a later one-off change must be added to `englandAndWales`.
    public static let knownThrough = 2026

    /// Every one-off change since 1974, in date order.
    ///
    /// Known to 2026; later one-off changes must be added here.
    public static let englandAndWales: [BankHolidayException] = [
        // Before 1990, from 1974 (the year New Year's Day joined the rules).
        BankHolidayException(
            .added(BankHoliday(day: BankHolidays.day(1977, 6, 7), name: "Silver Jubilee bank holiday")),
            reason: "the Queen's Silver Jubilee"),
        BankHolidayException(
            .added(BankHoliday(day: BankHolidays.day(1981, 7, 29), name: "Royal wedding bank holiday")),
            reason: "the wedding of Prince Charles and Lady Diana Spencer"),
        // Since 1990.
        BankHolidayException(
            .moved(
                from: BankHolidays.day(1995, 5, 1), to: BankHolidays.day(1995, 5, 8),
                name: "Early May bank holiday (VE day)"),
            reason: "50th anniversary of VE day"),
        BankHolidayException(
            .added(BankHoliday(day: BankHolidays.day(1999, 12, 31), name: "Millennium bank holiday")),
            reason: "the millennium"),
        BankHolidayException(
            .added(BankHoliday(day: BankHolidays.day(2002, 6, 3), name: "Golden Jubilee bank holiday")),
            reason: "the Queen's Golden Jubilee"),
        BankHolidayException(
            .moved(from: BankHolidays.day(2002, 5, 27), to: BankHolidays.day(2002, 6, 4), name: nil),
            reason: "the Queen's Golden Jubilee"),
        BankHolidayException(
            .added(BankHoliday(day: BankHolidays.day(2011, 4, 29), name: "Royal wedding bank holiday")),
            reason: "the wedding of Prince William and Catherine Middleton"),
        BankHolidayException(
            .moved(from: BankHolidays.day(2012, 5, 28), to: BankHolidays.day(2012, 6, 4), name: nil),
            reason: "the Queen's Diamond Jubilee"),
        BankHolidayException(
            .added(BankHoliday(day: BankHolidays.day(2012, 6, 5), name: "Queen's Diamond Jubilee")),
            reason: "the Queen's Diamond Jubilee"),
        BankHolidayException(
            .moved(
                from: BankHolidays.day(2020, 5, 4), to: BankHolidays.day(2020, 5, 8),
                name: "Early May bank holiday (VE day)"),
            reason: "75th anniversary of VE day"),
        BankHolidayException(
            .moved(from: BankHolidays.day(2022, 5, 30), to: BankHolidays.day(2022, 6, 2), name: nil),
            reason: "the Queen's Platinum Jubilee"),
        BankHolidayException(
            .added(BankHoliday(day: BankHolidays.day(2022, 6, 3), name: "Platinum Jubilee bank holiday")),
            reason: "the Queen's Platinum Jubilee"),
        BankHolidayException(
            .added(
                BankHoliday(
                    day: BankHolidays.day(2022, 9, 19),
                    name: "Bank holiday for the State Funeral of Queen Elizabeth II")),
            reason: "the State Funeral of Queen Elizabeth II"),
        BankHolidayException(
            .added(
                BankHoliday(
                    day: BankHolidays.day(2023, 5, 8),
                    name: "Bank holiday for the coronation of King Charles III")),
            reason: "the coronation of King Charles III"),
        // Known to 2026: later one-off changes must be added here (and knownThrough raised).
    ]

    /// The one-off changes that apply to `year`.
    public static func englandAndWales(_ year: Int) -> [BankHolidayException] {
        englandAndWales.filter { $0.year == year }
    }

    /// `holidays` with `exceptions` applied, sorted by day.
    ///
    /// A move whose `from` day is not among `holidays` changes nothing (the table and the
    /// rules disagree; the tests check that they never do). An added holiday on a day that
    /// already is one is not added twice.
    public static func apply(
        _ exceptions: [BankHolidayException], to holidays: [BankHoliday]
    ) -> [BankHoliday] {
        var result = holidays
        for exception in exceptions {
            switch exception.change {
            case .moved(let from, let to, let name):
                guard let index = result.firstIndex(where: { $0.day == from }) else { continue }
                result[index].day = to
                if let name { result[index].name = name }
            case .added(let holiday):
                if !result.contains(where: { $0.day == holiday.day }) { result.append(holiday) }
            }
        }
        return result.sorted { $0.day < $1.day }
    }
}
