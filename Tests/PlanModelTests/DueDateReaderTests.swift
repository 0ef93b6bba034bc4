import XCTest

@testable import PlanModel

/// One expected reading: the text as written and its kind, start and end (ISO or nil).
struct DueRow: Sendable {
    let text: String
    let kind: DueDate.Kind
    let start: String?
    let end: String?
    let open: DueDate.OpenForm?
    let line: UInt

    init(
        _ text: String, _ kind: DueDate.Kind, _ start: String?, _ end: String?,
        open: DueDate.OpenForm? = nil, line: UInt = #line
    ) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.open = open
        self.line = line
    }
}

private typealias Row = DueRow

extension DueRow {
    /// The years this row's text writes: a four-digit run is its year; a two- or three-digit
    /// run may be 19yy or 20yy ("1994-98", "08", "010").
    var writtenYears: Set<Int> {
        var years = Set<Int>()
        for run in text.split(whereSeparator: { !("0"..."9").contains($0) }) {
            guard let value = Int(run) else { continue }
            switch run.count {
            case 4: years.insert(value)
            case 2,
                3 where value < 100:
                years.formUnion([1900 + value, 2000 + value])
            default: break
            }
        }
        return years
    }

    /// Fails when the row asserts a year its text does not write (nor, for a text read with
    /// a reference date, the reference's year or the next): no test asserts an invented date.
    func assertAssertsOnlyWrittenYears(reference: Day?, file: StaticString = #filePath) {
        let allowed = writtenYears.union(reference.map { [$0.year, $0.year + 1] } ?? [])
        for iso in [start, end].compactMap({ $0 }) {
            let year = Int(iso.prefix(4)) ?? 0
            XCTAssertTrue(
                allowed.contains(year), "“\(text)” asserts \(iso), a year it does not write", file: file, line: line)
        }
    }
}

/// Every due text of the two seed plans, exactly as written, in the order they appear.
enum SeedDueTexts {
    /// Leicester's report was published in June 2008: the year of "End July" comes from it.
    static let leicesterReference = Day(year: 2008, month: 6, day: 1)
    /// Derby's report was published in February 2008 (no Derby text lacks a year).
    static let derbyReference = Day(year: 2008, month: 2, day: 1)

