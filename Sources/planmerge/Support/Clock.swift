import ArgumentParser
import Foundation
import GitKit
import PlanModel

/// The one place the executable reads the clock: the library takes days as parameters.
enum Clock {
    /// Today in the UK (plans are UK civil dates).
    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }

    /// `--today` if given (already validated), else today.
    static func day(_ option: String?) -> Day {
        option.flatMap { Day(iso: $0) } ?? today()
    }
}

/// The one check of a `--today`-style date option, shared by every command that takes one.
enum DayOption {
    static func check(_ value: String?, flag: String = "--today") throws {
        if let value, Day(iso: value) == nil {
            throw ValidationError("\(flag) takes a date as YYYY-MM-DD, e.g. 2008-09-01; got '\(value)'")
        }
    }
}
