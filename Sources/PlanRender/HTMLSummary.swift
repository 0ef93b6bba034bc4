import PlanModel

/// The HTML summary: actions by status, by partner, and the lists a coordinator chases;
/// and the status key that says what each status word means.
enum HTMLSummary {
    static func section(_ d: PlanDocument) -> String {
        let s = d.summary
        let statusRows =
            s.byStatus.map {
                "<tr><td>\(HTMLRenderer.status($0.status, d.reporting))</td><td class=\"num\">\($0.count)</td></tr>"
            } + ["<tr><th scope=\"row\">Total</th><td class=\"num total\">\(s.total)</td></tr>"]
        let partnerRows = s.byPartner.map { tally in
            "<tr><th scope=\"row\">\(h(tally.partner.name))</th><td class=\"num\">\(tally.total)</td>"
                + tally.byStatus.map { "<td class=\"num\">\($0.count)</td>" }.joined() + "</tr>"
        }
        let statusHeads = ActionStatus.reportingOrder.map { DisplayText.status($0, d.reporting) }
        return """
            <section class="summary" id="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            <p>\(s.total) actions across \(d.recommendations.count) recommendations.</p>
            \(HTMLRenderer.table(
                caption: "Actions by status", class: "by-status", head: ["Status", "Actions"], rows: statusRows,
                numeric: [1]))
            \(HTMLRenderer.table(
                caption: "Actions by partner", class: "by-partner", head: ["Partner", "Actions"] + statusHeads,
                rows: partnerRows, numeric: Set(1...statusHeads.count + 1)))
            \(refList("Overdue", s.overdue, empty: d.today == nil ? "Not assessed: no date given for today." : "None."))
            \(refList("Dates to be confirmed", s.toBeConfirmed, empty: "None."))
            \(refList(d.unreadTitle, s.unread, empty: "None."))
            \(refList("No due date", s.undated, empty: "None."))
            </section>
            """
    }

    /// What each status means, with its chip (and its RAG colour when the plan reports so).
    static func statusKey(_ d: PlanDocument) -> String {
        let rag = d.reporting == .rag
        let rows = ActionStatus.reportingOrder.map { status in
            "<tr><td>\(HTMLRenderer.status(status, d.reporting))</td>"
                + (rag ? "<td>\(DisplayText.ragColour(status) ?? "none")</td>" : "")
                + "<td>\(h(DisplayText.meaning(status)))</td></tr>"
        }
        let intro =
            rag
            ? "Partners report each action's progress as a RAG colour: Green on track, Amber at risk, Red off track, Blue done."
            : "Partners report each action's progress in one of these words."
        return """
            <section class="status-key" id="status-key" aria-labelledby="status-key-heading">
            <h2 id="status-key-heading">Status key</h2>
            <p>\(intro) An action due before the position date and not done is marked Overdue.</p>
            \(HTMLRenderer.table(
                caption: "What each status means", class: "key", head: ["Status"] + (rag ? ["RAG colour"] : []) + ["Meaning"],
                rows: rows))
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