    /// The Leicester seed document (the 2008 Word plan): every non-empty cell of the "Due Date"
    /// column (3rd), row by row. "X" and "A" are PDF layout debris that landed in that column;
    /// "Nov 09-" / "Jan 10" is one period the PDF split over two rows.
    static let leicesterRows: [DueRow] = [
        DueRow("End August 2008", .date, "2008-08-31", "2008-08-31"),  // seed line 91, 1.1
        DueRow("End July", .date, "2008-07-31", "2008-07-31"),  // seed line 92, 1.2
        DueRow("Nov 08-Jan 09 Nov 09-Jan 10 Nov 10-Jan 11", .period, "2008-11-01", "2011-01-31"),  // seed line 97, 2.1
        DueRow("September 2008 September 3 2008", .period, "2008-09-03", "2008-09-30"),  // seed line 98, 2.2
        DueRow("January 2009 October 1 2008", .period, "2008-10-01", "2009-01-31"),  // seed line 99, 2.3
        DueRow("To be Confirmed", .open, nil, nil, open: .toBeConfirmed),  // seed line 102, 2.4
        DueRow("To be Confirmed", .open, nil, nil, open: .toBeConfirmed),  // seed line 104
        DueRow("September 2008", .date, "2008-09-30", "2008-09-30"),  // seed line 106
        DueRow("September 2008", .date, "2008-09-30", "2008-09-30"),  // seed line 107
        DueRow("April 2009", .date, "2009-04-30", "2009-04-30"),  // seed line 109
        DueRow("April 2009", .date, "2009-04-30", "2009-04-30"),  // seed line 110
        DueRow("To be Confirmed September 2008- December 2010", .period, "2008-09-01", "2010-12-31"),  // seed line 113
        DueRow("September 2008 August 1 2008", .period, "2008-08-01", "2008-09-30"),  // seed line 114, 2.8
        DueRow("September 2008", .date, "2008-09-30", "2008-09-30"),  // seed line 115
        DueRow("18.8.08", .date, "2008-08-18", "2008-08-18"),  // seed line 122, 3.1
        DueRow("31 December 08", .date, "2008-12-31", "2008-12-31"),  // seed line 123, 3.2
        DueRow("Sept. to Dec 2008", .period, "2008-09-01", "2008-12-31"),  // seed line 124, 3.3
        DueRow("December 2008", .date, "2008-12-31", "2008-12-31"),  // seed line 125, 3.4
        DueRow("Sept 08", .date, "2008-09-30", "2008-09-30"),  // seed line 132, 3.6
        DueRow("From Oct 08", .period, "2008-10-01", nil),  // seed line 133, 3.7
        DueRow("October 08", .date, "2008-10-31", "2008-10-31"),  // seed line 134, 3.8
        DueRow("Monthly leading up to 31.3.09", .open, nil, "2009-03-31", open: .recurring),  // seed line 139, 4.1
        DueRow("Monthly leading up to 31.3.09", .open, nil, "2009-03-31", open: .recurring),  // seed line 140, 4.2
        DueRow("By 31.3.09", .date, "2009-03-31", "2009-03-31"),  // seed line 141, 4.3
        DueRow(
            "Teenage Pregnancy Action Plan 08 – 10 has been signed off by the Executive & Joint Planning & Advisory Board.",
            .unread, nil, nil),  // seed line 146, 5.1
        // seed line 147, 5.2
        DueRow("short-listing 19 th June Appointment made by August 08", .period, "2008-06-19", "2008-08-31"),
        DueRow("2008-10", .period, "2008-01-01", "2010-12-31"),  // seed line 148, 5.3
        DueRow("2008-10", .period, "2008-01-01", "2010-12-31"),  // seed line 153, 5.4
        // seed line 162, 6.1
        DueRow("Dec 08 Apr/Jul 09 Dec 08 Dec 08 Apr/Jul 09", .period, "2008-12-31", "2009-07-31"),
        DueRow("Sept 11", .date, "2011-09-30", "2011-09-30"),  // seed line 163, 6.2
        DueRow("pt 08 onwards", .unread, nil, nil),  // seed line 165, 6.3
        DueRow("Sept 08 onwds", .period, "2008-09-01", nil),  // seed line 166, 6.4
        DueRow("July 09", .date, "2009-07-31", "2009-07-31"),  // seed line 167, 6.5
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 169, 6.6
        DueRow("Dec 09", .date, "2009-12-31", "2009-12-31"),  // seed line 173, 6.7
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 178, 6.8
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 183, 6.9
        DueRow("2011", .date, "2011-12-31", "2011-12-31"),  // seed line 184, 6.10
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 185, 6.11
        DueRow("Sept 08 Jul 09 Sept 09", .period, "2008-09-30", "2009-09-30"),  // seed line 190, 7.1
        DueRow("Jul 08", .date, "2008-07-31", "2008-07-31"),  // seed line 191
        DueRow("Ongoing – July 09 review", .date, "2009-07-31", "2009-07-31"),  // seed line 192, 7.2
        DueRow("Review of pupils Dec 09", .date, "2009-12-31", "2009-12-31"),  // seed line 195, 7.3
        DueRow("X", .unread, nil, nil),  // seed line 197
        DueRow("Dec 09", .date, "2009-12-31", "2009-12-31"),  // seed line 199
        DueRow("April 09", .date, "2009-04-30", "2009-04-30"),  // seed line 200, 7.5
        DueRow("31.3.09", .date, "2009-03-31", "2009-03-31"),  // seed line 212, 8.1
        DueRow("30.12.08", .date, "2008-12-30", "2008-12-30"),  // seed line 215, 8.2
        DueRow("31.3.09", .date, "2009-03-31", "2009-03-31"),  // seed line 216, 8.3
        DueRow("31.3.09", .date, "2009-03-31", "2009-03-31"),  // seed line 219, 8.4
        DueRow("31.03.09", .date, "2009-03-31", "2009-03-31"),  // seed line 220, 8.5
        DueRow("30.12.08", .date, "2008-12-30", "2008-12-30"),  // seed line 221, 8.6
        DueRow("31.10.08 Jan 09; April 09", .period, "2008-10-31", "2009-04-30"),  // seed line 228, 9.1
        DueRow("Jan 09", .date, "2009-01-31", "2009-01-31"),  // seed line 230
        DueRow("Jan 010; April 010 Jan 09", .period, "2009-01-31", "2010-04-30"),  // seed line 231
        DueRow("Jan 09", .date, "2009-01-31", "2009-01-31"),  // seed line 232
        DueRow("December 2008", .date, "2008-12-31", "2008-12-31"),  // seed line 233, 9.2
        DueRow("December 2008", .date, "2008-12-31", "2008-12-31"),  // seed line 234, 9.3
        DueRow("A", .unread, nil, nil),  // seed line 241
        DueRow("Nov 08- Jan 09", .period, "2008-11-01", "2009-01-31"),  // seed line 249, 9.4
        DueRow("Nov 09-", .unread, nil, nil),  // seed line 250
        DueRow("Jan 10", .date, "2010-01-31", "2010-01-31"),  // seed line 251
        DueRow("Nov 10- Jan 11", .period, "2010-11-01", "2011-01-31"),  // seed line 252
        DueRow("08-011", .period, "2008-01-01", "2011-12-31"),  // seed line 254, 9.5
        DueRow("June 2008", .date, "2008-06-30", "2008-06-30"),  // seed line 267, 10.1
        DueRow("October 08", .date, "2008-10-31", "2008-10-31"),  // seed line 269, 10.2
        DueRow("December 08", .date, "2008-12-31", "2008-12-31"),  // seed line 270, 10.3
        DueRow("February 09", .date, "2009-02-28", "2009-02-28"),  // seed line 271, 10.4
        DueRow("November 08", .date, "2008-11-30", "2008-11-30"),  // seed line 272, 10.5
        DueRow("December 08", .date, "2008-12-31", "2008-12-31"),  // seed line 276, 10.6
        DueRow("November 08", .date, "2008-11-30", "2008-11-30"),  // seed line 277, 10.7
        DueRow("Ongoing", .open, nil, nil, open: .ongoing),  // seed line 278, 10.8
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 279, 10.9
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 280, 10.10
        DueRow("December 2008", .date, "2008-12-31", "2008-12-31"),  // seed line 285, 11.1
        DueRow("January 2009", .date, "2009-01-31", "2009-01-31"),  // seed line 286, 11.2
        DueRow("December 2008", .date, "2008-12-31", "2008-12-31"),  // seed line 287, 11.3
        DueRow("Social care workforce – April 2009", .date, "2009-04-30", "2009-04-30"),  // seed line 288, 11.4
        DueRow("From December 2008", .period, "2008-12-01", nil),  // seed line 290, 11.5
        DueRow("Ongoing", .open, nil, nil, open: .ongoing),  // seed line 291, 11.6
        // seed line 292, 11.7
        DueRow("Self assessment – End October Action plan – end December 2008", .period, "2008-10-31", "2008-12-31"),
        DueRow("Ongoing", .open, nil, nil, open: .ongoing),  // seed line 293, 11.8
        DueRow("June 08", .date, "2008-06-30", "2008-06-30"),  // seed line 300, 12.1
        DueRow("June 08", .date, "2008-06-30", "2008-06-30"),  // seed line 301, 12.2
        DueRow("October 08", .date, "2008-10-31", "2008-10-31"),  // seed line 302, 12.3
        DueRow("Dec 08", .date, "2008-12-31", "2008-12-31"),  // seed line 303, 12.4
        DueRow("October 08", .date, "2008-10-31", "2008-10-31"),  // seed line 304, 12.5
        DueRow("From October 08", .period, "2008-10-01", nil),  // seed line 308, 12.6
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 309, 12.7
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 310, 12.8
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 312, 12.9
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 313, 12.10
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 314, 12.11
        DueRow("ongoing", .open, nil, nil, open: .ongoing),  // seed line 315, 12.12
        DueRow("Dec 09", .date, "2009-12-31", "2009-12-31"),  // seed line 320, 13.1
        DueRow("Immediate", .open, nil, nil, open: .immediate),  // seed line 327, 14.1
        DueRow("November 2008", .date, "2008-11-30", "2008-11-30"),  // seed line 328, 14.2
        DueRow("July 2008", .date, "2008-07-31", "2008-07-31"),  // seed line 335, 15.1
        DueRow("April 2008 – March 2009", .period, "2008-04-01", "2009-03-31"),  // seed line 336, 15.2
        DueRow("April 2008 – March 2010", .period, "2008-04-01", "2010-03-31"),  // seed line 337, 15.3
        DueRow("April 2008 – March 2010", .period, "2008-04-01", "2010-03-31"),  // seed line 338, 15.4
        DueRow("April 2008 – March 2010", .period, "2008-04-01", "2010-03-31"),  // seed line 341, 15.5
        DueRow("September 2009", .date, "2009-09-30", "2009-09-30"),  // seed line 346, 16.1
        DueRow("September", .date, "2008-09-30", "2008-09-30"),  // seed line 356, 16.9
        DueRow("2009", .date, "2009-12-31", "2009-12-31"),  // seed line 358, 16.10
    ]

