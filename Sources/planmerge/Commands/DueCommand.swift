import ArgumentParser
import Foundation
import GitKit
import PlanModel

/// `planmerge due`: shows how due texts are read, for authors checking a date before they
/// commit it and for tools.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Show how due-date texts are read (date, period, open or unread).",
        discussion: """
            Text output: one line per text, 'kind start..end  text  (note)'; an open form shows as \
            open:ongoing. JSON output: one object per text (docs/JSON.md).

            Examples:
              planmerge due "Nov 08-Jan 09" 31.3.09 ongoing
              planmerge due "end of March" --reference 2008-06-03 --format json
            """
    )

    @Argument(help: "Due texts as written, e.g. \"Nov 08-Jan 09\" \"31.3.09\" ongoing.")
    var texts: [String]

    @Option(help: "ISO date (YYYY-MM-DD) that settles texts with no year, e.g. the report's publication date.")
    var reference: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        try DayOption.check(reference, flag: "--reference")
    }

    func run() throws {
        let day = reference.flatMap { Day(iso: $0) }
        let readings = texts.map { DueDateReader.read($0, reference: day) }
        if format == .json {
            print(try ReportJSON.encode(readings.map(DueReadingJSON.init)))
        } else {
            readings.forEach { print(Self.line(for: $0)) }
        }
    }

    /// `kind start..end  text  (note)`; an open form shows as `open:ongoing`.
    static func line(for due: DueDate) -> String {
        let kind = due.open.map { "\(due.kind.rawValue):\($0.rawValue)" } ?? due.kind.rawValue
        let span = "\(due.start?.iso ?? "")..\(due.end?.iso ?? "")"
        let note = due.note.map { "  (\($0))" } ?? ""
        return "\(kind) \(span)  \(due.text)\(note)"
    }
}

/// One reading as JSON; absent values are written as null so every object has every key.
private struct DueReadingJSON: Encodable {
    let due: DueDate

    init(_ due: DueDate) {
        self.due = due
    }

    enum CodingKeys: String, CodingKey {
        case text, kind, start, end, open, note
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(due.text, forKey: .text)
        try container.encode(due.kind.rawValue, forKey: .kind)
        try container.encode(due.start?.iso, forKey: .start)
        try container.encode(due.end?.iso, forKey: .end)
        try container.encode(due.open?.rawValue, forKey: .open)
        try container.encode(due.note, forKey: .note)
    }
}
