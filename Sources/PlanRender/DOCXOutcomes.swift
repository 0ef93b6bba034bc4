import PlanModel

/// The DOCX "Actions by outcome area" table (outcome area × status, with the refs), after
/// the summary. Nothing when the plan lists no outcome areas.
enum DOCXOutcomes {
    static func section(_ d: PlanDocument) -> [String] {
        guard !d.outcomes.isEmpty else { return [] }
        let statusWidth = 800
        let refsWidth = 2400
        let columns = ActionStatus.reportingOrder.count + 1
        let width = WordML.textWidth(.portrait)
        let table = WordML.table(
            widths: [width - statusWidth * columns - refsWidth] + Array(repeating: statusWidth, count: columns)
                + [refsWidth],
            header: ["Outcome area", "Actions"] + ActionStatus.reportingOrder.map(DisplayText.status) + ["Refs"],
            rows: d.outcomes.map { area in
                [WordML.Cell(text: area.title, style: .bold), WordML.Cell(text: "\(area.figures.actions)")]
                    + area.figures.byStatus.map { WordML.Cell(text: "\($0.count)") }
                    + [WordML.Cell(text: area.refs.joined(separator: ", "))]
            })
        return [
            WordML.heading("Actions by outcome area", level: 2),
            WordML.paragraph(
                WordML.run(
                    "An action serves its recommendation's outcome areas unless it names its own; "
                        + "an action serving two areas is counted in both.")),
            table,
        ]
    }
}
