import Foundation
import PlanModel

/// Reads an Excel workbook (`.xlsx`): every sheet as a table, cells placed by their
/// reference (`B7`), shared and inline strings, numbers kept as the number's text (and
/// marked, so a reference stored as `6.1` can be questioned), and date cells (a number with
/// a date format in `styles.xml`) as the day they hold, `31 March 2009`.
public enum XLSXReader {
    /// Every sheet, in workbook order; throws when the bytes are not an Excel package.
    public static func read(_ data: Data, file: String) throws -> SourceDocument {
        let parts = try ZipParts(data: data, file: file)
        guard let workbook = try parts.xml("xl/workbook.xml") else {
            throw ImportError.unreadable(file: file, reason: "it has no xl/workbook.xml; is it an Excel workbook?")
        }
        let targets = try relationships(parts)
        let strings = try sharedStrings(parts)
        let dateStyles = try dateStyleIndexes(parts)
        var items: [SourceItem] = []
        for sheet in workbook.descendants("sheet") {
            guard let name = sheet["name"], let id = sheet["id"], let target = targets[id] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try parts.xml(path) else {
                throw ImportError.unreadable(file: file, reason: "the sheet '\(name)' (\(path)) is missing")
            }
            items.append(.table(table(xml, name: name, strings: strings, dateStyles: dateStyles)))
        }
        return SourceDocument(file: file, items: items)
    }

    static func table(_ sheet: XMLNode, name: String, strings: [String], dateStyles: Set<Int>) -> SourceTable {
        var rows: [SourceRow] = []
        for row in sheet.descendants("row") {
            var cells: [SourceCell] = []
            var number = Int(row["r"] ?? "") ?? (rows.count + 1)
            for c in row.children("c") {
                let (column, rowNumber) = position(c["r"] ?? "") ?? (cells.count, number)
                number = rowNumber
                let cell = value(c, strings: strings, dateStyles: dateStyles)
                if column >= cells.count { cells += Array(repeating: SourceCell(""), count: column - cells.count + 1) }
                cells[column] = cell
            }
            rows.append(SourceRow(place: "\(name)!A\(number)", cells: cells))
        }
        return SourceTable(name: name, rows: rows)
    }

    static func value(_ c: XMLNode, strings: [String], dateStyles: Set<Int>) -> SourceCell {
        let raw = c.child("v")?.allText ?? ""
        switch c["t"] {
        case "s":
            return SourceCell(clean(Int(raw).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""))
        case "inlineStr":
            return SourceCell(clean(c.child("is").map(richText) ?? ""))
        case "str", "e":
            return SourceCell(clean(raw))
        case "d":  // an ISO 8601 date cell (strict Office Open XML)
            guard let day = Day(iso: raw.prefix(10)) else { return SourceCell(clean(raw)) }
            return SourceCell(dayText(day), isDate: true)
        case "b":
            return SourceCell(raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw)
        default:
            guard !raw.isEmpty, let number = Double(raw) else { return SourceCell(clean(raw)) }
            if let style = Int(c["s"] ?? ""), dateStyles.contains(style) {
                let day = Day(ordinal: Int(number.rounded(.down)) - 25_569)  // serial 25569 is 1970-01-01
                return SourceCell(dayText(day), isDate: true)
            }
            return SourceCell(numberText(number), isNumber: true)
        }
    }

    /// `30 September 2008`: a day as a due text reads it.
    static func dayText(_ day: Day) -> String { "\(day.day) \(monthNames[day.month - 1]) \(day.year)" }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// The shortest text for a number: `6.1`, `12`.
    static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }

    /// Text runs of a string item (`<si>` or `<is>`), phonetic runs left out.
    static func richText(_ node: XMLNode) -> String {
        node.children.map { child -> String in
            switch child.name {
            case "t": child.allText
            case "r": child.children("t").map(\.allText).joined()
            default: ""
            }
        }.joined()
    }

    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `C12` -> column 2, row 12.
    static func position(_ reference: String) -> (Int, Int)? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        guard !letters.isEmpty, let row = Int(reference.dropFirst(letters.count)) else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return (column - 1, row)
    }

    static func relationships(_ parts: ZipParts) throws -> [String: String] {
        guard let rels = try parts.xml("xl/_rels/workbook.xml.rels") else { return [:] }
        var out: [String: String] = [:]
        for r in rels.descendants("Relationship") {
            if let id = r["Id"], let target = r["Target"] { out[id] = target }
        }
        return out
    }

    static func sharedStrings(_ parts: ZipParts) throws -> [String] {
        guard let sst = try parts.xml("xl/sharedStrings.xml") else { return [] }
        return sst.children("si").map(richText)
    }

    /// The `cellXfs` indexes whose number format shows a date.
    static func dateStyleIndexes(_ parts: ZipParts) throws -> Set<Int> {
        guard let styles = try parts.xml("xl/styles.xml") else { return [] }
        var custom: [Int: String] = [:]
        for format in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = Int(format["numFmtId"] ?? ""), let code = format["formatCode"] { custom[id] = code }
        }
        var out: Set<Int> = []
        for (index, xf) in (styles.child("cellXfs")?.children("xf") ?? []).enumerated() {
            guard let id = Int(xf["numFmtId"] ?? "") else { continue }
            if (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
                || custom[id].map(isDateFormat) == true
            {
                out.insert(index)
            }
        }
        return out
    }

    /// A format code shows a date when, outside quotes and brackets, it has d, m or y.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var previous: Character = " "
        for ch in code {
            defer { previous = ch }
            if previous == "\\" { continue }
            switch ch {
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            default:
                if !inQuote, !inBracket, "dDyY".contains(ch) { return true }
            }
        }
        return false
    }
}
