import Foundation
import PlanModel

/// Writes a plan's dated actions and milestones as an iCalendar file (RFC 5545): one all-day
/// event on the due day (the end day of a period) for every action and milestone whose due
/// date reads as a day.
///
/// UIDs are derived from the plan's identity (authority and inspection), the action ref and
/// the milestone's place, so re-importing a later render updates the same events rather
/// than adding copies.
public enum CalendarRenderer {
    /// Which actions to include: a partner's, or those with a lead officer matching `officer`
    /// (case-insensitive, any part of a lead as written).
    public struct Filter: Hashable, Sendable {
        public var partner: String?
        public var officer: String?

        public init(partner: String? = nil, officer: String? = nil) {
            self.partner = partner
            self.officer = officer
        }

        func includes(_ row: ActionRow) -> Bool {
            if let partner, row.partner.id != partner { return false }
            if let officer {
                let wanted = Filter.fold(officer)
                return row.action.leads.contains { Filter.fold($0).contains(wanted) }
            }
            return true
        }

        static func fold(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// One calendar event before it is written.
    public struct Event: Hashable, Sendable {
        public var uid: String
        public var day: Day
        public var summary: String
        public var description: String
    }

    /// The events of `document` that `filter` keeps, in reading order (each action, then its
    /// milestones).
    public static func events(_ document: PlanDocument, filter: Filter = Filter()) -> [Event] {
        let identity = fnv1a64(document.authority + "\n" + document.inspection.name)
        var out: [Event] = []
        for row in document.actions where filter.includes(row) {
            let a = row.action
            var about = ["Recommendation \(a.ref.recommendation)", "Partner: \(row.partner.name)"]
            if !a.leads.isEmpty { about.append("Lead: \(a.leads.joined(separator: "; "))") }
            about.append("Status: \(DisplayText.status(a.status))")
            if let due = a.due, let end = due.end {
                out.append(
                    Event(
                        uid: "action-\(a.ref)-\(identity)@planmerge", day: end, summary: "\(a.ref) \(a.text)",
                        description: (["Due: \(due.text)"] + about).joined(separator: "\n")))
            }
            for (index, milestone) in a.milestones.enumerated() {
                guard let end = milestone.due.end else { continue }
                out.append(
                    Event(
                        uid: "action-\(a.ref)-milestone-\(index + 1)-\(identity)@planmerge", day: end,
                        summary: "\(a.ref) milestone: \(milestone.text)",
                        description: (["Milestone due: \(milestone.due.text)", "Action \(a.ref): \(a.text)"] + about)
                            .joined(separator: "\n")))
            }
        }
        return out
    }

    /// The iCalendar file: CRLF line ends, lines folded at 75 octets, text escaped.
    /// `stamp` is the DTSTAMP of every event (when the file was written).
    public static func render(_ document: PlanDocument, filter: Filter = Filter(), stamp: Date) -> [UInt8] {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planmerge//planmerge action plan calendar//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(document.title),
        ]
        let dtstamp = timestamp(stamp)
        for event in events(document, filter: filter) {
            lines += [
                "BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + dtstamp,
                "DTSTART;VALUE=DATE:" + date(event.day), "DTEND;VALUE=DATE:" + date(event.day.adding(days: 1)),
                "SUMMARY:" + escape(event.summary), "DESCRIPTION:" + escape(event.description),
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        var bytes: [UInt8] = []
        for line in lines { bytes += fold(line) }
        return bytes
    }

    /// RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks; other control
    /// characters (never in a valid plan) are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line as bytes: split into pieces of at most 75 octets (continuations start
    /// with a space, which counts), never inside a UTF-8 sequence, each ended by CRLF.
    static func fold(_ line: String) -> [UInt8] {
        var out: [UInt8] = []
        var width = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if width + encoded.count > limit {
                out += [13, 10, 32]
                width = 1
                limit = 75
            }
            out += encoded
            width += encoded.count
        }
        return out + [13, 10]
    }

    static func date(_ day: Day) -> String {
        String(format: "%04d%02d%02d", day.year, day.month, day.day)
    }

    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// FNV-1a, 64 bits, as 16 hex digits: a stable short id of the plan (Swift's `hashValue`
    /// changes from run to run).
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(format: "%016llx", hash)
    }
}
