import PlanModel

/// Renders a plan as one self-contained HTML5 file: inline CSS, inline SVG, no scripts and
/// no external requests. Prints on A4 (action plan pages landscape) with repeated table
/// headers and rows that never split.
public enum HTMLRenderer {
    public static func render(_ document: PlanDocument) -> String {
        let body: [String] =
            [
                cover(document),
                contents(document),
                HTMLSummary.section(document),
                timeline(document),
            ] + HTMLVersions.sections(document) + document.groups.map(HTMLRecommendations.group) + [
                provenance(document), footer(document),
            ]
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
            \(body.joined(separator: "\n"))
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
        if let version = d.version { meta.append(("Version", "<code>\(h(version))</code>")) }
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
        let rows = items.map { "<dt>\($0.term)</dt><dd>\($0.value)</dd>" }.joined(separator: "\n")
        return "<dl class=\"\(name)\">\n\(rows)\n</dl>"
    }

    static func contents(_ d: PlanDocument) -> String {
        let groups = d.groups.map { group in
            let recs = group.recommendations.map {
                "<li><a href=\"#\($0.anchor)\">Recommendation \($0.number)</a>: \(h($0.text))</li>"
            }.joined(separator: "\n")
            return "<li><a href=\"#\(group.anchor)\">\(h(group.name))</a>\n<ol class=\"recs\">\n\(recs)\n</ol></li>"
        }
        return """
            <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">Contents</h2>
            <ol>
            <li><a href="#summary">Summary</a></li>
            <li><a href="#timeline">Timeline of due dates</a></li>
            \(groups.joined(separator: "\n"))
            <li><a href="#provenance">Provenance</a></li>
            </ol>
            </nav>
            """
    }

    static func timeline(_ d: PlanDocument) -> String {
        let open = d.actions.filter { TimelineSVG.isListed($0.due) }.map {
            "<li><a href=\"#\($0.anchor)\">\($0.ref)</a> \(h($0.due?.text ?? "no due date"))"
                + ($0.due.flatMap(DisplayText.readingIfNew).map { " <span class=\"reading\">\(h($0))</span>" } ?? "")
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
            <figcaption>Each row is a recommendation: diamonds are due dates, bars are periods. \
            Vertical lines mark the statutory deadline, committee meetings and today.</figcaption>
            </figure>
            <aside>
            <h3>Open, unread or missing dates</h3>
            \(aside)
            </aside>
            </div>
            </section>
            """
    }

    static func provenance(_ d: PlanDocument) -> String {
        let rows = d.provenance.map { row in
            let s = row.source
            return "<tr><td>\(h(row.partner.name))</td><td><code>\(h(s?.commit ?? "not recorded"))</code></td>"
                + "<td>\(h(s?.author ?? ""))</td><td>\(h(s?.date ?? ""))</td></tr>"
        }
        let version = d.version.map { "<p>Version: <code>\(h($0))</code></p>" } ?? ""
        return """
            <section class="provenance" id="provenance">
            <h2>Provenance</h2>
            \(version)
            <table>
            <thead><tr><th>Partner</th><th>Commit</th><th>Author</th><th>Date</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </section>
            """
    }

    static func footer(_ d: PlanDocument) -> String {
        var parts = ["Generated by planmerge"]
        if let version = d.version { parts.append("version \(h(version))") }
        if let meeting = HTMLVersions.footerPart(d) { parts.append(meeting) }
        if let at = d.generatedAt { parts.append(h(at)) }
        return "<footer class=\"generated\"><p>\(parts.joined(separator: " · "))</p></footer>"
    }

    /// A status chip: the word always, with a border style and colour per status.
    static func status(_ status: ActionStatus?) -> String {
        "<span class=\"status status-\(DisplayText.statusKey(status))\">\(DisplayText.status(status))</span>"
    }

    /// A free-text block's Markdown as paragraphs and lists, with `*emphasis*`.
    static func blockText(_ lines: [String]) -> String {
        BlockText.parts(lines).map { part in
            switch part {
            case .paragraph(let text): "<p>\(inline(text))</p>"
            case .bullets(let items):
                "<ul>\n" + items.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>"
            }
        }.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String {
        BlockText.spans(text).map { $0.emphasis ? "<em>\(h($0.text))</em>" : h($0.text) }.joined()
    }
}
