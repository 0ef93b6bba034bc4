import XCTest

@testable import PlanModel

/// The forms council spreadsheets and Word tables produce (issue 13), each read as its text
/// says or left unread. Every year a row asserts is written in its text, except where the
/// text has no year at all and the reference date gives it (rows marked so).
final class DueDateFormsTests: XCTestCase {
    /// A reference date for the rows without a year: June 2008, as Leicester's plan.
    private let reference = Day(year: 2008, month: 6, day: 1)

    // MARK: - What was seen (each failed before issue 13)

    func testMonthDashFourDigitYearIsThatMonth() {
        // Was a span from 1 September 2007 to 31 December 2008.
        assertReadings([
            DueRow("Sept-2008", .date, "2008-09-30", "2008-09-30"),
            DueRow("Sep-2008", .date, "2008-09-30", "2008-09-30"),
            DueRow("September-2008", .date, "2008-09-30", "2008-09-30"),
        ])
    }

    func testTwoDigitYearAfterA19xxYearKeepsItsCentury() {
        // "1994–98" was 1994 to 2098.
        assertReadings([
            DueRow("1994–98", .period, "1994-01-01", "1998-12-31"),
            DueRow("1994-98", .period, "1994-01-01", "1998-12-31"),
            DueRow("1999/00", .period, "1999-04-01", "2000-03-31"),
            DueRow("Jan 1998 - Mar 99", .period, "1998-01-01", "1999-03-31"),
        ])
    }