    /// The Derby seed document (the 2008 Word plan): the "Timescale / milestones" cells, one
    /// milestone per action in the list beside them (recommendations 1-8). "Annual Plan" is
    /// the milestone written for the MOPP action plan.
    static let derbyRows: [DueRow] = [
        DueRow("March 2008", .date, "2008-03-31", "2008-03-31"),  // seed line 212, rec 1
        DueRow("April 2008", .date, "2008-04-30", "2008-04-30"),  // seed line 212, rec 1
        DueRow("April 2008", .date, "2008-04-30", "2008-04-30"),  // seed line 212, rec 1
        DueRow("April 2008", .date, "2008-04-30", "2008-04-30"),  // seed line 212, rec 1
        DueRow("September 2007", .date, "2007-09-30", "2007-09-30"),  // seed line 261, rec 2
        DueRow("March 2008", .date, "2008-03-31", "2008-03-31"),  // seed line 261, rec 2
        DueRow("May 2008", .date, "2008-05-31", "2008-05-31"),  // seed line 261, rec 2
        DueRow("May 2008", .date, "2008-05-31", "2008-05-31"),  // seed line 261, rec 2
        DueRow("May/June/July 2008", .period, "2008-05-01", "2008-07-31"),  // seed line 261, rec 2
        DueRow("September 2008", .date, "2008-09-30", "2008-09-30"),  // seed line 261, rec 2
        DueRow("January 2009", .date, "2009-01-31", "2009-01-31"),  // seed line 261, rec 2
        DueRow("January 2008", .date, "2008-01-31", "2008-01-31"),  // seed line 303, rec 3
        DueRow("March 2008", .date, "2008-03-31", "2008-03-31"),  // seed line 303, rec 3
        DueRow("May 2008", .date, "2008-05-31", "2008-05-31"),  // seed line 303, rec 3
        DueRow("June 2008", .date, "2008-06-30", "2008-06-30"),  // seed line 303, rec 3
        DueRow("June 2008", .date, "2008-06-30", "2008-06-30"),  // seed line 303, rec 3
        // seed line 303, rec 3
        DueRow("Quarterly intervals during 08-09", .open, "2008-04-01", "2009-03-31", open: .recurring),
        DueRow(
            "October 2008 – percentage of CiC allocated to qualified social workers at that point.", .date,
            "2008-10-31", "2008-10-31"),  // seed line 340, rec 4
        DueRow("February 2008", .date, "2008-02-29", "2008-02-29"),  // seed line 378, rec 5
        DueRow("April 2008", .date, "2008-04-30", "2008-04-30"),  // seed line 378, rec 5
        DueRow("April 2008", .date, "2008-04-30", "2008-04-30"),  // seed line 378, rec 5
        DueRow("July 2008", .date, "2008-07-31", "2008-07-31"),  // seed line 378, rec 5
        DueRow("September 2008", .date, "2008-09-30", "2008-09-30"),  // seed line 378, rec 5
        DueRow("September 2008", .date, "2008-09-30", "2008-09-30"),  // seed line 378, rec 5
        DueRow("April 2008", .date, "2008-04-30", "2008-04-30"),  // seed line 416, rec 6
        DueRow("May 2008", .date, "2008-05-31", "2008-05-31"),  // seed line 416, rec 6
        DueRow("May 2008", .date, "2008-05-31", "2008-05-31"),  // seed line 416, rec 6
        DueRow("June 2008", .date, "2008-06-30", "2008-06-30"),  // seed line 416, rec 6
        DueRow("July 2008", .date, "2008-07-31", "2008-07-31"),  // seed line 416, rec 6
        DueRow("August 2008", .date, "2008-08-31", "2008-08-31"),  // seed line 416, rec 6
        DueRow("October 2008", .date, "2008-10-31", "2008-10-31"),  // seed line 416, rec 6
        DueRow("Annual Plan", .unread, nil, nil),  // seed line 461, rec 7
        DueRow("May 2008", .date, "2008-05-31", "2008-05-31"),  // seed line 461, rec 7
        DueRow("July 2008", .date, "2008-07-31", "2008-07-31"),  // seed line 461, rec 7
        DueRow("July 2008", .date, "2008-07-31", "2008-07-31"),  // seed line 461, rec 7
        DueRow("2008/09 financial year", .period, "2008-04-01", "2009-03-31"),  // seed line 515, rec 8
        DueRow("Over a two-year period 2008 to 2010", .unread, nil, nil),  // seed line 515, rec 8
        DueRow("June 2008 to December 2010", .period, "2008-06-01", "2010-12-31"),  // seed line 515, rec 8
    ]

