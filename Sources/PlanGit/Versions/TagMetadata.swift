import Foundation
import GitKit
import PlanModel

/// What a Cabinet tag says about its version: the day its figures are as of, the meeting it
/// went to, and the figures themselves. Written by `planmerge tag` as trailers ending the
/// tag message (docs/VERSIONS.md), read back by `read(_:)`, the one reader; a tag made
/// before the trailers existed is read from its "Plan: ... as of DAY" line or its date.
public struct TagMetadata: Hashable, Sendable {
    /// The day the version's figures (overdue actions) are as of.
    public var day: Day
    /// The meeting the version went to ("Cabinet"); read back as written by
    /// `RecordText.oneLine`.
    public var meeting: String?
    public var meetingDate: Day?
    /// The agenda item, one line.
    public var item: String?
    /// The plan's figures as of `day`, nil when the tag did not record them.
    public var figures: PlanFigures?
    /// True when read from the trailers; false when guessed from an older tag's text.
    public var structured: Bool

    public init(
        day: Day, meeting: String? = nil, meetingDate: Day? = nil, item: String? = nil, figures: PlanFigures? = nil,
        structured: Bool = true
    ) {
        self.day = day
        self.meeting = meeting
        self.meetingDate = meetingDate
        self.item = item
        self.figures = figures
        self.structured = structured
    }

    /// "Cabinet, 8 September 2008, item 15", or nil when no meeting was given.
    public var meetingLine: String? {
        guard meeting != nil || meetingDate != nil || item != nil else { return nil }
        return [meeting, meetingDate.map(\.iso), item.map { "item \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    enum Key: String, CaseIterable {
        case day = "Planmerge-Day"
        case meeting = "Planmerge-Meeting"
        case meetingDate = "Planmerge-Meeting-Date"
        case item = "Planmerge-Item"
        case figures = "Planmerge-Figures"
    }

    /// The trailer block that ends a tag message: one `Key: value` line each, every value
    /// one line (free text through `RecordText.oneLine`, figures as one-line JSON).
    public func trailers() throws -> String {
        var lines = ["\(Key.day.rawValue): \(day.iso)"]
        if let meeting { lines.append("\(Key.meeting.rawValue): \(RecordText.oneLine(meeting))") }
        if let meetingDate { lines.append("\(Key.meetingDate.rawValue): \(meetingDate.iso)") }
        if let item { lines.append("\(Key.item.rawValue): \(RecordText.oneLine(item))") }
        if let figures {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(figures), as: UTF8.self)
            // JSONEncoder escapes every control character; refs are parsed references.
            lines.append("\(Key.figures.rawValue): \(json)")
        }
        return lines.joined(separator: "\n")
    }

    /// The metadata of a Cabinet tag. Only the message's last paragraph is read for trailers
    /// (planmerge writes it after every line a person controls, so a note cannot forge one);
    /// a trailer whose value does not parse is ignored. Without a `Planmerge-Day` trailer, the
    /// day is the "as of" day of the "Plan: " line, else the tagger's date (UTC), else nil.
    public static func read(_ tag: TagInfo) -> TagMetadata? {
        let message = tag.message ?? ""
        let paragraphs = message.components(separatedBy: "\n\n").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
        var values: [Key: String] = [:]
        for line in (paragraphs.last ?? "").split(separator: "\n") {
            for key in Key.allCases where line.hasPrefix(key.rawValue + ": ") && values[key] == nil {
                values[key] = String(line.dropFirst(key.rawValue.count + 2))
            }
        }
        if let text = values[.day], let day = Day(iso: text) {
            var figures: PlanFigures?
            if let json = values[.figures] {
                figures = try? JSONDecoder().decode(PlanFigures.self, from: Data(json.utf8))
            }
            return TagMetadata(
                day: day, meeting: values[.meeting].flatMap(oneLineOrNil),
                meetingDate: values[.meetingDate].flatMap { Day(iso: $0) }, item: values[.item].flatMap(oneLineOrNil),
                figures: figures, structured: true)
        }
        let asOf = message.split(separator: "\n").first { $0.hasPrefix("Plan: ") }.flatMap { line -> Day? in
            guard let range = line.range(of: " as of ", options: .backwards) else { return nil }
            return Day(iso: line[range.upperBound...].prefix(10))
        }
        let tagged = tag.tagger.map {
            Day(ordinal: epochOrdinal + Int(($0.time - 86_399 * ($0.time < 0 ? 1 : 0)) / 86_400))
        }
        guard let day = asOf ?? tagged else { return nil }
        return TagMetadata(day: day, structured: false)
    }

    /// A stored value is shown only when it is one line as `RecordText` makes it.
    private static func oneLineOrNil(_ text: String) -> String? {
        RecordText.isOneLine(text) && !text.isEmpty ? text : nil
    }

    private static let epochOrdinal = Day(year: 1970, month: 1, day: 1)!.ordinal
}
