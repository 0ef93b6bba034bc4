import XCTest

@testable import PlanModel

/// England and Wales bank holidays, pinned against the gov.uk lists (cross-checked with the
/// `holidays` Python package, UnitedKingdom subdivision ENG).
final class BankHolidaysTests: XCTestCase {
    private func listed(_ year: Int) -> [String] {
        BankHolidays.englandAndWales(year).map(\.description)
    }

    private func day(_ iso: String) -> Day { Day(iso: iso)! }

    func testYear1995VEDayMovesEarlyMay() {
        XCTAssertEqual(
            listed(1995),
            [
                "1995-01-02 New Year's Day (substitute day)", "1995-04-14 Good Friday",
                "1995-04-17 Easter Monday", "1995-05-08 Early May bank holiday (VE day)",
                "1995-05-29 Spring bank holiday", "1995-08-28 Summer bank holiday",
                "1995-12-25 Christmas Day", "1995-12-26 Boxing Day",
            ])
    }

    func testYear1999MillenniumAndChristmasOnSaturday() {
        XCTAssertEqual(
            listed(1999),
            [
                "1999-01-01 New Year's Day", "1999-04-02 Good Friday", "1999-04-05 Easter Monday",
                "1999-05-03 Early May bank holiday", "1999-05-31 Spring bank holiday",
                "1999-08-30 Summer bank holiday", "1999-12-27 Christmas Day (substitute day)",
                "1999-12-28 Boxing Day (substitute day)", "1999-12-31 Millennium bank holiday",
            ])
    }

    func testYear2002GoldenJubilee() {
        XCTAssertEqual(
            listed(2002),
            [
                "2002-01-01 New Year's Day", "2002-03-29 Good Friday", "2002-04-01 Easter Monday",
                "2002-05-06 Early May bank holiday", "2002-06-03 Golden Jubilee bank holiday",
                "2002-06-04 Spring bank holiday", "2002-08-26 Summer bank holiday",
                "2002-12-25 Christmas Day", "2002-12-26 Boxing Day",
            ])
    }

    func testYear2008() {
        XCTAssertEqual(
            listed(2008),
            [
                "2008-01-01 New Year's Day", "2008-03-21 Good Friday", "2008-03-24 Easter Monday",
                "2008-05-05 Early May bank holiday", "2008-05-26 Spring bank holiday",
                "2008-08-25 Summer bank holiday", "2008-12-25 Christmas Day", "2008-12-26 Boxing Day",
            ])
    }

    func testYear2010ChristmasOnSaturday() {
        XCTAssertEqual(
            listed(2010),
            [
                "2010-01-01 New Year's Day", "2010-04-02 Good Friday", "2010-04-05 Easter Monday",
                "2010-05-03 Early May bank holiday", "2010-05-31 Spring bank holiday",
                "2010-08-30 Summer bank holiday", "2010-12-27 Christmas Day (substitute day)",
                "2010-12-28 Boxing Day (substitute day)",
            ])
    }

    func testYear2011RoyalWeddingAndChristmasOnSunday() {
        XCTAssertEqual(
            listed(2011),
            [
                "2011-01-03 New Year's Day (substitute day)", "2011-04-22 Good Friday",
                "2011-04-25 Easter Monday", "2011-04-29 Royal wedding bank holiday",
                "2011-05-02 Early May bank holiday", "2011-05-30 Spring bank holiday",
                "2011-08-29 Summer bank holiday", "2011-12-26 Boxing Day",
                "2011-12-27 Christmas Day (substitute day)",
            ])
    }

    func testYear2012DiamondJubilee() {
        XCTAssertEqual(
            listed(2012),
            [
                "2012-01-02 New Year's Day (substitute day)", "2012-04-06 Good Friday",
                "2012-04-09 Easter Monday", "2012-05-07 Early May bank holiday",
                "2012-06-04 Spring bank holiday", "2012-06-05 Queen's Diamond Jubilee",
                "2012-08-27 Summer bank holiday", "2012-12-25 Christmas Day", "2012-12-26 Boxing Day",
            ])
    }

    func testYear2020VEDayFriday() {
        XCTAssertEqual(
            listed(2020),
            [
                "2020-01-01 New Year's Day", "2020-04-10 Good Friday", "2020-04-13 Easter Monday",
                "2020-05-08 Early May bank holiday (VE day)", "2020-05-25 Spring bank holiday",
                "2020-08-31 Summer bank holiday", "2020-12-25 Christmas Day",
                "2020-12-28 Boxing Day (substitute day)",
            ])
    }

