import ArgumentParser
import Foundation
import GitKit
import PlanModel

extension DeadlineRule.FirstDay: ExpressibleByArgument {}

/// `planmerge deadline`: the statutory deadline N working days from a publication day,
/// in England and Wales working days (weekends and bank holidays passed over).
///
/// Text output puts the ISO deadline alone on the first line, for scripts
/// (`due=$(planmerge deadline --from 2008-06-03 --working-days 70 | head -n 1)`), then how
/// it was counted. JSON output is one object with sorted keys.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Work out a statutory deadline in England and Wales working days.",
        discussion: """
            Weekends and England and Wales bank holidays (Easter, substitute days and one-off \
            holidays included) do not count. With --first-day publication the publication day \
            is working day 1 when it is a working day; with --first-day next counting starts \
            on the working day after it. The deadline is the day the last working day falls on.

            Examples:
              planmerge deadline --from 2008-06-03 --working-days 70          (2008-09-09)
              planmerge deadline --from 2008-06-03 --working-days 70 --today 2008-09-01 --format json
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    /// The largest period accepted: about 38 years of working days.
    static let maximumWorkingDays = 10_000

    @Option(help: ArgumentHelp("The publication day, counted from (YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The length of the period in working days (at least 1).", valueName: "n"))
    var workingDays: Int

    @Option(help: "Which day is working day 1: the publication day itself, or the next working day.")
    var firstDay: DeadlineRule.FirstDay = .publication

    @Option(help: ArgumentHelp("Also count the working days left after this day (YYYY-MM-DD).", valueName: "date"))
    var today: String?

    @Option(help: "Output format.")
    var format: Format = .text

    func validate() throws {
        _ = try Self.day(from, option: "--from")
        if let today { _ = try Self.day(today, option: "--today") }
        guard workingDays >= 1 else {
            throw ValidationError("--working-days must be at least 1 (got \(workingDays)).")
        }
        guard workingDays <= Self.maximumWorkingDays else {
            throw ValidationError(
                "--working-days must be at most \(Self.maximumWorkingDays) (got \(workingDays)).")
        }
    }

    func run() throws {
        let calendar = WorkingCalendar.englandAndWales
        let result = StatutoryDeadline.compute(
            from: try Self.day(from, option: "--from"), workingDays: workingDays,
            firstDay: firstDay, calendar: calendar)
        let todayDay = try today.map { try Self.day($0, option: "--today") }
        switch format {
        case .text:
            print(Self.text(result, today: todayDay, calendar: calendar))
        case .json:
            print(try Self.json(result, today: todayDay, calendar: calendar))
        }
    }

    /// Parses an ISO date option, or explains what was expected.
    static func day(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else {
            throw ValidationError(
                "\(option) must be a date written YYYY-MM-DD, such as 2008-06-03 (got '\(text)').")
        }
        return day
    }

    /// The text report: the deadline alone on the first line, then how it was counted.
    static func text(_ result: StatutoryDeadline, today: Day?, calendar: WorkingCalendar) -> String {
        var lines = [result.deadline.iso]
        let counting: String
        let first = result.firstWorkingDay(calendar: calendar)
        switch result.firstDay {
        case .publication where first == result.from:
            counting = "publication day counts as day 1"
        case .publication:
            counting = "publication day is not a working day; day 1 is \(first?.iso ?? "-")"
        case .next:
            counting = "day 1 is the next working day, \(first?.iso ?? "-")"
        }
        let unit = result.workingDays == 1 ? "working day" : "working days"
        lines.append("\(result.workingDays) \(unit) from \(result.from.iso) (\(counting))")
        let holidays = result.skipped.map(\.description).joined(separator: ", ")
        lines.append("bank holidays skipped: \(holidays.isEmpty ? "none" : holidays)")
        lines.append("weekend days skipped: \(result.weekendsSkipped)")
        if let today {
            let left = result.workingDaysLeft(today: today, calendar: calendar)
            if result.isPast(today: today) {
                let late = calendar.workingDays(from: result.deadline.adding(days: 1), through: today)
                lines.append(
                    "working days left: 0 (deadline passed on \(result.deadline.iso); "
                        + "\(today.iso) is \(late) working \(late == 1 ? "day" : "days") after it)")
            } else if today == result.deadline {
                lines.append("working days left: 0 (the deadline is today, \(today.iso))")
            } else {
                lines.append("working days left: \(left) (after \(today.iso))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON report, keys sorted, every key present (`workingDaysLeft` null without --today).
    static func json(_ result: StatutoryDeadline, today: Day?, calendar: WorkingCalendar) throws -> String {
        struct Holiday: Encodable {
            var date: Day
            var name: String
        }
        struct Report: Encodable {
            var deadline: Day
            var from: Day
            var workingDays: Int
            var firstDay: DeadlineRule.FirstDay
            var skippedHolidays: [Holiday]
            var weekendDaysSkipped: Int
            var workingDaysLeft: Int?
        }
        let report = Report(
            deadline: result.deadline, from: result.from, workingDays: result.workingDays,
            firstDay: result.firstDay,
            skippedHolidays: result.skipped.map { Holiday(date: $0.day, name: $0.name) },
            weekendDaysSkipped: result.weekendsSkipped,
            workingDaysLeft: today.map { result.workingDaysLeft(today: $0, calendar: calendar) })
        return try ReportJSON.encode(report)
    }
}
