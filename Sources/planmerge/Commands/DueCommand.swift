import GitKit
import ArgumentParser
import Foundation
import PlanModel

/// `planmerge due`: shows how due texts are read, for authors checking a date before they
/// commit it and for tools.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Show how due-date texts are read (date, period, open or unread)."
    )

    @Argument(help: "Due texts as written, e.g. \"Nov 08-Jan 09\" \"31.3.09\" ongoing.")
    var texts: [String]

    @Option(help: "ISO date (YYYY-MM-DD) that settles texts with no year, e.g. the report's publication date.")
    var reference: String?

    @Option(help: "Output format: text or json.")
    var format: String = "json"

    func validate() throws {
        if let reference, Day(iso: reference) == nil {
            throw ValidationError(
                "--reference must be a real date written YYYY-MM-DD, e.g. 2008-06-01; got '\(reference)'.")
        }
        guard ["text", "json"].contains(format) else {
            throw ValidationError("--format must be 'text' or 'json'; got '\(format)'.")
        }
    }

    func run() throws {
        let day = reference.flatMap { Day(iso: $0) }
        let readings = texts.map { DueDateReader.read($0, reference: day) }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(readings.map(DueReadingJSON.init))
            print(String(decoding: data, as: UTF8.self))
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
