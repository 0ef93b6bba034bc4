import Foundation
import PlanModel

/// The Markdown of a front page (`front/*.md`) read into blocks: headings, paragraphs,
/// bullet lists and pipe tables, what the HTML, DOCX and Markdown renderers lay out.
///
/// A table is a `|`-line followed by a `|---|` line, then every following `|`-line. A
/// heading's level is counted from the page: `##` is a section of the page, `###` below it.
enum FrontText {
    enum Block: Hashable, Sendable {
        case heading(level: Int, text: String)
        case text(BlockText.Part)
        case table(header: [String], rows: [[String]])
    }

    static func blocks(_ lines: [String]) -> [Block] {
        var out: [Block] = []
        var pending: [String] = []
        func flush() {
            out += BlockText.parts(pending).map(Block.text)
            pending = []
        }
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if let heading = heading(line) {
                flush()
                out.append(heading)
            } else if line.hasPrefix("|"), index + 1 < lines.count, isRule(lines[index + 1]) {
                flush()
                var rows: [[String]] = []
                var next = index + 2
                while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
                    rows.append(cells(lines[next]))
                    next += 1
                }
                out.append(.table(header: cells(line), rows: rows))
                index = next
                continue
            } else {
                pending.append(lines[index])
            }
            index += 1
        }
        flush()
        return out
    }

    static func heading(_ line: String) -> Block? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return .heading(level: hashes, text: line.dropFirst(hashes).trimmingCharacters(in: .whitespaces))
    }

    /// `|---|:---:|` (the line under a table's header).
    static func isRule(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("|") && trimmed.contains("-")
            && trimmed.allSatisfy { "|-: ".contains($0) }
    }

    /// The cells of a `| a | b |` line, trimmed; `\|` is a bar inside a cell.
    static func cells(_ line: String) -> [String] {
        var trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("|") { trimmed.removeFirst() }
        if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") { trimmed.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in trimmed {
            if escaped {
                current.append(c == "|" ? "|" : "\\\(c)")
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }
}
