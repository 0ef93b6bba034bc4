import PlanModel

/// The HTML body of the plan: a timescale group, its recommendations with their text and
/// blocks, and each recommendation's actions table.
enum HTMLRecommendations {
    static func group(_ group: TimescaleGroup, in d: PlanDocument) -> String {
        let end = group.end.map { "<p>Actions in this group are due by \(DisplayText.longDay($0)).</p>" } ?? ""
        let recs =
            group.recommendations.isEmpty
            ? "<p>No recommendations.</p>"
            : group.recommendations.map { recommendation($0, in: d) }.joined(separator: "\n")
        return """
            <section class="timescale" id="\(group.anchor)">
            <h2>\(h(group.name))</h2>
            \(end)
            \(recs)
            </section>
            """
    }

    /// The heading, text and partners are kept together and with what follows (the first
    /// block or the table's first rows), so a heading never ends a printed page.
    static func recommendation(_ r: RecommendationEntry, in d: PlanDocument) -> String {
        var meta: [(String, String)] = [("Lead partner", h(r.lead.name))]
        if let officer = r.officer { meta.append(("Lead officer", h(officer))) }
        let others = r.partners.filter { $0.id != r.lead.id }
        if !others.isEmpty { meta.append(("Partners", others.map { h($0.name) }.joined(separator: "; "))) }
        let blocks = d.printedBlocks(r).map {
            "<section class=\"block block-\($0.kind.rawValue)\">\n<h4>\(h($0.kind.heading))</h4>\n"
                + HTMLRenderer.blockText($0.lines) + "\n</section>"
        }
        return """
            <article class="recommendation" id="\(r.anchor)">
            <div class="rec-head">
            <h3>Recommendation \(r.number)</h3>
            <p class="text">\(h(r.text))</p>
            \(HTMLRenderer.definitionList(meta))
            </div>
            \(blocks.joined(separator: "\n"))
            \(actionsTable(r, in: d))
            </article>
            """
    }

    static func actionsTable(_ r: RecommendationEntry, in d: PlanDocument) -> String {
        guard !r.actions.isEmpty else { return "<p class=\"no-actions\">No actions yet.</p>" }
        return HTMLRenderer.table(
            caption: "Recommendation \(r.number): actions", class: "actions",
            head: ["Ref", "Action", "Due", "Lead", "Partner", "Success criteria", "Status"],
            rows: r.actions.map { row($0, in: d) },
            colgroup: "<colgroup><col style=\"width:6%\"><col style=\"width:27%\"><col style=\"width:13%\">"
                + "<col style=\"width:12%\"><col style=\"width:12%\"><col style=\"width:19%\"><col style=\"width:11%\">"
                + "</colgroup>\n")
    }

    static func row(_ a: ActionRow, in d: PlanDocument) -> String {
        let rowClass = a.isOverdue ? " class=\"overdue\"" : ""
        return "<tr id=\"\(a.anchor)\"\(rowClass)>"
            + "<th scope=\"row\" class=\"ref\">\(a.ref)</th>"
            + "<td class=\"action\">\(h(a.text))\(more(a, in: d))</td>"
            + "<td class=\"due\">\(due(a, in: d))</td>"
            + "<td>\(a.leads.map(h).joined(separator: "<br>"))</td>"
            + "<td>\(h(a.partner.name))</td>"
            + "<td>\(list(a.success))</td>"
            + "<td>\(HTMLRenderer.status(a.status, d.reporting))</td></tr>"
    }

    static func due(_ a: ActionRow, in d: PlanDocument) -> String {
        guard let due = a.due else { return "<span class=\"flag\">No date</span>" }
        var out = h(due.text)
        if let reading = d.printedReading(due) { out += "<span class=\"reading\">\(h(reading))</span>" }
        if a.isOverdue { out += " <span class=\"flag\">Overdue</span>" }
        return out
    }

    /// The fields the seven columns leave out, under the action text, each "Label: value".
    static func more(_ a: ActionRow, in d: PlanDocument) -> String {
        var items: [(String, String)] = []
        if !a.milestones.isEmpty {
            items.append(("Milestones", a.milestones.map { h(DisplayText.milestone($0)) }.joined(separator: "; ")))
        }
        if let v = a.resources { items.append(("Resources", h(v))) }
        if let v = a.risk { items.append(("Risk", h(v))) }
        if let v = a.monitoring { items.append(("Monitoring", h(v))) }
        if !a.crossReferences.isEmpty {
            items.append(
                (
                    "See also",
                    a.crossReferences.map {
                        "<a href=\"#\(Anchor.crossReference($0))\">\(h($0.description))</a>"
                    }.joined(separator: ", ")
                ))
        }
        if !a.links.isEmpty { items.append(("Links", a.links.map(h).joined(separator: "; "))) }
        var out = items.isEmpty ? "" : HTMLRenderer.definitionList(items, class: "more")
        if !a.details.isEmpty { out += "<div class=\"more details\">\(HTMLRenderer.blockText(a.details))</div>" }
        let notes = d.printedNotes(a)
        if !notes.isEmpty {
            out += "<div class=\"more notes\"><strong>Notes:</strong> \(HTMLRenderer.blockText(notes))</div>"
        }
        return out
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: h(items[0])
        default: "<ul>" + items.map { "<li>\(h($0))</li>" }.joined() + "</ul>"
        }
    }

    static func h(_ text: String) -> String { Escaping.html(text) }
}
