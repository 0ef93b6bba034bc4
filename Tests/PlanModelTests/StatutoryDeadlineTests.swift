import Foundation
import XCTest

@testable import PlanModel

final class StatutoryDeadlineTests: XCTestCase {
    private func day(_ iso: String) -> Day { Day(iso: iso)! }

    private func deadline(
        _ from: String, _ n: Int, _ firstDay: DeadlineRule.FirstDay = .publication
    ) -> StatutoryDeadline {
        StatutoryDeadline.compute(from: day(from), workingDays: n, firstDay: firstDay)
    }

    /// Leicester's 2008 Joint Area Review: published Tuesday 3 June 2008, plan due
    /// 70 working days later counting the publication day, over the Summer bank holiday.
    func testLeicesterJointAreaReview() {
        let result = deadline("2008-06-03", 70)
        XCTAssertEqual(result.deadline.iso, "2008-09-09")
        XCTAssertEqual(result.from.iso, "2008-06-03")
        XCTAssertEqual(result.workingDays, 70)
        XCTAssertEqual(result.firstDay, .publication)
        XCTAssertEqual(result.skipped.map(\.description), ["2008-08-25 Summer bank holiday"])
        XCTAssertEqual(result.weekendsSkipped, 28)
        XCTAssertEqual(result.firstWorkingDay()?.iso, "2008-06-03")
    }

    func testNextRuleStartsTheDayAfterPublication() {
        let result = deadline("2008-06-03", 70, .next)
        XCTAssertEqual(result.deadline.iso, "2008-09-10")
        XCTAssertEqual(result.skipped.map(\.day.iso), ["2008-08-25"])
        XCTAssertEqual(result.weekendsSkipped, 28)
        XCTAssertEqual(result.firstWorkingDay()?.iso, "2008-06-04")
    }

    func testManifestRule() {
        let rule = DeadlineRule(workingDays: 70, firstDay: .next)
        XCTAssertEqual(StatutoryDeadline.compute(from: day("2008-06-03"), rule: rule).deadline.iso, "2008-09-10")
    }

    func testPublicationOnSaturdayCountsFromMonday() {
        let publication = deadline("2008-06-07", 70)
        XCTAssertEqual(publication.deadline.iso, "2008-09-15")
        XCTAssertEqual(publication.firstWorkingDay()?.iso, "2008-06-09")
        XCTAssertEqual(publication.weekendsSkipped, 30)  // the Saturday of publication included
        XCTAssertEqual(publication.skipped.map(\.day.iso), ["2008-08-25"])

        let next = deadline("2008-06-07", 70, .next)
        XCTAssertEqual(next.deadline.iso, "2008-09-15")
        XCTAssertEqual(next.weekendsSkipped, 29)  // counting could start on Sunday at the earliest
    }

    func testPublicationOnABankHoliday() {
        let result = deadline("2008-08-25", 1)
        XCTAssertEqual(result.deadline.iso, "2008-08-26")
        XCTAssertEqual(result.skipped.map(\.name), ["Summer bank holiday"])
        XCTAssertEqual(result.weekendsSkipped, 0)
        // With .next the holiday is not in the period at all.
        XCTAssertEqual(deadline("2008-08-25", 1, .next).skipped, [])
        XCTAssertEqual(deadline("2008-08-25", 1, .next).deadline.iso, "2008-08-26")
    }

    func testPeriodOverChristmasAndNewYear() {
        let result = deadline("2008-12-01", 30)
        XCTAssertEqual(result.deadline.iso, "2009-01-14")
        XCTAssertEqual(
            result.skipped.map(\.description),
            [
                "2008-12-25 Christmas Day", "2008-12-26 Boxing Day", "2009-01-01 New Year's Day",
            ])
        XCTAssertEqual(result.weekendsSkipped, 12)
    }

    func testPeriodOverSubstituteDays() {
        // Christmas 2010 on Saturday, New Year's Day 2011 on Saturday.
        let result = deadline("2010-12-20", 10)
        XCTAssertEqual(result.deadline.iso, "2011-01-05")
        XCTAssertEqual(result.skipped.map(\.day.iso), ["2010-12-27", "2010-12-28", "2011-01-03"])
        XCTAssertEqual(result.weekendsSkipped, 4)
    }

