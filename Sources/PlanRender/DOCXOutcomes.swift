import PlanModel

/// The DOCX "Actions by outcome area" table (outcome area × status), then each area's refs,
/// after the summary. Nothing when the plan lists no outcome areas.
enum DOCXOutcomes {
    static func section(_ d: PlanDocument) -> [String] {
        guard !d.outcomes.isEmpty else { return [] }
        let numberWidth = 950
        let columns = ActionStatus.reportingOrder.count + 1
        let table = WordML.table(
            widths: [WordML.textWidth(.portrait) - numberWidth * columns]
                + Array(repeating: numberWidth, count: columns),
            header: ["Outcome area", "Actions"] + ActionStatus.reportingOrder.map(DisplayText.status),
            rows: d.outcomes.map { area in
                [WordML.Cell(text: area.title, style: .bold), WordML.Cell(text: "\(area.figures.actions)")]
                    + area.figures.byStatus.map { WordML.Cell(text: "\($0.count)") }
            })
        return [
            WordML.heading("Actions by outcome area", level: 2),
            WordML.paragraph(
                WordML.run(
                    "An action serves its recommendation's outcome areas unless it names its own; "
                        + "an action serving two areas is counted in both.")),
            table,
        ] + d.outcomes.map { DOCXBody.labelled($0.title, $0.refs.isEmpty ? "None" : $0.refs.joined(separator: ", ")) }
    }
}
