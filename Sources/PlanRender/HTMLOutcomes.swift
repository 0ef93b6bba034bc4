import PlanModel

/// The HTML "Actions by outcome area" table: one row per outcome area of the manifest, the
/// actions serving it by status, and their refs. Nothing when the plan lists no areas.
enum HTMLOutcomes {
    /// The section, on a line of its own after the one it follows; "" when there is none.
    static func section(_ d: PlanDocument) -> String {
        guard !d.outcomes.isEmpty else { return "" }
        let rows = d.outcomes.map { area in
            let refs = area.refs.map { text in
                ActionRef(text).map { "<a href=\"#\(Anchor.action($0))\">\($0)</a>" } ?? Escaping.html(text)
            }
            return "<tr><th scope=\"row\">\(Escaping.html(area.title))</th>"
                + "<td class=\"num\">\(area.figures.actions)</td>"
                + area.figures.byStatus.map { "<td class=\"num\">\($0.count)</td>" }.joined()
                + "<td>\(refs.joined(separator: ", "))</td></tr>"
        }
        let table = HTMLRenderer.table(
            caption: "Actions by outcome area and status", class: "by-outcome",
            head: ["Outcome area", "Actions"] + ActionStatus.reportingOrder.map(DisplayText.status) + ["Refs"],
            rows: rows, numeric: Set(1...(ActionStatus.reportingOrder.count + 1)))
        return "\n" + """
            <section class="outcomes" id="outcomes" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">Actions by outcome area</h2>
            <p>The partnership's outcome areas. An action serves its recommendation's areas unless it names its own; \
            an action serving two areas is counted in both.</p>
            \(table)
            </section>
            """
    }
}
