import PlanModel

/// The coordinator's front pages (`front/*.md`) in HTML: a section each, its own headings
/// one level below the page title, tables with captions and header scopes.
enum HTMLFront {
    static func page(_ page: FrontPage) -> String {
        let anchor = PlanDocument.anchor(page)
        var caption = page.title
        let body = FrontText.blocks(page.lines).map { block -> String in
            switch block {
            case .heading(let level, let text):
                caption = text
                let tag = "h\(min(6, level + 1))"
                return "<\(tag)>\(HTMLRenderer.inline(text))</\(tag)>"
            case .text(let part):
                return HTMLRenderer.blockParts([part])
            case .table(let header, let rows):
                return HTMLRenderer.table(
                    caption: caption, class: "front-table", head: header.map(plain),
                    rows: rows.map { cells in
                        "<tr>"
                            + cells.enumerated().map { index, cell in
                                index == 0
                                    ? "<th scope=\"row\">\(HTMLRenderer.inline(cell))</th>"
                                    : "<td>\(HTMLRenderer.inline(cell))</td>"
                            }.joined() + "</tr>"
                    })
            }
        }
        return """
            <section class="front" id="\(anchor)" aria-labelledby="\(anchor)-heading">
            <h2 id="\(anchor)-heading">\(HTMLRenderer.inline(page.title))</h2>
            \(body.joined(separator: "\n"))
            </section>
            """
    }

    /// A header cell's text without its Markdown emphasis marks.
    static func plain(_ text: String) -> String { BlockText.spans(text).map(\.text).joined() }
}