    static var leicesterDueTexts: [String] { leicesterRows.map(\.text) }
    static var derbyDueTexts: [String] { derbyRows.map(\.text) }
}

final class DueDateReaderTests: XCTestCase {
    // MARK: - Seed plans

    func testLeicesterDueTexts() {
        assertReadings(SeedDueTexts.leicesterRows, reference: SeedDueTexts.leicesterReference)
    }

    func testDerbyDueTexts() {
        assertReadings(SeedDueTexts.derbyRows, reference: SeedDueTexts.derbyReference)
    }

    /// How we know no seed reading is wrong: each row above was checked against the seed
    /// text, and no reading of a seed text starts or ends in a year the text does not write
    /// (or, for a text with no year, the reference's year or the next).
    func testNoSeedReadingInventsAYear() {
        for (rows, reference) in [
            (SeedDueTexts.leicesterRows, SeedDueTexts.leicesterReference),
            (SeedDueTexts.derbyRows, SeedDueTexts.derbyReference),
        ] {
            for row in rows {
                let due = DueDateReader.read(row.text, reference: reference)
                let allowed = row.writtenYears.union(reference.map { [$0.year, $0.year + 1] } ?? [])
                for day in [due.start, due.end].compactMap({ $0 }) {
                    XCTAssertTrue(allowed.contains(day.year), "“\(row.text)” → \(day.iso)", line: row.line)
                }
            }
        }
    }

