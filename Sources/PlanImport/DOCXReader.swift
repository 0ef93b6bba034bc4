import Foundation

/// Reads a Word document (`.docx`): the body's paragraphs and tables in order.
///
/// Merged cells keep the grid: a cell spanning columns (`gridSpan`) stands at its first
/// column with the spanned columns empty, and a cell merged down (`vMerge`) repeats the text
/// of the cell it continues, so a lead officer merged over three actions leads all three.
/// A table nested in a cell becomes lines of that cell, one per nested row, its cells
/// joined by ` | `. A bulleted paragraph starts with `- `.
public enum DOCXReader {
    /// The document's body; throws when the bytes are not a Word package.
    public static func read(_ data: Data, file: String) throws -> SourceDocument {
        let parts = try ZipParts(data: data, file: file)
        guard let document = try parts.xml("word/document.xml"), let body = document.child("body") else {
            throw ImportError.unreadable(file: file, reason: "it has no word/document.xml body; is it a Word document?")
        }
        var reader = State(file: file)
        reader.walk(body)
        return SourceDocument(file: file, items: reader.items)
    }

    private struct State {
        let file: String
        var items: [SourceItem] = []
        var tableCount = 0

        init(file: String) { self.file = file }

        mutating func walk(_ node: XMLNode) {
            for child in node.children {
                switch child.name {
                case "p":
                    let text = DOCXReader.paragraphText(child)
                    let bullet = child.child("pPr")?.child("numPr") != nil
                    if !text.isEmpty {
                        items.append(.paragraph(bullet ? "- " + text : text, heading: DOCXReader.headingLevel(child)))
                    }
                case "tbl":
                    tableCount += 1
                    items.append(.table(DOCXReader.table(child, name: "table \(tableCount)", file: file)))
                case "sdt", "sdtContent", "customXml", "ins", "smartTag":
                    walk(child)
                default:
                    break
                }
            }
        }
    }

    static func table(_ tbl: XMLNode, name: String, file: String) -> SourceTable {
        var rows: [SourceRow] = []
        var above: [Int: String] = [:]  // grid column -> resolved text of the row above
        for (index, tr) in tbl.descendants("tr", stopAt: ["tbl"]).enumerated() {  // also rows in content controls
            var cells: [SourceCell] = []
            let trPr = tr.child("trPr")
            let before = Int(trPr?.child("gridBefore")?["val"] ?? "") ?? 0
            cells += Array(repeating: SourceCell(""), count: before)
            for tc in tr.descendants("tc", stopAt: ["tbl"]) {
                let tcPr = tc.child("tcPr")
                let span = max(1, Int(tcPr?.child("gridSpan")?["val"] ?? "") ?? 1)
                var text = cellText(tc)
                if let merge = tcPr?.child("vMerge"), merge["val"] != "restart" {
                    text = above[cells.count] ?? text
                }
                cells.append(SourceCell(text, span: span))
                cells += Array(repeating: SourceCell(""), count: span - 1)
            }
            above = [:]
            for (column, cell) in cells.enumerated() where cell.span >= 1 { above[column] = cell.text }
            let isHeader = trPr?.child("tblHeader").map { $0["val"] != "0" && $0["val"] != "false" } ?? false
            rows.append(SourceRow(place: "\(file): \(name), row \(index + 1)", cells: cells, isMarkedHeader: isHeader))
        }
        return SourceTable(name: name, rows: rows)
    }

    /// A cell's paragraphs as lines (bulleted ones with `- `), nested tables as ` | ` lines.
    static func cellText(_ tc: XMLNode) -> String {
        var lines: [String] = []
        func walk(_ node: XMLNode) {
            for child in node.children {
                switch child.name {
                case "p":
                    let text = paragraphText(child)
                    guard !text.isEmpty else { continue }
                    let bullet = child.child("pPr")?.child("numPr") != nil
                    lines += text.split(separator: "\n").map { bullet ? "- \($0)" : String($0) }
                case "tbl":
                    for tr in child.children("tr") {
                        let texts = tr.descendants("tc", stopAt: ["tbl"]).map {
                            cellText($0).replacingOccurrences(of: "\n", with: "; ")
                        }.filter { !$0.isEmpty }
                        if !texts.isEmpty { lines.append(texts.joined(separator: " | ")) }
                    }
                case "sdt", "sdtContent", "customXml", "ins", "smartTag":
                    walk(child)
                default:
                    break
                }
            }
        }
        walk(tc)
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A paragraph's text: runs in order, tabs as spaces, breaks as `\n`, deletions left out.
    static func paragraphText(_ p: XMLNode) -> String {
        var out = ""
        func walk(_ node: XMLNode) {
            for child in node.children {
                switch child.name {
                case "t": out += child.allText
                case "tab": out += " "
                case "br", "cr": out += "\n"
                case "noBreakHyphen": out += "-"
                // Deleted text and field codes are not the text; a text box's Fallback repeats its Choice.
                case "pPr", "rPr", "del", "instrText", "delText", "fldChar", "Fallback": break
                default: walk(child)
                }
            }
        }
        walk(p)
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).joined(separator: " ") }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// 1 for `Heading1` (or an outline level 0), 0 for `Title`, nil for body text.
    static func headingLevel(_ p: XMLNode) -> Int? {
        guard let pPr = p.child("pPr") else { return nil }
        if let style = pPr.child("pStyle")?["val"] {
            let lower = style.lowercased()
            if lower == "title" { return 0 }
            if lower.hasPrefix("heading"), let n = Int(lower.dropFirst("heading".count)) { return n }
        }
        if let level = Int(pPr.child("outlineLvl")?["val"] ?? ""), level < 9 { return level + 1 }
        return nil
    }
}