    func testAgeRangesNeverBecomeYears() {
        // "16–18" was 2016-2018 and "11-19" 2011-2019.
        for text in [
            "16–18", "11-19", "16-18 year olds", "aged 11-19", "11 to 19", "under-18s", "14-19 yr olds", "1990s",
        ] {
            assertUnread(text)
        }
        assertReadings([
            DueRow("16-18 year olds: by March 2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("Services for 11-19 year olds by Sept 2009", .date, "2009-09-30", "2009-09-30"),
            DueRow("aged 16-18 by 31.3.09", .date, "2009-03-31", "2009-03-31"),
            DueRow("10-20% by March 2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("£26,000 by Mar-09", .date, "2009-03-31", "2009-03-31"),
        ])
    }

    func testMonthDashTwoDigitYearIsRead() {
        // "Mar-09" was unread.
        assertReadings([
            DueRow("Mar-09", .date, "2009-03-31", "2009-03-31"),
            DueRow("mar-09", .date, "2009-03-31", "2009-03-31"),
            DueRow("Sep-08", .date, "2008-09-30", "2008-09-30"),
            DueRow("Nov-08 - Jan-09", .period, "2008-11-01", "2009-01-31"),
        ])
    }

    // MARK: - Month and year

    func testMonthYearInEveryCommonSpellingAndSeparator() {
        assertReadings([
            DueRow("March 2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("MARCH 2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("Mar 2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("Mar. 2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("Mar 09", .date, "2009-03-31", "2009-03-31"),
            DueRow("Mar.09", .date, "2009-03-31", "2009-03-31"),
            DueRow("Mar/09", .date, "2009-03-31", "2009-03-31"),
            DueRow("Mar '09", .date, "2009-03-31", "2009-03-31"),
            DueRow("Mar ’09", .date, "2009-03-31", "2009-03-31"),
            DueRow("March, 2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("Sept. 2008", .date, "2008-09-30", "2008-09-30"),
            DueRow("03/2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("3/2009", .date, "2009-03-31", "2009-03-31"),
            DueRow("9-Mar-09", .date, "2009-03-09", "2009-03-09"),
            DueRow("09-Mar-2009", .date, "2009-03-09", "2009-03-09"),
            DueRow("9 Mar 09", .date, "2009-03-09", "2009-03-09"),
            DueRow("End of Feb-09", .date, "2009-02-28", "2009-02-28"),
        ])
    }

    // MARK: - Financial years and quarters

    func testFinancialYears() {
        assertReadings([
            DueRow("2008/09", .period, "2008-04-01", "2009-03-31"),
            DueRow("08/09", .period, "2008-04-01", "2009-03-31"),
            DueRow("2008-09", .period, "2008-04-01", "2009-03-31"),
            DueRow("2008/2009", .period, "2008-04-01", "2009-03-31"),
            DueRow("FY 2008/09", .period, "2008-04-01", "2009-03-31"),
            DueRow("FY08/09", .period, "2008-04-01", "2009-03-31"),
            DueRow("financial year 2008-09", .period, "2008-04-01", "2009-03-31"),
            DueRow("2008/09 financial year", .period, "2008-04-01", "2009-03-31"),
            DueRow("By end of 2009/10", .period, "2009-04-01", "2010-03-31"),
            DueRow("academic year 2008/09", .period, "2008-09-01", "2009-08-31"),
        ])
    }

    func testQuartersWithAFinancialYearAreFinancialQuarters() {
        assertReadings([
            DueRow("Q1 2008/09", .period, "2008-04-01", "2008-06-30"),
            DueRow("Q2 2008/09", .period, "2008-07-01", "2008-09-30"),
            DueRow("Q3 08/09", .period, "2008-10-01", "2008-12-31"),
            DueRow("Q4 2008-09", .period, "2009-01-01", "2009-03-31"),
            DueRow("Q4 FY 2008/09", .period, "2009-01-01", "2009-03-31"),
            DueRow("Quarter 2 2009/10", .period, "2009-07-01", "2009-09-30"),
            DueRow("2nd quarter 2008/09", .period, "2008-07-01", "2008-09-30"),
        ])
    }

    func testQuartersWithOneYearAreCalendarQuarters() {
        assertReadings([
            DueRow("Q1 2009", .period, "2009-01-01", "2009-03-31"),
            DueRow("Q2 2009", .period, "2009-04-01", "2009-06-30"),
            DueRow("Q3 09", .period, "2009-07-01", "2009-09-30"),
            DueRow("Q4 2008", .period, "2008-10-01", "2008-12-31"),
            DueRow("end of Q4 2008", .period, "2008-10-01", "2008-12-31"),
            DueRow("4th quarter 2008", .period, "2008-10-01", "2008-12-31"),
        ])
        XCTAssertEqual(read("Q1 2009").note, "read as calendar quarter 1: January-March 2009")
        XCTAssertEqual(read("Q1 2008/09").note, "read as quarter 1 of the financial year 2008/09: April-June 2008")
    }

    func testQuartersThatSayNoYearOrAnAmbiguousOneAreUnread() {
        for text in ["Q1", "Q5 2009", "Q1 2008-2010", "Quarter 3", "Q2-Q3 2009", "Q0 2009"] {
            assertUnread(text, reference: reference)
        }
    }

    // MARK: - Seasons and school terms

    func testSeasons() {
        assertReadings([
            DueRow("Spring 2009", .period, "2009-03-01", "2009-05-31"),
            DueRow("Summer 2008", .period, "2008-06-01", "2008-08-31"),
            DueRow("summer 08", .period, "2008-06-01", "2008-08-31"),
            DueRow("Autumn 2008", .period, "2008-09-01", "2008-11-30"),
            DueRow("Winter 2008/09", .period, "2008-12-01", "2009-02-28"),
            DueRow("by Winter 08/09", .period, "2008-12-01", "2009-02-28"),
        ])
        for text in ["Winter 2008", "Spring", "Spring 2008/09", "Fall 2008"] {
            assertUnread(text, reference: reference)
        }
    }

    func testSchoolTerms() {
        // Easter Sunday 2009 was 12 April; 2008, 23 March.
        assertReadings([
            DueRow("Autumn term 2008", .period, "2008-09-01", "2008-12-31"),
            DueRow("Spring term 2009", .period, "2009-01-01", "2009-04-12"),
            DueRow("Summer term 2009", .period, "2009-04-13", "2009-07-31"),
            DueRow("Summer Term 2008", .period, "2008-03-24", "2008-07-31"),
            DueRow("Autumn term 2008/09", .period, "2008-09-01", "2008-12-31"),
            DueRow("Spring term 2008/09", .period, "2009-01-01", "2009-04-12"),
            DueRow("summer term 08/09", .period, "2009-04-13", "2009-07-31"),
            DueRow("Autumn term 2008 - Summer term 2009", .period, "2008-09-01", "2009-07-31"),
        ])
        for text in ["Winter term 2008", "Spring term", "Autumn term 2008-2010"] {
            assertUnread(text, reference: reference)
        }
    }

    // MARK: - Days, weeks, open ends, ranges across years

    func testDayRangesWithinAMonth() {
        assertReadings([
            DueRow("3-7 March 2008", .period, "2008-03-03", "2008-03-07"),
            DueRow("3 - 7 March 2008", .period, "2008-03-03", "2008-03-07"),
            DueRow("3rd–7th Mar 08", .period, "2008-03-03", "2008-03-07"),
            DueRow("3 to 7 March 2008", .period, "2008-03-03", "2008-03-07"),
            DueRow("28 Feb - 3 Mar 2009", .period, "2009-02-28", "2009-03-03"),
            DueRow("28 Nov 08 - 3 Jan 09", .period, "2008-11-28", "2009-01-03"),
        ])
        for text in ["7-3 March 2008", "3-32 March 2008", "30-31 April 2009"] {
            assertUnread(text)
        }
    }

    func testWeekCommencing() {
        assertReadings([
            DueRow("w/c 3 March 2008", .period, "2008-03-03", "2008-03-09"),
            DueRow("W/C 3.3.08", .period, "2008-03-03", "2008-03-09"),
            DueRow("week commencing 3rd March 2008", .period, "2008-03-03", "2008-03-09"),
            DueRow("Week beginning 14 July 2008", .period, "2008-07-14", "2008-07-20"),
            DueRow("w/b 14/07/2008", .period, "2008-07-14", "2008-07-20"),
            DueRow("week ending 20 July 2008", .period, "2008-07-14", "2008-07-20"),
            DueRow("w/e 20.7.08", .period, "2008-07-14", "2008-07-20"),
        ])
        for text in ["w/c March 2008", "week commencing", "wc 2008"] {
            assertUnread(text)
        }
    }

    func testFromOnwards() {
        assertReadings([
            DueRow("From March 2009 onwards", .period, "2009-03-01", nil),
            DueRow("from Sept-08 onwards", .period, "2008-09-01", nil),
            DueRow("From Q2 2009 onwards", .period, "2009-04-01", nil),
            DueRow("from 2009/10 onwards", .period, "2009-04-01", nil),
            DueRow("Starting Autumn term 2008", .period, "2008-09-01", nil),
        ])
    }

    func testRangesAcrossYears() {
        assertReadings([
            DueRow("Nov 2008 – Feb 2009", .period, "2008-11-01", "2009-02-28"),
            DueRow("Dec 08 - Jan 09", .period, "2008-12-01", "2009-01-31"),
            DueRow("Sept 2008 to July 2009", .period, "2008-09-01", "2009-07-31"),
            DueRow("September 2008 until March 2010", .period, "2008-09-01", "2010-03-31"),
            DueRow("2008 - 2011", .period, "2008-01-01", "2011-12-31"),
            DueRow("Q3 2008 - Q1 2009", .period, "2008-07-01", "2009-03-31"),
        ])
    }

    // MARK: - Must stay unread: ambiguous, relative, or not dates

    func testAmbiguousRelativeAndNonDateTextsStayUnread() {
        let texts = [
            // A wrapped period with one year missing: the other year is not written.
            "Nov to Jan 2009", "Nov 08 to Jan", "Sept 2008 - Jan",
            // Relative.
            "within 3 months", "next year", "in 6 weeks", "2 weeks after sign-off", "end of next quarter",
            "this term", "by half term",
            // Not dates: percentages, money, counts, ages.
            "90%", "50% by", "£2,008", "2008 staff", "3 schools", "16 to 18", "11-19", "under 18s",
            // Two-digit pairs that are not one year apart.
            "08 – 10", "16-18",
            // A two-digit year when the text writes years in two centuries.
            "1998 baseline, Mar 09",
            // A yearless month in a text whose written year is not the reference's.
            "End July; review December 2009",
            // Day and month numbers that could be either.
            "08/10", "3.09", "Jan 9",
            "Early 2009", "mid-2009", "late Spring 2009",
        ]
        for text in texts {
            assertUnread(text, reference: reference)
        }
    }

    func testTextWithoutAYearTakesTheReferenceAsDocumented() {
        assertReadings(
            [
                DueRow("End July", .date, "2008-07-31", "2008-07-31"),  // reference year
                DueRow("End March", .date, "2009-03-31", "2009-03-31"),  // the first March after the reference
                DueRow("w/c 14 July", .period, "2008-07-14", "2008-07-20"),  // reference year
                DueRow("3-7 March", .period, "2009-03-03", "2009-03-07"),  // the first March after the reference
                DueRow("Nov to Jan", .period, "2008-11-01", "2009-01-31"),  // reference year and the next
            ], reference: reference)
        XCTAssertEqual(read("End July; review July 2008", reference: reference).end?.iso, "2008-07-31")
    }

    // MARK: - Helpers

    private func describe(_ text: String, _ due: DueDate) -> String {
        "“\(text)” → \(due.kind) \(due.start?.iso ?? "nil")..\(due.end?.iso ?? "nil") (\(due.note ?? ""))"
    }

    private func read(_ text: String, reference: Day? = nil) -> DueDate {
        DueDateReader.read(text, reference: reference)
    }

    private func assertReadings(
        _ rows: [DueRow], reference: Day? = nil, file: StaticString = #filePath
    ) {
        for row in rows {
            row.assertAssertsOnlyWrittenYears(reference: reference, file: file)
            let due = DueDateReader.read(row.text, reference: reference)
            let context = describe(row.text, due)
            XCTAssertEqual(due.kind, row.kind, context, file: file, line: row.line)
            XCTAssertEqual(due.start?.iso, row.start, context, file: file, line: row.line)
            XCTAssertEqual(due.end?.iso, row.end, context, file: file, line: row.line)
            XCTAssertEqual(due.open, row.open, context, file: file, line: row.line)
        }
    }

    private func assertUnread(
        _ text: String, reference: Day? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        let due = DueDateReader.read(text, reference: reference)
        XCTAssertEqual(
            due.kind, .unread, describe(text, due),
            file: file, line: line)
        XCTAssertNil(due.end, text, file: file, line: line)
        XCTAssertNotNil(due.note, text, file: file, line: line)
    }
}