    /// A regression in either seed plan shows here as a changed count.
    func testSeedPlanCountsByKind() {
        let leicester = counts(SeedDueTexts.leicesterDueTexts, reference: SeedDueTexts.leicesterReference)
        let derby = counts(SeedDueTexts.derbyDueTexts, reference: SeedDueTexts.derbyReference)
        XCTAssertEqual(SeedDueTexts.leicesterDueTexts.count, 105)
        XCTAssertEqual(leicester, [.date: 55, .period: 25, .open: 20, .unread: 5], summary(leicester))
        XCTAssertEqual(SeedDueTexts.derbyDueTexts.count, 38)
        XCTAssertEqual(derby, [.date: 32, .period: 3, .open: 1, .unread: 2], summary(derby))
    }

    // MARK: - Forms

    func testDayMonthYearForms() {
        assertReadings([
            Row("31.3.09", .date, "2009-03-31", "2009-03-31"),
            Row("31.03.09", .date, "2009-03-31", "2009-03-31"),
            Row("31/3/2009", .date, "2009-03-31", "2009-03-31"),
            Row("2009-03-31", .date, "2009-03-31", "2009-03-31"),
            Row("31 December 08", .date, "2008-12-31", "2008-12-31"),
            Row("3rd of May 2009", .date, "2009-05-03", "2009-05-03"),
            Row("September 3 2008", .date, "2008-09-03", "2008-09-03"),
            Row("September 3rd, 2008", .date, "2008-09-03", "2008-09-03"),
            Row("before 30.12.08", .date, "2008-12-30", "2008-12-30"),
        ])
    }