    func testYear2021() {
        XCTAssertEqual(
            listed(2021),
            [
                "2021-01-01 New Year's Day", "2021-04-02 Good Friday", "2021-04-05 Easter Monday",
                "2021-05-03 Early May bank holiday", "2021-05-31 Spring bank holiday",
                "2021-08-30 Summer bank holiday", "2021-12-27 Christmas Day (substitute day)",
                "2021-12-28 Boxing Day (substitute day)",
            ])
    }

    func testYear2022PlatinumJubileeAndStateFuneral() {
        XCTAssertEqual(
            listed(2022),
            [
                "2022-01-03 New Year's Day (substitute day)", "2022-04-15 Good Friday",
                "2022-04-18 Easter Monday", "2022-05-02 Early May bank holiday",
                "2022-06-02 Spring bank holiday", "2022-06-03 Platinum Jubilee bank holiday",
                "2022-08-29 Summer bank holiday",
                "2022-09-19 Bank holiday for the State Funeral of Queen Elizabeth II",
                "2022-12-26 Boxing Day", "2022-12-27 Christmas Day (substitute day)",
            ])
    }

    func testYear2023Coronation() {
        XCTAssertEqual(
            listed(2023),
            [
                "2023-01-02 New Year's Day (substitute day)", "2023-04-07 Good Friday",
                "2023-04-10 Easter Monday", "2023-05-01 Early May bank holiday",
                "2023-05-08 Bank holiday for the coronation of King Charles III",
                "2023-05-29 Spring bank holiday", "2023-08-28 Summer bank holiday",
                "2023-12-25 Christmas Day", "2023-12-26 Boxing Day",
            ])
    }

    func testYear2026() {
        XCTAssertEqual(
            listed(2026),
            [
                "2026-01-01 New Year's Day", "2026-04-03 Good Friday", "2026-04-06 Easter Monday",
                "2026-05-04 Early May bank holiday", "2026-05-25 Spring bank holiday",
                "2026-08-31 Summer bank holiday", "2026-12-25 Christmas Day",
                "2026-12-28 Boxing Day (substitute day)",
            ])
    }

    func testChristmasSubstituteDaysOtherYears() {
        // 2004: Christmas on Saturday. 2015: Boxing Day on Saturday. 2016: Christmas on Sunday.
        XCTAssertEqual(
            listed(2004).suffix(2),
            [
                "2004-12-27 Christmas Day (substitute day)", "2004-12-28 Boxing Day (substitute day)",
            ])
        XCTAssertEqual(
            listed(2015).suffix(2),
            [
                "2015-12-25 Christmas Day", "2015-12-28 Boxing Day (substitute day)",
            ])
        XCTAssertEqual(
            listed(2016).suffix(2),
            [
                "2016-12-26 Boxing Day", "2016-12-27 Christmas Day (substitute day)",
            ])
    }

    func testRuleWithoutExceptions() {
        let rule2012 = BankHolidays.englandAndWalesByRule(2012).map(\.description)
        XCTAssertTrue(rule2012.contains("2012-05-28 Spring bank holiday"))
        XCTAssertFalse(rule2012.contains { $0.hasPrefix("2012-06-0") })
        // Early May from 1978, New Year's Day from 1974, Spring and Summer from 1971.
        XCTAssertEqual(BankHolidays.englandAndWales(1977).map(\.name).filter { $0.hasPrefix("Early May") }, [])
        XCTAssertEqual(BankHolidays.englandAndWales(1978)[3].description, "1978-05-01 Early May bank holiday")
        XCTAssertEqual(BankHolidays.englandAndWales(1973).first?.name, "Good Friday")
        XCTAssertEqual(
            BankHolidays.englandAndWales(1969).map(\.name),
            [
                "Good Friday", "Easter Monday", "Christmas Day", "Boxing Day",
            ])
    }

    func testEveryExceptionMovesARuleHoliday() {
        for exception in BankHolidayExceptions.englandAndWales {
            XCTAssertLessThanOrEqual(exception.year, BankHolidayExceptions.knownThrough)
            guard case .moved(let from, let to, _) = exception.change else { continue }
            let rule = BankHolidays.englandAndWalesByRule(from.year).map(\.day)
            XCTAssertTrue(rule.contains(from), "\(from) is not a rule holiday")
            XCTAssertTrue(BankHolidays.englandAndWales(to.year).map(\.day).contains(to))
            XCTAssertFalse(BankHolidays.englandAndWales(from.year).map(\.day).contains(from))
        }
        XCTAssertEqual(BankHolidayExceptions.englandAndWales(2022).count, 3)
        XCTAssertEqual(
            BankHolidays.englandAndWales(1977).first { $0.day == day("1977-06-07") }?.name,
            "Silver Jubilee bank holiday")
        XCTAssertEqual(
            BankHolidays.englandAndWales(1981).first { $0.day == day("1981-07-29") }?.name,
            "Royal wedding bank holiday")
        XCTAssertEqual(BankHolidayExceptions.englandAndWales(2008), [])
    }

