import PlanModel

/// The coordinator's front pages (`front/*.md`) in the Word document: each starts a page
/// under a level-1 heading; its own headings sit one level below; tables span the text
/// width, each column as wide as its text asks.
enum DOCXFront {
    static func page(_ page: FrontPage, bookmark: WordML.Bookmark?) -> [String] {
        var out = [WordML.heading(page.title, level: 1, bookmark: bookmark, pageBreakBefore: true)]
        let blocks = FrontText.blocks(page.lines)
        for (index, block) in blocks.enumerated() {
            let beforeTable =
                index + 1 < blocks.count && { if case .table = blocks[index + 1] { true } else { false } }()
            switch block {
            case .heading(let level, let text):
                out.append(WordML.heading(text, level: min(3, level + 1)))
            case .text(let part):
                var paragraphs = WordML.blockParts([part])
                if beforeTable, let last = paragraphs.popLast() { paragraphs.append(WordML.keepingNext(last)) }
                out += paragraphs
            case .table(let header, let rows):
                out.append(table(header: header, rows: rows))
                out.append(WordML.tableGap)
            }
        }
        return out
    }

    static func table(header: [String], rows: [[String]]) -> String {
        let columns = max(1, ([header.count] + rows.map(\.count)).max() ?? 1)
        let width = WordML.textWidth(.portrait)
        // Each column as wide as its header or its average cell asks, between 6 and 60
        // characters' worth: a glossary's terms narrow, its meanings wide.
        let weights = (0..<columns).map { column in
            let lengths = rows.map { column < $0.count ? $0[column].count : 0 }
            let average = lengths.isEmpty ? 0 : lengths.reduce(0, +) / lengths.count
            return min(60, max(6, column < header.count ? header[column].count : 0, average))
        }
        let total = weights.reduce(0, +)
        var widths = weights.map { width * $0 / total }
        widths[0] += width - widths.reduce(0, +)
        func cells(_ row: [String]) -> [WordML.Cell] {
            (0..<columns).map { index in
                index < row.count ? WordML.Cell([WordML.paragraph(WordML.inline(row[index]))]) : WordML.Cell(text: "")
            }
        }
        let plainHeader = (0..<columns).map { $0 < header.count ? HTMLFront.plain(header[$0]) : "" }
        return WordML.table(widths: widths, header: plainHeader, rows: rows.map(cells), keepRows: 1)
    }
}
