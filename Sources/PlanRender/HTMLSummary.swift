import PlanModel

/// The HTML summary: actions by status, by partner, and the lists a coordinator chases.
enum HTMLSummary {
    static func section(_ d: PlanDocument) -> String {
        let s = d.summary
        let statusRows = s.byStatus.map {
            "<tr><td>\(HTMLRenderer.status($0.status))</td><td class=\"num\">\($0.count)</td></tr>"
        }
        let statusHeads = ActionStatus.reportingOrder.map { "<th class=\"num\">\(DisplayText.status($0))</th>" }
            .joined()
        let partnerRows = s.byPartner.map { tally in
            "<tr><td>\(h(tally.partner.name))</td><td class=\"num\">\(tally.total)</td>"
                + tally.byStatus.map { "<td class=\"num\">\($0.count)</td>" }.joined() + "</tr>"
        }
        return """
            <section class="summary" id="summary">
            <h2>Summary</h2>
            <p>\(s.total) actions across \(d.recommendations.count) recommendations.</p>
            <h3>Actions by status</h3>
            <table class="by-status">
            <thead><tr><th>Status</th><th class="num">Actions</th></tr></thead>
            <tbody>
            \(statusRows.joined(separator: "\n"))
            <tr><th>Total</th><th class="num">\(s.total)</th></tr>
            </tbody>
            </table>
            <h3>Actions by partner</h3>
            <table class="by-partner">
            <thead><tr><th>Partner</th><th class="num">Actions</th>\(statusHeads)</tr></thead>
            <tbody>
            \(partnerRows.joined(separator: "\n"))
            </tbody>
            </table>
            \(refList("Overdue", s.overdue, empty: d.today == nil ? "Not assessed: no date given for today." : "None."))
            \(refList("Dates to be confirmed", s.toBeConfirmed, empty: "None."))
            \(refList("Due dates not understood", s.unread, empty: "None."))
            \(refList("No due date", s.undated, empty: "None."))
            </section>
            """
    }

    static func refList(_ title: String, _ refs: [ActionRef], empty: String) -> String {
        let body =
            refs.isEmpty
            ? empty
            : refs.map { "<a href=\"#\(Anchor.action($0))\">\($0)</a>" }.joined(separator: ", ")
        return "<h3>\(title) (\(refs.count))</h3>\n<p>\(body)</p>"
    }

    static func h(_ text: String) -> String { Escaping.html(text) }
}