    func testMonthsAndYearsMeanTheirLastDay() {
        assertReadings([
            Row("December 2008", .date, "2008-12-31", "2008-12-31"),
            Row("End August 2008", .date, "2008-08-31", "2008-08-31"),
            Row("end of Sept 08", .date, "2008-09-30", "2008-09-30"),
            Row("by the end of Sep. 2008", .date, "2008-09-30", "2008-09-30"),
            Row("Sept. 08", .date, "2008-09-30", "2008-09-30"),
            Row("Jan 010", .date, "2010-01-31", "2010-01-31"),
            Row("February 2012", .date, "2012-02-29", "2012-02-29"),
            Row("2011", .date, "2011-12-31", "2011-12-31"),
            Row("May 2009", .date, "2009-05-31", "2009-05-31"),
            Row("by 3 may 2009", .date, "2009-05-03", "2009-05-03"),
        ])
    }

    func testPeriods() {
        assertReadings([
            Row("Nov 08-Jan 09", .period, "2008-11-01", "2009-01-31"),
            Row("Sept. to Dec 2008", .period, "2008-09-01", "2008-12-31"),
            Row("April 2008 – March 2009", .period, "2008-04-01", "2009-03-31"),
            Row("2008-2010", .period, "2008-01-01", "2010-12-31"),
            Row("2008/09", .period, "2008-04-01", "2009-03-31"),
            Row("2008-09 financial year", .period, "2008-04-01", "2009-03-31"),
            Row("2008/09 academic year", .period, "2008-09-01", "2009-08-31"),
            Row("Apr/Jul 09", .period, "2009-04-01", "2009-07-31"),
            Row("From 2008/09", .period, "2008-04-01", nil),
            Row("Sept 08 onwards", .period, "2008-09-01", nil),
        ])
    }

    func testOpenForms() {
        assertReadings([
            Row("Ongoing", .open, nil, nil, open: .ongoing),
            Row("on-going", .open, nil, nil, open: .ongoing),
            Row("immediately", .open, nil, nil, open: .immediate),
            Row("TBC", .open, nil, nil, open: .toBeConfirmed),
            Row("tbc", .open, nil, nil, open: .toBeConfirmed),
            Row("to be agreed", .open, nil, nil, open: .toBeConfirmed),
            Row("Monthly", .open, nil, nil, open: .recurring),
            Row("Quarterly", .open, nil, nil, open: .recurring),
            Row("Annually", .open, nil, nil, open: .recurring),
            Row("half-termly", .open, nil, nil, open: .recurring),
            Row("Monthly until March 2009", .open, nil, "2009-03-31", open: .recurring),
            Row("Monthly from Oct 08", .open, "2008-10-01", nil, open: .recurring),
            Row("Immediate and ongoing", .open, nil, nil, open: .ongoing),
            Row("Monthly leading up to the end of March 2009", .open, nil, "2009-03-31", open: .recurring),
            Row("Ongoing each term", .open, nil, nil, open: .ongoing),
        ])
    }

    func testNotesSayHowTextsWereRead() {
        let reference = SeedDueTexts.leicesterReference
        XCTAssertNil(read("31.3.09").note)
        XCTAssertNil(read("ongoing").note)
        XCTAssertEqual(read("Sept 08 onwds").note, "no end")
        XCTAssertEqual(read("2008-10").note, "read as the calendar years 2008 to 2010")
        XCTAssertEqual(read("08-011").note, "read as the calendar years 2008 to 2011")
        XCTAssertEqual(
            read("Sept 08 Jul 09 Sept 09").note, "several dates: Sept 08, Jul 09, Sept 09")
        XCTAssertEqual(
            read("End July", reference: reference).note, "year taken from the reference date 2008-06-01")
        XCTAssertEqual(read("Review of pupils Dec 09").note, "ignored the words “Review of pupils”")
        XCTAssertEqual(
            read("To be Confirmed September 2008- December 2010").note, "also says “To be Confirmed”")
        XCTAssertEqual(read("Immediate and ongoing").note, "also says “Immediate”")
        XCTAssertEqual(read("Ongoing each term").note, "ignored the words “each term”")
        XCTAssertEqual(
            read("Nov to Jan 2009").note,
            "“Nov” has no year, and the period runs over a year end: write the year at both ends")
        XCTAssertEqual(read("Nov 08 to Jan").kind, .unread)
        XCTAssertEqual(
            read("Nov to Jan", reference: reference).note,
            "year taken from the reference date 2008-06-01; “Jan” read as 2009, the year after the start")
        XCTAssertEqual(
            read("2008/09").note, "read as the UK financial year 1 April 2008 to 31 March 2009")
        XCTAssertNil(read("2008/09 financial year").note)
    }

