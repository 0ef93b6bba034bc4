import Foundation
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
