import PlanModel

/// The HTML paper's progress over time: the meeting on the cover and footer, what moved
/// since the last Cabinet version, the version history and the trend (an inline SVG chart
/// with the same figures as a table beside it, for screen readers and for print).
enum HTMLVersions {
    static func h(_ text: String) -> String { Escaping.html(text) }

    /// The cover's meeting line (`Meeting`, `Cabinet, 8 September 2008, item 15`).
    static func coverMeta(_ d: PlanDocument) -> [(String, String)] {
        d.versions?.meeting.map { [("Meeting", h($0.line))] } ?? []
    }

    /// The footer's meeting part, nil without one.
    static func footerPart(_ d: PlanDocument) -> String? {
        d.versions?.meeting.map { "for \(h($0.line))" }
    }

    /// The sections, in reading order; empty when the caller gave no history.
    static func sections(_ d: PlanDocument) -> [String] {
        guard let v = d.versions else { return [] }
        let notes = d.includesNotes
        return [moved(v, partners: d.partners, notes: notes), history(v, notes: notes), trend(v, notes: notes)]
            .compactMap { $0 }
    }

    static func moved(_ v: VersionsModel, partners: [PartnerName], notes: Bool) -> String? {
        guard let previous = v.previousLabel(notes: notes) else { return nil }
        let changes = v.movedActions
        let body =
            changes.isEmpty
            ? "<p>No action was added, withdrawn, re-dated, re-assigned or changed status.</p>"
            : HTMLRenderer.table(
                caption: "Actions changed since \(previous)", class: "moved", head: ["Action", "Partner", "Change"],
                rows: changes.map {
                    "<tr><th scope=\"row\">\($0.ref)</th><td>\(h(VersionsModel.partnerName($0.partner, in: partners)))</td>"
                        + "<td>\(h(VersionsModel.describe($0)))</td></tr>"
                })
        return """
            <section class="moved-since" id="moved-since" aria-labelledby="moved-since-heading">
            <h2 id="moved-since-heading">Moved since the last Cabinet</h2>
            <p>Changes since \(h(previous)): \(changes.count) action(s).</p>
            \(body)
            </section>
            """
    }

    static func history(_ v: VersionsModel, notes: Bool) -> String? {
        let rows = v.cabinetVersions.map { version in
            "<tr><th scope=\"row\">\(h(v.label(version, notes: notes)))</th><td>\(DisplayText.longDay(version.day))</td>"
                + "<td>\(h(version.meeting?.line ?? ""))</td><td class=\"num\">\(version.figures.actions)</td>"
                + "<td class=\"num\">\(version.figures.overdue)</td></tr>"
        }
        guard !rows.isEmpty else { return nil }
        return """
            <section class="version-history" id="version-history" aria-labelledby="version-history-heading">
            <h2 id="version-history-heading">Version history</h2>
            \(HTMLRenderer.table(
                caption: "Cabinet versions up to this one, with their figures as of their own day", class: "versions",
                head: ["Version", "As of", "Meeting", "Actions", "Overdue"], rows: rows, numeric: [3, 4]))
            </section>
            """
    }

    static func trend(_ v: VersionsModel, notes: Bool) -> String? {
        guard !v.cabinetVersions.isEmpty else { return nil }
        let rows = v.versions.map { version in
            "<tr><th scope=\"row\">\(h(v.dated(version, notes: notes)))</th>"
                + version.figures.byStatus.map { "<td class=\"num\">\($0.count)</td>" }.joined()
                + "<td class=\"num\">\(version.figures.actions)</td></tr>"
        }
        return """
            <section class="trend" id="trend" aria-labelledby="trend-heading">
            <h2 id="trend-heading">Trend</h2>
            <figure>
            \(chart(v, notes: notes))
            <figcaption id="trend-caption">Actions by status at each Cabinet version\
            \(v.versions.last?.isCabinet == false ? " and now" : ""); the table below gives the same figures.</figcaption>
            </figure>
            \(HTMLRenderer.table(
                caption: "Actions by status at each version", class: "trend-table",
                head: ["Version"] + ActionStatus.reportingOrder.map(DisplayText.status) + ["Total"], rows: rows,
                numeric: Set(1...(ActionStatus.reportingOrder.count + 1))))
            </section>
            """
    }

    /// Stacked horizontal bars, one per version, segments in status order and colour.
    static func chart(_ v: VersionsModel, notes: Bool) -> String {
        let labelWidth = 250.0
        let barWidth = 460.0
        let rowHeight = 30.0
        let legendHeight = 30.0
        let most = max(1, v.versions.map(\.figures.actions).max() ?? 1)
        var parts: [String] = []
        for (index, version) in v.versions.enumerated() {
            let y = Double(index) * rowHeight + 4
            parts.append(
                "<text x=\"0\" y=\"\(y + 16)\" font-size=\"14\">\(h(v.dated(version, notes: notes)))</text>")
            var x = labelWidth
            for count in version.figures.byStatus where count.count > 0 {
                let width = barWidth * Double(count.count) / Double(most)
                parts.append(
                    "<rect x=\"\(fmt(x))\" y=\"\(y)\" width=\"\(fmt(width))\" height=\"20\" "
                        + "fill=\"#\(DisplayText.statusColour(count.status))\" \(outline(count.status))>"
                        + "<title>\(h(v.dated(version, notes: notes))): \(DisplayText.status(count.status)) \(count.count)</title></rect>"
                )
                x += width
            }
            parts.append(
                "<text x=\"\(fmt(x + 4))\" y=\"\(y + 16)\" font-size=\"14\">\(version.figures.actions)</text>")
        }
        let legendY = Double(v.versions.count) * rowHeight + 8
        for (index, status) in ActionStatus.reportingOrder.enumerated() {
            let x = Double(index) * 125
            parts.append(
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(legendY))\" width=\"14\" height=\"14\" "
                    + "fill=\"#\(DisplayText.statusColour(status))\" \(outline(status))/>"
                    + "<text x=\"\(fmt(x + 18))\" y=\"\(fmt(legendY + 12))\" font-size=\"14\">\(DisplayText.status(status))</text>"
            )
        }
        let width = max(labelWidth + barWidth + 40, Double(ActionStatus.reportingOrder.count) * 125)
        let height = legendY + legendHeight
        return "<svg class=\"trend-chart\" role=\"img\" aria-labelledby=\"trend-caption\" "
            + "viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"100%\" "
            + "xmlns=\"http://www.w3.org/2000/svg\">\n\(parts.joined(separator: "\n"))\n</svg>"
    }

    /// The segment's outline: solid, dashed for "not started" and dotted for "no status" (as
    /// the status chips), so the two white fills stay apart without colour.
    static func outline(_ status: ActionStatus?) -> String {
        let dash =
            switch status {
            case .notStarted: " stroke-dasharray=\"4 2\""
            case nil: " stroke-dasharray=\"1 2\""
            default: ""
            }
        return "stroke=\"#333333\" stroke-width=\"1\"\(dash)"
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
