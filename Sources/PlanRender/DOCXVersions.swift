import PlanModel

/// The DOCX paper's progress over time, drawn natively: what moved since the last Cabinet
/// version, the version history, and the trend as a table-based bar chart (each row a
/// version, its bar a run of narrow cells shaded in the status colours) followed by the
/// same figures as a table.
enum DOCXVersions {
    /// Cells in the longest bar; `barColumns` leaves room for the cell every non-zero
    /// status gets however small its share.
    static let barCells = 30
    static let barColumns = barCells + ActionStatus.reportingOrder.count

    /// The cover's meeting line, empty without one.
    static func coverMeta(_ d: PlanDocument) -> [(String, String)] {
        d.versions?.meeting.map { [("Meeting", $0.line)] } ?? []
    }

    /// The footer's meeting part, nil without one.
    static func footerPart(_ d: PlanDocument) -> String? {
        d.versions?.meeting.map { "for \($0.line)" }
    }

    /// The sections (portrait), empty when the caller gave no history.
    static func sections(_ d: PlanDocument, contents: DOCXContents) -> [String] {
        guard let v = d.versions else { return [] }
        let notes = d.includesNotes
        return moved(v, partners: d.partners, notes: notes, bookmark: contents.bookmark("moved-since"))
            + history(v, notes: notes, bookmark: contents.bookmark("version-history"))
            + trend(v, notes: notes, bookmark: contents.bookmark("trend"))
    }

    static func moved(_ v: VersionsModel, partners: [PartnerName], notes: Bool, bookmark: WordML.Bookmark?)
        -> [String]
    {
        guard let previous = v.previousLabel(notes: notes) else { return [] }
        let width = WordML.textWidth(.portrait)
        let changes = v.movedActions
        var out = [
            WordML.heading("Moved since the last Cabinet", level: 1, bookmark: bookmark),
            WordML.paragraph(WordML.run("Changes since \(previous): \(changes.count) action(s).")),
        ]
        if changes.isEmpty {
            out.append(
                WordML.paragraph(
                    WordML.run("No action was added, withdrawn, re-dated, re-assigned or changed status.", .italic)))
        } else {
            out.append(
                WordML.table(
                    widths: [1000, 1800, width - 2800], header: ["Action", "Partner", "Change"],
                    rows: changes.map {
                        [
                            WordML.Cell(text: $0.ref.description, style: .bold),
                            WordML.Cell(text: VersionsModel.partnerName($0.partner, in: partners)),
                            WordML.Cell(text: VersionsModel.describe($0)),
                        ]
                    }))
            out.append(WordML.paragraph(""))
        }
        return out
    }

    static func history(_ v: VersionsModel, notes: Bool, bookmark: WordML.Bookmark?) -> [String] {
        let versions = v.cabinetVersions
        guard !versions.isEmpty else { return [] }
        let width = WordML.textWidth(.portrait)
        return [
            WordML.heading("Version history", level: 1, bookmark: bookmark),
            WordML.table(
                widths: [2400, 1800, width - 6400, 1000, 1200],
                header: ["Version", "As of", "Meeting", "Actions", "Overdue"],
                rows: versions.map {
                    [
                        WordML.Cell(text: v.label($0, notes: notes)), WordML.Cell(text: DisplayText.longDay($0.day)),
                        WordML.Cell(text: $0.meeting?.line ?? ""), WordML.Cell(text: "\($0.figures.actions)"),
                        WordML.Cell(text: "\($0.figures.overdue)"),
                    ]
                }),
            WordML.paragraph(""),
        ]
    }

    static func trend(_ v: VersionsModel, notes: Bool, bookmark: WordML.Bookmark?) -> [String] {
        guard !v.cabinetVersions.isEmpty else { return [] }
        let width = WordML.textWidth(.portrait)
        let cell = 160
        let label = width - cell * barColumns - 900
        let most = max(1, v.versions.map(\.figures.actions).max() ?? 1)
        let bars = v.versions.map { version -> [WordML.Cell] in
            [WordML.Cell(text: v.dated(version, notes: notes))]
                + slots(version.figures.byStatus, most: most).map { slot in
                    var cell = slot.map(Self.swatch) ?? WordML.Cell([WordML.paragraph("")])
                    cell.openSides = true
                    return cell
                } + [WordML.Cell(text: "\(version.figures.actions)", style: .bold)]
        }
        let statusWidth = 1080
        let figures = WordML.table(
            widths: [width - statusWidth * (ActionStatus.reportingOrder.count + 1)]
                + Array(repeating: statusWidth, count: ActionStatus.reportingOrder.count + 1),
            header: ["Version"] + ActionStatus.reportingOrder.map(DisplayText.status) + ["Total"],
            rows: v.versions.map { version in
                [WordML.Cell(text: v.dated(version, notes: notes))]
                    + version.figures.byStatus.map { WordML.Cell(text: "\($0.count)") }
                    + [WordML.Cell(text: "\(version.figures.actions)")]
            })
        let key = ActionStatus.reportingOrder.map(Self.swatch)
        return [
            WordML.heading("Trend", level: 1, bookmark: bookmark),
            WordML.paragraph(
                WordML.run(
                    "Actions by status at each Cabinet version"
                        + (v.versions.last?.isCabinet == false ? " and now" : "")
                        + ": each bar is the version's actions, shaded by status in the order of the key.")),
            WordML.table(
                widths: [label] + Array(repeating: cell, count: barColumns) + [900],
                header: ["Version"] + Array(repeating: "", count: barColumns) + ["Total"], rows: bars),
            WordML.paragraph(WordML.run("Key", .bold)),
            WordML.table(
                widths: Array(repeating: width / key.count, count: key.count),
                header: ActionStatus.reportingOrder.map(DisplayText.status), rows: [key]),
            WordML.paragraph(WordML.run("The same figures:", .bold)),
            figures,
            WordML.paragraph(""),
        ]
    }

    /// A cell filled as `status` is drawn: its colour; the two white ones patterned, "not
    /// started" with light diagonal stripes and "no status" with grey dots (as the HTML chart
    /// draws them dashed and dotted), so that a bar's length shows whatever its statuses.
    static func swatch(_ status: ActionStatus?) -> WordML.Cell {
        var cell = WordML.Cell([WordML.paragraph("")], shading: DisplayText.statusColour(status))
        switch status {
        case .notStarted: cell.pattern = "ltDiagStripe"
        case nil: cell.pattern = "pct20"
        default: break
        }
        return cell
    }

    /// `barColumns` slots, `barCells` for `most` actions: each the status filling it, nil
    /// for empty. A status with any action gets at least one slot.
    static func slots(_ counts: [StatusCount], most: Int) -> [ActionStatus??] {
        var out: [ActionStatus??] = []
        for count in counts where count.count > 0 {
            let share = Int((Double(count.count) * Double(barCells) / Double(most)).rounded())
            out += Array(repeating: .some(count.status), count: max(1, share))
        }
        return Array((out + Array(repeating: .none, count: barColumns)).prefix(barColumns))
    }
}
