import PlanModel

/// `word/document.xml` for a plan: a portrait opening section (title, summary, contents),
/// one landscape section per timescale group (recommendations and their action tables),
/// and a portrait closing section (provenance).
enum DOCXBody {
    static func document(_ d: PlanDocument) -> String {
        var body: [String] = opening(d)
        body.append(WordML.sectionBreak(ending: .portrait))
        for group in d.groups {
            body += self.group(group)
            body.append(WordML.sectionBreak(ending: .landscape))
        }
        body += provenance(d)
        return DOCXParts.xmlHeader + "<w:document \(WordML.namespaces)><w:body>" + body.joined()
            + WordML.sectionProperties(.portrait) + "</w:body></w:document>"
    }

    static func opening(_ d: PlanDocument) -> [String] {
        var out = [
            WordML.paragraph(WordML.run(d.authority.uppercased(), .bold), style: "Subtitle"),
            WordML.paragraph(WordML.run(d.title), style: "Title"),
        ]
        var meta: [(String, String)] = [("Inspection", d.inspection.name)]
        if let p = d.inspection.published { meta.append(("Report published", DisplayText.longDay(p))) }
        if let deadline = d.deadline {
            meta.append(
                ("Statutory deadline", "\(DisplayText.longDay(deadline)) (\(DisplayText.deadlineRule(d.deadlineRule)))")
            )
        }
        meta += d.committees.map { ($0.name, DisplayText.longDay($0.date)) }
        meta += DOCXVersions.coverMeta(d)
        if let v = d.version { meta.append(("Version", v)) }
        if let today = d.today { meta.append(("Position at", DisplayText.longDay(today))) }
        if let at = d.generatedAt { meta.append(("Generated", at)) }
        out += meta.map { labelled($0.0, $0.1) }

        out.append(WordML.heading("Contents", level: 1))
        for group in d.groups {
            out.append(WordML.paragraph(WordML.run(group.name, .bold), keepNext: true))
            out += group.recommendations.map {
                WordML.paragraph(WordML.run("Recommendation \($0.number): ", .bold) + WordML.run($0.text), bullet: true)
            }
        }
        return out + summary(d) + DOCXVersions.sections(d)
    }

    static func summary(_ d: PlanDocument) -> [String] {
        let s = d.summary
        let width = WordML.textWidth(.portrait)
        let byStatus = WordML.table(
            widths: [width - 1800, 1800], header: ["Status", "Actions"],
            rows: s.byStatus.map { [statusCell($0.status), WordML.Cell(text: "\($0.count)")] }
                + [[WordML.Cell(text: "Total", style: .bold), WordML.Cell(text: "\(s.total)", style: .bold)]])
        let statusWidth = 900
        let byPartner = WordML.table(
            widths: [width - statusWidth * (ActionStatus.reportingOrder.count + 1)]
                + Array(repeating: statusWidth, count: ActionStatus.reportingOrder.count + 1),
            header: ["Partner", "Actions"] + ActionStatus.reportingOrder.map(DisplayText.status),
            rows: s.byPartner.map { tally in
                [WordML.Cell(text: tally.partner.name), WordML.Cell(text: "\(tally.total)")]
                    + tally.byStatus.map { WordML.Cell(text: "\($0.count)") }
            })
        func refs(_ title: String, _ list: [ActionRef], empty: String = "None") -> String {
            labelled("\(title) (\(list.count))", list.isEmpty ? empty : list.map(\.description).joined(separator: ", "))
        }
        return [
            WordML.heading("Summary", level: 1),
            WordML.paragraph(WordML.run("\(s.total) actions across \(d.recommendations.count) recommendations.")),
            WordML.heading("Actions by status", level: 2), byStatus,
            WordML.heading("Actions by partner", level: 2), byPartner,
            WordML.heading("Actions to watch", level: 2),
            refs("Overdue", s.overdue, empty: d.today == nil ? "Not assessed" : "None"),
            refs("Dates to be confirmed", s.toBeConfirmed), refs("Due dates not understood", s.unread),
            refs("No due date", s.undated),
        ]
    }

    static func group(_ g: TimescaleGroup) -> [String] {
        var out = [WordML.heading(g.name, level: 1)]
        if let end = g.end {
            out.append(
                WordML.paragraph(WordML.run("Actions in this group are due by \(DisplayText.longDay(end)).", .italic)))
        }
        for r in g.recommendations {
            out.append(WordML.heading("Recommendation \(r.number)", level: 2))
            out.append(WordML.paragraph(WordML.run(r.text, .bold)))
            out.append(labelled("Lead partner", r.lead.name))
            if let officer = r.officer { out.append(labelled("Lead officer", officer)) }
            let others = r.partners.filter { $0.id != r.lead.id }
            if !others.isEmpty { out.append(labelled("Partners", others.map(\.name).joined(separator: "; "))) }
            for block in r.blocks {
                out.append(WordML.heading(block.kind.heading, level: 3))
                out += WordML.blockText(block.lines)
            }
            out.append(
                r.actions.isEmpty
                    ? WordML.paragraph(WordML.run("No actions yet.", .italic))
                    : DOCXActionsTable.table(r.actions))
            out.append(WordML.paragraph(""))  // keeps consecutive tables apart
        }
        return out
    }

    static func provenance(_ d: PlanDocument) -> [String] {
        let width = WordML.textWidth(.portrait)
        var out = [WordML.heading("Provenance", level: 1)]
        if let v = d.version { out.append(labelled("Version", v)) }
        out.append(
            WordML.table(
                widths: [width - 5400, 1600, 2200, 1600], header: ["Partner", "Commit", "Author", "Date"],
                rows: d.provenance.map { row in
                    [
                        WordML.Cell(text: row.partner.name), WordML.Cell(text: row.source?.commit ?? "not recorded"),
                        WordML.Cell(text: row.source?.author ?? ""), WordML.Cell(text: row.source?.date ?? ""),
                    ]
                }))
        out.append(WordML.paragraph(""))
        return out
    }

    /// `Label: value` with the label in bold.
    static func labelled(_ label: String, _ value: String) -> String {
        WordML.paragraph(WordML.run("\(label): ", .bold) + WordML.run(value))
    }

    /// The status word, bold, on the status colour.
    static func statusCell(_ status: ActionStatus?) -> WordML.Cell {
        WordML.Cell(text: DisplayText.status(status), style: .bold, shading: DisplayText.statusColour(status))
    }
}
