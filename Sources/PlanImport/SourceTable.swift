import Foundation

/// What a reader found in one source file: paragraphs and tables in document order, each
/// row with its place (`plan.docx: table 4, row 7`, `Sheet1!A12`, `plan.csv: row 12`).
///
/// Readers only read; `PlanMapper` decides what every row means.
public struct SourceDocument: Hashable, Sendable {
    /// The file name as the user gave it (for places in the report).
    public var file: String
    /// Paragraphs and tables, in document order.
    public var items: [SourceItem]

    /// A document read from `file`.
    public init(file: String, items: [SourceItem]) {
        self.file = file
        self.items = items
    }

    /// Every table of the document, in order.
    public var tables: [SourceTable] {
        items.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }
}

/// A paragraph outside any table, or a table.
public enum SourceItem: Hashable, Sendable {
    /// A paragraph's text; `heading` is its outline level (1 for Heading 1), nil for body text.
    case paragraph(String, heading: Int?)
    case table(SourceTable)
}

/// One table (a Word table, a sheet, a CSV file).
public struct SourceTable: Hashable, Sendable {
    /// `table 4`, `Sheet1`, or the file name for a CSV file.
    public var name: String
    /// Every row, empty ones too, in order.
    public var rows: [SourceRow]

    /// A table named `name`.
    public init(name: String, rows: [SourceRow]) {
        self.name = name
        self.rows = rows
    }
}

/// One row: its cells' text (lines of a cell separated by `\n`; a bulleted paragraph
/// starts with `- `), and how the source marked it.
public struct SourceRow: Hashable, Sendable {
    /// Where the row stands, as the report prints it.
    public var place: String
    /// The cells by grid column (a spanned column holds an empty cell).
    public var cells: [SourceCell]
    /// Word marked the row to repeat as a header on every page (`w:tblHeader`).
    public var isMarkedHeader: Bool

    /// A row at `place`.
    public init(place: String, cells: [SourceCell], isMarkedHeader: Bool = false) {
        self.place = place
        self.cells = cells
        self.isMarkedHeader = isMarkedHeader
    }

    /// The text of cell `index`, "" past the end.
    public func text(_ index: Int) -> String { index < cells.count ? cells[index].text : "" }

    /// True when no cell holds text.
    public var isEmpty: Bool { cells.allSatisfy { $0.text.isEmpty } }

    /// The cells holding text.
    public var filled: [SourceCell] { cells.filter { !$0.text.isEmpty } }
}

/// One cell's text and what the source knew about it.
public struct SourceCell: Hashable, Sendable {
    /// The cell's text, lines separated by `\n`, trimmed.
    public var text: String
    /// How many grid columns the cell spans (Word's `gridSpan`); 1 elsewhere.
    public var span: Int
    /// A spreadsheet stored the cell as a number (so `6.10` may have become `6.1`).
    public var isNumber: Bool
    /// A spreadsheet stored the cell as a date (the text is then the day, `31 March 2009`).
    public var isDate: Bool

    /// A cell holding `text`.
    public init(_ text: String, span: Int = 1, isNumber: Bool = false, isDate: Bool = false) {
        self.text = text
        self.span = span
        self.isNumber = isNumber
        self.isDate = isDate
    }

    /// The cell's lines, trimmed, blank ones dropped.
    public var lines: [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