    func testOneWorkingDay() {
        XCTAssertEqual(deadline("2008-06-03", 1).deadline.iso, "2008-06-03")
        XCTAssertEqual(deadline("2008-06-03", 1, .next).deadline.iso, "2008-06-04")
        let friday = deadline("2008-08-22", 1, .next)  // before the Summer bank holiday weekend
        XCTAssertEqual(friday.deadline.iso, "2008-08-26")
        XCTAssertEqual(friday.weekendsSkipped, 2)
        XCTAssertEqual(friday.skipped.map(\.day.iso), ["2008-08-25"])
    }

    /// Zero working days (or fewer) ends on the publication day, with nothing skipped.
    func testZeroAndNegativeWorkingDays() {
        for n in [0, -5] {
            for rule in DeadlineRule.FirstDay.allCases {
                let result = deadline("2008-06-07", n, rule)
                XCTAssertEqual(result.deadline.iso, "2008-06-07")
                XCTAssertEqual(result.workingDays, 0)
                XCTAssertEqual(result.skipped, [])
                XCTAssertEqual(result.weekendsSkipped, 0)
                XCTAssertNil(result.firstWorkingDay())
            }
        }
    }

    func testWorkingDaysLeft() {
        let leicester = deadline("2008-06-03", 70)
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2008-06-02")), 70)
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2008-06-03")), 69)
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2008-08-22")), 11)  // over 25 August
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2008-09-05")), 2)
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2008-09-08")), 1)
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2008-09-09")), 0)
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2008-09-10")), 0)
        XCTAssertEqual(leicester.workingDaysLeft(today: day("2010-01-01")), 0)
        XCTAssertFalse(leicester.isPast(today: day("2008-09-09")))
        XCTAssertTrue(leicester.isPast(today: day("2008-09-10")))
        XCTAssertFalse(leicester.isPast(today: day("2008-06-03")))
    }

    func testOtherCalendar() {
        let weekdaysOnly = WorkingCalendar(name: "weekdays", holidays: { _ in [] })
        let result = StatutoryDeadline.compute(
            from: day("2008-06-03"), workingDays: 70, calendar: weekdaysOnly)
        XCTAssertEqual(result.deadline.iso, "2008-09-08")
        XCTAssertEqual(result.skipped, [])
        XCTAssertEqual(result.workingDaysLeft(today: day("2008-08-22"), calendar: weekdaysOnly), 11)
    }

    /// Every day of the period is counted, skipped as a holiday or skipped as a weekend,
    /// and the calendar counts exactly N working days in it.
    func testPeriodAccounting() {
        let calendar = WorkingCalendar.englandAndWales
        var from = day("2007-12-01")
        while from < day("2013-01-01") {
            for rule in DeadlineRule.FirstDay.allCases {
                for n in [1, 20, 70] {
                    let result = StatutoryDeadline.compute(from: from, workingDays: n, firstDay: rule)
                    let start = rule == .publication ? from : from.adding(days: 1)
                    let length = start.days(to: result.deadline) + 1
                    XCTAssertEqual(length, n + result.skipped.count + result.weekendsSkipped, "\(from)")
                    XCTAssertEqual(calendar.workingDays(from: start, through: result.deadline), n)
                    XCTAssertTrue(calendar.isWorkingDay(result.deadline))
                }
            }
            from = from.adding(days: 3)
        }
    }

    func testCodable() throws {
        let result = deadline("2008-06-03", 70)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        XCTAssertEqual(
            json,
            #"{"deadline":"2008-09-09","firstDay":"publication","from":"2008-06-03","#
                + #""skipped":[{"day":"2008-08-25","name":"Summer bank holiday"}],"#
                + #""weekendsSkipped":28,"workingDays":70}"#)
        XCTAssertEqual(try JSONDecoder().decode(StatutoryDeadline.self, from: Data(json.utf8)), result)
    }
}
