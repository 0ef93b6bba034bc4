import Foundation

/// WordprocessingML building blocks: runs, paragraphs, tables and section properties, as
/// XML text. Every piece of plan text goes through `Escaping.xml`.
///
/// Measures are twentieths of a point (twips): A4 is 11906 x 16838.
enum WordML {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        """

    struct RunStyle: Hashable {
        var bold = false
        var italic = false
        /// Half-points (18 = 9pt); nil: the paragraph style's size.
        var size: Int?

        static let plain = RunStyle()
        static let bold = RunStyle(bold: true)
        static let italic = RunStyle(italic: true)
    }

    /// A run of text; line breaks in `text` become `<w:br/>`.
    static func run(_ text: String, _ style: RunStyle = .plain) -> String {
        var props = ""
        if style.bold { props += "<w:b/><w:bCs/>" }
        if style.italic { props += "<w:i/><w:iCs/>" }
        if let size = style.size { props += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        let body = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<w:t xml:space=\"preserve\">\(Escaping.xml(String($0)))</w:t>" }
            .joined(separator: "<w:br/>")
        return "<w:r>\(rPr)\(body)</w:r>"
    }

    /// Markdown-ish inline text: `*emphasis*` as italic runs.
    static func inline(_ text: String, size: Int? = nil) -> String {
        BlockText.spans(text).map { run($0.text, RunStyle(bold: $0.strong, italic: $0.emphasis, size: size)) }.joined()
    }

    static func paragraph(
        _ runs: String, style: String? = nil, keepNext: Bool = false, bullet: Bool = false,
        pageBreakBefore: Bool = false, bookmark: Bookmark? = nil
    ) -> String {
        var props = ""
        if let style { props += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { props += "<w:keepNext/>" }
        if pageBreakBefore { props += "<w:pageBreakBefore/>" }
        if bullet { props += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
        let body =
            bookmark.map {
                "<w:bookmarkStart w:id=\"\($0.id)\" w:name=\"\($0.name)\"/>\(runs)<w:bookmarkEnd w:id=\"\($0.id)\"/>"
            } ?? runs
        return "<w:p>" + (props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>") + body + "</w:p>"
    }

    /// A heading paragraph (its style keeps it with the next paragraph), with a bookmark the
    /// contents link to when it has one.
    static func heading(_ text: String, level: Int, bookmark: Bookmark? = nil, pageBreakBefore: Bool = false)
        -> String
    {
        paragraph(run(text), style: "Heading\(level)", pageBreakBefore: pageBreakBefore, bookmark: bookmark)
    }

    /// A bookmark on a heading: the target of a contents entry's link and page number.
    struct Bookmark: Hashable {
        var id: Int
        var name: String

        /// `_Toc_recommendation_6` from the HTML anchor `recommendation-6`: letters, digits and
        /// `_` only, at most 40 characters, as Word requires.
        init(id: Int, anchor: String) {
            self.id = id
            let safe = anchor.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
            self.name = String(("_Toc_" + String(safe)).prefix(40))
        }
    }

    /// The same paragraph kept with the next one (for a table row: with the next row).
    static func keepingNext(_ paragraph: String) -> String {
        if paragraph.hasPrefix("<w:p><w:pPr>") {
            guard !paragraph.contains("<w:keepNext/>") else { return paragraph }
            var rest = paragraph.dropFirst("<w:p><w:pPr>".count)
            var style = ""
            if rest.hasPrefix("<w:pStyle "), let end = rest.range(of: "/>") {
                style = String(rest[..<end.upperBound])
                rest = rest[end.upperBound...]
            }
            return "<w:p><w:pPr>" + style + "<w:keepNext/>" + rest
        }
        if paragraph.hasPrefix("<w:p>") { return "<w:p><w:pPr><w:keepNext/></w:pPr>" + paragraph.dropFirst(5) }
        if paragraph == "<w:p/>" { return "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>" }
        return paragraph
    }

    /// A free-text block's Markdown as paragraphs and bulleted paragraphs.
    static func blockText(_ lines: [String], size: Int? = nil) -> [String] {
        blockParts(BlockText.parts(lines), size: size)
    }

    static func blockParts(_ parts: [BlockText.Part], size: Int? = nil) -> [String] {
        parts.flatMap { part -> [String] in
            switch part {
            case .paragraph(let text): [paragraph(inline(text, size: size))]
            case .bullets(let items): items.map { paragraph(inline($0, size: size), bullet: true) }
            }
        }
    }

    // MARK: Tables

    struct Cell {
        /// Paragraph XML; an empty cell still gets one empty paragraph (Word requires it).
        var paragraphs: [String]
        /// Fill colour (hex, no `#`).
        var shading: String?
        /// A shading pattern over the fill (`pct20`: grey dots; `dkDiagStripe`...), nil for a
        /// plain fill. Tells apart two statuses that share a white fill in a chart.
        var pattern: String?
        /// No left or right border: a run of such cells reads as one open space (the empty
        /// part of a chart's bar row).
        var openSides = false

        init(_ paragraphs: [String], shading: String? = nil) {
            self.paragraphs = paragraphs
            self.shading = shading
        }

        init(text: String, style: RunStyle = .plain, shading: String? = nil) {
            self.init([WordML.paragraph(text.isEmpty ? "" : WordML.run(text, style))], shading: shading)
        }

        /// The cell with every paragraph kept with the next (so its row stays with the next).
        var keptWithNext: Cell {
            var kept = self
            kept.paragraphs = (paragraphs.isEmpty ? ["<w:p/>"] : paragraphs).map(WordML.keepingNext)
            return kept
        }
    }

    /// A table with a header row repeated on every page, rows that never split across pages,
    /// and fixed column widths (twips). The header row is kept with the first row, and the
    /// first `keepRows` rows with the row after them, so a table never starts on the last
    /// line of a page.
    static func table(widths: [Int], header: [String], rows: [[Cell]], keepRows: Int = 0) -> String {
        let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        let headCells = header.map { Cell(text: $0, style: .bold, shading: "D9E2F3") }
        let head = row(headCells.map(\.keptWithNext), widths: widths, isHeader: true)
        var rows = rows
        for index in rows.indices.prefix(min(keepRows, rows.count - 1)) {
            rows[index] = rows[index].map(\.keptWithNext)
        }
        return
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"PlanTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
            + "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
            + "<w:tblGrid>\(grid)</w:tblGrid>" + head
            + rows.map { row($0, widths: widths, isHeader: false) }.joined() + "</w:tbl>"
    }

    static func row(_ cells: [Cell], widths: [Int], isHeader: Bool) -> String {
        let trPr = "<w:trPr><w:cantSplit/>" + (isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
        let tcs = zip(cells, widths).map { cell, width in
            let shd =
                cell.shading.map {
                    "<w:shd w:val=\"\(cell.pattern ?? "clear")\" w:color=\"\(cell.pattern == nil ? "auto" : "7F7F7F")\" w:fill=\"\($0)\"/>"
                } ?? ""
            let sides =
                cell.openSides ? "<w:tcBorders><w:left w:val=\"nil\"/><w:right w:val=\"nil\"/></w:tcBorders>" : ""
            let body = cell.paragraphs.isEmpty ? "<w:p/>" : cell.paragraphs.joined()
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(sides)\(shd)</w:tcPr>\(body)</w:tc>"
        }
        return "<w:tr>\(trPr)\(tcs.joined())</w:tr>"
    }

    // MARK: Sections

    enum Orientation { case portrait, landscape }

    static let a4Short = 11906
    static let a4Long = 16838
    static let margin = 1134  // 2 cm

    /// The width between the margins of an A4 page.
    static func textWidth(_ orientation: Orientation) -> Int {
        (orientation == .portrait ? a4Short : a4Long) - 2 * margin
    }

    /// Section properties: A4 in the given orientation, the page-number footer, a new page.
    static func sectionProperties(_ orientation: Orientation) -> String {
        let size =
            orientation == .portrait
            ? "<w:pgSz w:w=\"\(a4Short)\" w:h=\"\(a4Long)\"/>"
            : "<w:pgSz w:w=\"\(a4Long)\" w:h=\"\(a4Short)\" w:orient=\"landscape\"/>"
        return "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(DOCXParts.footerID)\"/>"
            + "<w:type w:val=\"nextPage\"/>\(size)"
            + "<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\" "
            + "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr>"
    }

    /// Ends the section that the preceding paragraphs belong to, in a paragraph one point
    /// high with no spacing: it never spills onto a page of its own.
    static func sectionBreak(ending orientation: Orientation) -> String {
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
            + "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr>\(sectionProperties(orientation))</w:pPr></w:p>"
    }

    /// A small gap between two tables (Word joins tables with nothing between them).
    static let tableGap =
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"200\" w:lineRule=\"exact\"/></w:pPr></w:p>"
}