    // MARK: - Years from the reference date

    func testMissingYearComesFromTheReference() {
        let august = Day(year: 2008, month: 8, day: 15)
        XCTAssertEqual(read("End July", reference: august).end?.iso, "2009-07-31")
        XCTAssertEqual(read("End August", reference: august).end?.iso, "2008-08-31")
        XCTAssertEqual(read("September", reference: august).end?.iso, "2008-09-30")
        XCTAssertEqual(read("19 th June", reference: august).end?.iso, "2009-06-19")
    }

    func testMissingYearWithoutReferenceIsUnread() {
        for text in ["End July", "End October", "September", "19 th June", "Sept. to Dec"] {
            let due = read(text)
            XCTAssertEqual(due.kind, .unread, text)
            XCTAssertTrue(due.note?.hasPrefix("no year") == true, "\(text): \(due.note ?? "nil")")
        }
    }

    // MARK: - What must not be read

    func testImpossibleDatesAreUnread() {
        XCTAssertEqual(read("29.2.08").end?.iso, "2008-02-29")
        XCTAssertEqual(read("29 February 2000").end?.iso, "2000-02-29")
        for text in ["29.2.09", "31.4.09", "31.13.09", "0.1.09", "29 February 2100", "Nov/Jan 09"] {
            assertUnread(read(text), text)
        }
    }

    func testReversedPeriodsAreUnread() {
        for text in ["Jan 09-Nov 08", "2010-08", "31.3.09 - 1.1.09"] {
            let due = read(text)
            assertUnread(due, text)
        }
        XCTAssertEqual(read("Jan 09-Nov 08").note, "“Jan 09-Nov 08” ends before it starts")
    }

    func testUncertainTextsAreUnreadNotGuessed() {
        let texts = [
            "pt 08 onwards", "Nov 09-", "Annual Plan", "Early 2009", "mid-2009", "Spring term",
            "3.09", "Jan 9", "08", "Plan 08 – 10 agreed", "this may slip", "90% of parents happy",
        ]
        for text in texts {
            assertUnread(read(text), text)
            XCTAssertNotNil(read(text).note, text)
        }
    }

    func testGarbageEmptyAndEmoji() {
        for text in ["", "   ", "\n\t", "🎉🎉", "📅 31.3.09 🎉", "—–-/.;,", "١٢.٣.٢٠٠٩", "\u{0}\u{FEFF}", "e\u{301}"] {
            let due = read(text)
            XCTAssertEqual(due.text, text)
            XCTAssertEqual(due.kind, text == "📅 31.3.09 🎉" ? .date : .unread, text)
        }
    }

    func testTextIsKeptExactly() {
        for text in ["  Nov 08-Jan 09 ", "End\u{00A0}August 2008", "Sept 08\r\n"] {
            XCTAssertEqual(read(text).text, text)
        }
    }

    // MARK: - Robustness

    func testVeryLongInputReturnsQuickly() {
        let inputs = [
            String(repeating: "Nov 08-Jan 09 ", count: 7_500),
            String(repeating: "to ", count: 35_000),
            String(repeating: "9", count: 100_000),
            String(repeating: "Jan/", count: 25_000) + "09",
            String(repeating: "- ", count: 50_000),
            String(repeating: "word ", count: 20_000) + "Dec 09",
        ]
        for input in inputs {
            XCTAssertGreaterThanOrEqual(input.utf8.count, 100_000)
            let clock = ContinuousClock()
            var due: DueDate?
            let elapsed = clock.measure { due = DueDateReader.read(input) }
            XCTAssertLessThan(elapsed, .seconds(5), String(input.prefix(20)))
            XCTAssertLessThanOrEqual((due?.note ?? "").count, 600)
            if let due { assertWellFormed(due) }
        }
        XCTAssertEqual(read(String(repeating: "Nov 08-Jan 09 ", count: 7_500)).end?.iso, "2009-01-31")
    }