    func testEveryYearIsSortedOnWeekdaysAndComplete() {
        for year in 1978...2100 {
            let holidays = BankHolidays.englandAndWales(year)
            XCTAssertEqual(holidays.map(\.day), holidays.map(\.day).sorted(), "\(year)")
            XCTAssertEqual(Set(holidays.map(\.day)).count, holidays.count, "\(year)")
            for holiday in holidays {
                XCTAssertFalse(holiday.day.isWeekend, "\(holiday)")
                XCTAssertEqual(holiday.day.year, year, "\(holiday)")
            }
            let extras = BankHolidayExceptions.englandAndWales(year).filter {
                if case .added = $0.change { return true } else { return false }
            }
            XCTAssertEqual(holidays.count, 8 + extras.count, "\(year)")
        }
    }

    /// Easter Sundays 1990-2030, as published (cross-checked with python-dateutil's
    /// `easter`, which implements the same Gregorian computus independently).
    func testEasterSundays() {
        let table = [
            "1990-04-15", "1991-03-31", "1992-04-19", "1993-04-11", "1994-04-03", "1995-04-16",
            "1996-04-07", "1997-03-30", "1998-04-12", "1999-04-04", "2000-04-23", "2001-04-15",
            "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27", "2006-04-16", "2007-04-08",
            "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24", "2012-04-08", "2013-03-31",
            "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21",
            "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
            "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21",
        ]
        for (offset, iso) in table.enumerated() {
            XCTAssertEqual(BankHolidays.easterSunday(1990 + offset).iso, iso)
        }
        // The extremes of the Gregorian computus: 22 March and 25 April.
        XCTAssertEqual(BankHolidays.easterSunday(1818).iso, "1818-03-22")
        XCTAssertEqual(BankHolidays.easterSunday(2285).iso, "2285-03-22")
        XCTAssertEqual(BankHolidays.easterSunday(1943).iso, "1943-04-25")
        XCTAssertEqual(BankHolidays.easterSunday(2038).iso, "2038-04-25")
        for year in [-1, 0, 1, 9999] {
            XCTAssertEqual(BankHolidays.easterSunday(year).weekday, 7, "\(year)")
        }
    }

    func testWorkingCalendar() {
        let calendar = WorkingCalendar.englandAndWales
        XCTAssertFalse(calendar.isWorkingDay(day("2008-08-25")))
        XCTAssertEqual(calendar.holiday(on: day("2008-08-25"))?.name, "Summer bank holiday")
        XCTAssertTrue(calendar.isWorkingDay(day("2008-08-26")))
        XCTAssertFalse(calendar.isWorkingDay(day("2008-08-23")))  // Saturday
        XCTAssertNil(calendar.holiday(on: day("2010-12-25")))  // observed on the 27th
        XCTAssertEqual(
            calendar.holidays(in: day("2008-12-20")...day("2009-01-05")).map(\.description),
            ["2008-12-25 Christmas Day", "2008-12-26 Boxing Day", "2009-01-01 New Year's Day"])
        // June 2008: 21 weekdays, no holidays. 2008: 262 weekdays less 8 holidays.
        XCTAssertEqual(calendar.workingDays(from: day("2008-06-01"), through: day("2008-06-30")), 21)
        XCTAssertEqual(calendar.workingDays(from: day("2008-01-01"), through: day("2008-12-31")), 254)
        XCTAssertEqual(calendar.workingDays(from: day("2008-08-25"), through: day("2008-08-25")), 0)
        XCTAssertEqual(calendar.workingDays(from: day("2008-08-26"), through: day("2008-08-26")), 1)
        XCTAssertEqual(calendar.workingDays(from: day("2008-06-10"), through: day("2008-06-09")), 0)
        XCTAssertEqual(calendar.workingDay(onOrAfter: day("2010-12-25")).iso, "2010-12-29")
        // Arithmetic count agrees with walking day by day, across years and before 1970.
        for (start, length) in [("1969-12-20", 30), ("2007-11-03", 500), ("1999-12-01", 45)] {
            var walked = 0
            for offset in 0..<length where calendar.isWorkingDay(day(start).adding(days: offset)) {
                walked += 1
            }
            let end = day(start).adding(days: length - 1)
            XCTAssertEqual(calendar.workingDays(from: day(start), through: end), walked, start)
        }
    }
}
