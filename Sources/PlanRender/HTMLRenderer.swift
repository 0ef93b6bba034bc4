import PlanModel

/// Renders a plan as one self-contained HTML5 file: inline CSS, inline SVG, no scripts and
/// no external requests. Prints on A4 (action plan pages landscape) with repeated table
/// headers and rows that never split.
public enum HTMLRenderer {
    public static func render(_ document: PlanDocument) -> String {
        let main: [String] =
            document.frontPages.map(HTMLFront.page) + [
                HTMLSummary.statusKey(document),
                HTMLSummary.section(document) + HTMLOutcomes.section(document),
                timeline(document),
            ] + HTMLVersions.sections(document) + document.groups.map { HTMLRecommendations.group($0, in: document) }
            + (document.includesNotes ? [provenance(document)] : [])
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="planmerge">
            <title>\(h(document.title))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            \(cover(document))
            \(contents(document))
            <main id="plan">
            \(main.joined(separator: "\n"))
            </main>
            \(footer(document))
            </body>
            </html>

            """
    }

    static func h(_ text: String) -> String { Escaping.html(text) }

    static func cover(_ d: PlanDocument) -> String {
        var meta: [(String, String)] = [("Inspection", h(d.inspection.name))]
        if let published = d.inspection.published { meta.append(("Report published", DisplayText.longDay(published))) }
        if let deadline = d.deadline {
            meta.append(
                (
                    "Statutory deadline",
                    "\(DisplayText.longDay(deadline)) (\(h(DisplayText.deadlineRule(d.deadlineRule))))"
                ))
        }
        for committee in d.committees { meta.append((h(committee.name), DisplayText.longDay(committee.date))) }
        meta += HTMLVersions.coverMeta(d)
        if d.includesNotes, let version = d.version { meta.append(("Version", "<code>\(h(version))</code>")) }
        if let today = d.today { meta.append(("Position at", DisplayText.longDay(today))) }
        return """
            <header class="cover">
            <p class="authority">\(h(d.authority))</p>
            <h1>\(h(d.title))</h1>
            \(definitionList(meta))
            </header>
            """
    }

    static func definitionList(_ items: [(term: String, value: String)], class name: String = "meta") -> String {
        let rows = items.map { "<dt>\($0.term):</dt> <dd>\($0.value)</dd>" }.joined(separator: "\n")
        return "<dl class=\"\(name)\">\n\(rows)\n</dl>"
    }

    /// The contents: every part by its own name, recommendations by their own numbers (the
    /// list carries no numbers of its own), each a link to its section.
    static func contents(_ d: PlanDocument) -> String {
        var items = d.frontPages.map { "<li><a href=\"#\(PlanDocument.anchor($0))\">\(h($0.title))</a></li>" }
        items += [
            "<li><a href=\"#status-key\">Status key</a></li>",
            "<li><a href=\"#summary\">Summary</a></li>",
            "<li><a href=\"#timeline\">Timeline of due dates</a></li>",
        ]
        items += (d.versions?.sections ?? []).map { "<li><a href=\"#\($0.anchor)\">\(h($0.title))</a></li>" }
        items += d.groups.map { group in
            let recs = group.recommendations.map {
                "<li><a href=\"#\($0.anchor)\">Recommendation \($0.number)</a>: \(h($0.text))</li>"
            }.joined(separator: "\n")
            return "<li><a href=\"#\(group.anchor)\">\(h(group.name))</a>\n<ul class=\"recs\">\n\(recs)\n</ul></li>"
        }
        if d.includesNotes { items.append("<li><a href=\"#provenance\">Provenance</a></li>") }
        return """
            <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">Contents</h2>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </nav>
            """
    }

    static func timeline(_ d: PlanDocument) -> String {
        // The timeline prints on a landscape page of its own, its figure across the page.
        let open = d.actions.filter { TimelineSVG.isListed($0.due) }.map {
            "<li><a href=\"#\($0.anchor)\">\($0.ref)</a> \(h($0.due?.text ?? "no due date"))"
                + ($0.due.flatMap(d.printedReading).map { " <span class=\"reading\">\(h($0))</span>" } ?? "")
                + "</li>"
        }
        let aside =
            open.isEmpty
            ? "<p>Every action has a date or a period.</p>"
            : "<ul>\n\(open.joined(separator: "\n"))\n</ul>"
        return """
            <section class="timeline-section" id="timeline">
            <h2>Timeline of due dates</h2>
            <div class="timeline">
            <figure>
            \(TimelineSVG.render(d))
            <figcaption>Each row is a recommendation: diamonds are due dates, bars are periods; \
            an overdue action is outlined in red and its reference says "overdue". \
            Vertical lines mark the statutory deadline, committee meetings and today.</figcaption>
            </figure>
            <div class="not-drawn">
            <h3>Actions not on the timeline</h3>
            \(aside)
            </div>
            </div>
            </section>
            """
    }

    static func provenance(_ d: PlanDocument) -> String {
        let rows = d.provenance.map { row in
            let s = row.source
            return
                "<tr><th scope=\"row\">\(h(row.partner.name))</th><td><code>\(h(s?.commit ?? "not recorded"))</code></td>"
                + "<td>\(h(s?.author ?? ""))</td><td>\(h(s?.date ?? ""))</td></tr>"
        }
        let version = d.version.map { "<p>Version: <code>\(h($0))</code></p>" } ?? ""
        return """
            <section class="provenance" id="provenance">
            <h2>Provenance</h2>
            \(version)
            \(table(caption: "Where each partner's part came from", class: "provenance-table", head: ["Partner", "Commit", "Author", "Date"], rows: rows))
            </section>
            """
    }

    static func footer(_ d: PlanDocument) -> String {
        var parts = [h(d.title)]
        if let today = d.today { parts.append("position at \(DisplayText.longDay(today))") }
        if let meeting = HTMLVersions.footerPart(d) { parts.append(meeting) }
        if d.includesNotes {
            parts.append("generated by planmerge")
            if let version = d.version { parts.append("version \(h(version))") }
        }
        if let at = d.generatedAt { parts.append(h(at)) }
        // On screen only: in print the cover says the same, and a footer after the last table
        // would risk a page of its own.
        return "<footer class=\"generated\"><p>\(parts.joined(separator: " · "))</p></footer>"
    }

    /// A status chip: the word always (and its RAG colour when the plan reports in RAG),
    /// with a border style and colour per status.
    static func status(_ status: ActionStatus?, _ reporting: StatusReporting = .words) -> String {
        let word = h(DisplayText.status(status, reporting))
        return "<span class=\"status status-\(DisplayText.statusKey(status))\">\(word)</span>"
    }

    /// A table in its scroll container (on a narrow screen only the table scrolls), with a
    /// caption and `scope` on every header cell. `head` cells are plain text, escaped here;
    /// `rows` are `<tr>` markup; `numeric` marks header columns aligned right.
    static func table(
        caption: String, class name: String, head: [String], rows: [String], numeric: Set<Int> = [],
        colgroup: String = "", hiddenCaption: Bool = false
    ) -> String {
        let heads = head.enumerated().map { index, text in
            text.isEmpty
                ? "<td></td>" : "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(h(text))</th>"
        }.joined()
        let captionClass = hiddenCaption ? " class=\"visually-hidden\"" : ""
        return """
            <div class="table-scroll" role="group" tabindex="0" aria-label="\(h(caption))">
            <table class="\(name)">
            <caption\(captionClass)>\(h(caption))</caption>
            \(colgroup)<thead><tr>\(heads)</tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </div>
            """
    }

    /// A free-text block's Markdown as paragraphs and lists, with `*emphasis*`.
    static func blockText(_ lines: [String]) -> String { blockParts(BlockText.parts(lines)) }

    static func blockParts(_ parts: [BlockText.Part]) -> String {
        parts.map { part in
            switch part {
            case .paragraph(let text): "<p>\(inline(text))</p>"
            case .bullets(let items):
                "<ul>\n" + items.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>"
            }
        }.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String {
        BlockText.spans(text).map {
            $0.strong ? "<strong>\(h($0.text))</strong>" : $0.emphasis ? "<em>\(h($0.text))</em>" : h($0.text)
        }.joined()
    }
}
