import CSV
import Foundation
import PlanModel

/// Renders a plan as CSV for Excel: one row per action with every field, a header row,
/// UTF-8 with a byte-order mark (so Excel reads the text right), CRLF line ends, and
/// quoting done by CSV.swift's `CSVWriter`.
///
/// Every cell goes through `SpreadsheetText.neutralised`: text beginning `=`, `+`, `-`, `@`
/// (a formula to a spreadsheet) gets a leading apostrophe, which the importer removes again;
/// control characters show as U+FFFD.
///
/// Fields holding several values put one value per line inside the (quoted) cell:
/// success criteria, milestones (`when | what`), links, details and notes. Lead officers
/// are joined with `; ` as the section files write them.
public enum CSVRenderer {
    public static let header = [
        "ref", "recommendation", "timescale", "partner id", "partner", "action", "due", "due kind",
        "due start", "due end", "due open", "due note", "lead", "status", "overdue", "success",
        "milestones", "resources", "risk", "monitoring", "see also", "links", "details", "notes", "file",
    ]

    /// The CSV file's bytes, byte-order mark first.
    public static func render(_ document: PlanDocument) throws -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header.map(cell))
        for action in document.actions {
            try writer.write(row: fields(action).map(cell))
        }
        stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CSVError.cannotWriteStream
        }
        return [0xEF, 0xBB, 0xBF] + Array(data) + Array("\r\n".utf8)
    }

    /// What is written for a field: no control character, no formula.
    static func cell(_ text: String) -> String {
        SpreadsheetText.neutralised(ControlCharacterCheck.visible(text))
    }

    /// One action's cells, in `header` order.
    static func fields(_ a: ActionRow) -> [String] {
        let due = a.due
        return [
            a.ref.description, String(a.recommendation), a.timescale, a.partner.id, a.partner.name, a.text,
            due?.text ?? "", due?.kind.rawValue ?? "", due?.start?.iso ?? "", due?.end?.iso ?? "",
            due?.open?.rawValue ?? "", due?.note ?? "", DisplayText.leads(a.leads), a.status?.rawValue ?? "",
            a.isOverdue ? "yes" : "", lines(a.success), lines(a.milestones.map(\.written)),
            a.resources ?? "", a.risk ?? "", a.monitoring ?? "",
            a.crossReferences.map(\.description).joined(separator: ", "), lines(a.links), lines(a.details),
            lines(a.notes), a.file,
        ]
    }

    /// Several values in one cell, one per line (LF, as Excel itself writes a line break in a cell).
    static func lines(_ values: [String]) -> String { values.joined(separator: "\n") }
}