    func testFuzzNeverTrapsAndReadingsAreWellFormed() {
        var random = SplitMix64(seed: 0x5EED_DA7E)
        let pieces = [
            "Nov", "08", "-", "Jan", "09", "31", ".", "3", "/", "2008", "010", "to", "by", "end",
            "from", "onwards", "Monthly", "ongoing", "TBC", "financial", "year", "th", "–", " ", " ",
            "29", "2", "0", "May", "may", "99999999", ";", ",", "🎉", "é", "\u{301}", "\n", "of",
        ]
        for _ in 0..<3_000 {
            let text: String
            if random.next() % 2 == 0 {
                let count = Int(random.next() % 12)
                text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(
                    separator: random.next() % 3 == 0 ? "" : " ")
            } else {
                let bytes = (0..<Int(random.next() % 40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                text = String(decoding: bytes, as: UTF8.self)
            }
            let due = DueDateReader.read(
                text, reference: random.next() % 2 == 0 ? nil : SeedDueTexts.leicesterReference)
            XCTAssertEqual(due.text, text)
            assertWellFormed(due)
        }
    }

    // MARK: - Helpers

    private func read(_ text: String, reference: Day? = nil) -> DueDate {
        DueDateReader.read(text, reference: reference)
    }

    private func assertReadings(_ rows: [DueRow], reference: Day? = nil, file: StaticString = #filePath) {
        for row in rows {
            row.assertAssertsOnlyWrittenYears(reference: reference, file: file)
            let due = DueDateReader.read(row.text, reference: reference)
            let context =
                "“\(row.text)” → \(due.kind) \(due.start?.iso ?? "nil")..\(due.end?.iso ?? "nil") (\(due.note ?? ""))"
            XCTAssertEqual(due.text, row.text, file: file, line: row.line)
            XCTAssertEqual(due.kind, row.kind, context, file: file, line: row.line)
            XCTAssertEqual(due.start?.iso, row.start, context, file: file, line: row.line)
            XCTAssertEqual(due.end?.iso, row.end, context, file: file, line: row.line)
            XCTAssertEqual(due.open, row.open, context, file: file, line: row.line)
            assertWellFormed(due, file: file, line: row.line)
        }
    }

    private func assertUnread(_ due: DueDate, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(
            due.kind, .unread, "“\(text)” → \(due.start?.iso ?? "nil")..\(due.end?.iso ?? "nil")", file: file,
            line: line)
        XCTAssertNil(due.start, text, file: file, line: line)
        XCTAssertNil(due.end, text, file: file, line: line)
    }

    /// The invariants every reading keeps, whatever the text.
    private func assertWellFormed(_ due: DueDate, file: StaticString = #filePath, line: UInt = #line) {
        if let start = due.start, let end = due.end {
            XCTAssertLessThanOrEqual(start, end, due.text, file: file, line: line)
        }
        switch due.kind {
        case .unread:
            XCTAssertNil(due.start, due.text, file: file, line: line)
            XCTAssertNil(due.end, due.text, file: file, line: line)
            XCTAssertNotNil(due.note, due.text, file: file, line: line)
        case .date:
            XCTAssertNotNil(due.end, due.text, file: file, line: line)
            XCTAssertEqual(due.start, due.end, due.text, file: file, line: line)
        case .period:
            XCTAssertNotNil(due.start, due.text, file: file, line: line)
        case .open:
            XCTAssertNotNil(due.open, due.text, file: file, line: line)
        }
        if due.kind != .open { XCTAssertNil(due.open, due.text, file: file, line: line) }
    }

    private func counts(_ texts: [String], reference: Day?) -> [DueDate.Kind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: DueDate.Kind.allCases.map { ($0, 0) })
        for text in texts { counts[DueDateReader.read(text, reference: reference).kind, default: 0] += 1 }
        return counts
    }

    private func summary(_ counts: [DueDate.Kind: Int]) -> String {
        DueDate.Kind.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }
}
