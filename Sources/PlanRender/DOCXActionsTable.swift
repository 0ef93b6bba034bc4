import PlanModel

/// A recommendation's actions as a Word table for a landscape A4 page: Ref, Action, Due,
/// Lead, Partner, Success criteria, Status (shaded, with the word written).
enum DOCXActionsTable {
    /// Column widths in twips; they add up to the landscape text width.
    static let widths = [800, 3600, 1650, 1650, 1650, 3620, 1600]
    static let header = ["Ref", "Action", "Due", "Lead", "Partner", "Success criteria", "Status"]
    static let small = 19  // half-points: 9.5pt for the secondary lines

    /// The header row is kept with the first row, and the first row with the second.
    static func table(_ rows: [ActionRow], in d: PlanDocument) -> String {
        WordML.table(widths: widths, header: header, rows: rows.map { cells($0, in: d) }, keepRows: 1)
    }

    static func cells(_ a: ActionRow, in d: PlanDocument) -> [WordML.Cell] {
        [
            WordML.Cell(text: a.ref.description, style: .bold),
            WordML.Cell(action(a, in: d)),
            WordML.Cell(due(a, in: d)),
            WordML.Cell(a.leads.map { WordML.paragraph(WordML.run($0)) }),
            WordML.Cell(text: a.partner.name),
            WordML.Cell(a.success.map { WordML.paragraph(WordML.run($0), bullet: a.success.count > 1) }),
            DOCXBody.statusCell(a.status, d.reporting),
        ]
    }

    static func action(_ a: ActionRow, in d: PlanDocument) -> [String] {
        var fields: [(String, String)] = a.milestones.map { ("Milestone", DisplayText.milestone($0)) }
        if let v = a.resources { fields.append(("Resources", v)) }
        if let v = a.risk { fields.append(("Risk", v)) }
        if let v = a.monitoring { fields.append(("Monitoring", v)) }
        if !a.crossReferences.isEmpty {
            fields.append(("See also", a.crossReferences.map(\.description).joined(separator: ", ")))
        }
        fields += a.links.map { ("Link", $0) }
        fields += d.printedNotes(a).map { ("Note", $0) }
        return [WordML.paragraph(WordML.run(a.text))]
            + WordML.blockText(a.details, size: small)
            + fields.map { label, value in
                WordML.paragraph(
                    WordML.run("\(label): ", WordML.RunStyle(bold: true, size: small))
                        + WordML.run(value, WordML.RunStyle(size: small)))
            }
    }

    static func due(_ a: ActionRow, in d: PlanDocument) -> [String] {
        guard let due = a.due else { return [WordML.paragraph(WordML.run("No date", .italic))] }
        var out = [WordML.paragraph(WordML.run(due.text))]
        if let reading = d.printedReading(due) {
            out.append(WordML.paragraph(WordML.run(reading, WordML.RunStyle(italic: true, size: small))))
        }
        if a.isOverdue { out.append(WordML.paragraph(WordML.run("OVERDUE", .bold))) }
        return out
    }
}
