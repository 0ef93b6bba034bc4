import PlanModel

/// `word/document.xml` for a plan: a portrait opening section (cover, contents, the front
/// pages, the status key, the summary), a landscape section for the timeline, one landscape
/// section per timescale group (recommendations and their action tables), and, with notes,
/// a portrait closing section (provenance).
enum DOCXBody {
    static func document(_ d: PlanDocument) -> String {
        let contents = DOCXContents(d)
        var body: [String] = opening(d, contents: contents)
        body.append(WordML.sectionBreak(ending: .portrait))
        body += DOCXTimeline.section(d, bookmark: contents.bookmark("timeline"))
        for group in d.groups {
            body.append(WordML.sectionBreak(ending: .landscape))
            body += self.group(group, in: d, contents: contents)
        }
        if d.includesNotes {
            body.append(WordML.sectionBreak(ending: .landscape))
            body += provenance(d, bookmark: contents.bookmark("provenance"))
            return DOCXParts.xmlHeader + "<w:document \(WordML.namespaces)><w:body>" + body.joined()
                + WordML.sectionProperties(.portrait) + "</w:body></w:document>"
        }
        return DOCXParts.xmlHeader + "<w:document \(WordML.namespaces)><w:body>" + body.joined()
            + WordML.sectionProperties(.landscape) + "</w:body></w:document>"
    }

    static func opening(_ d: PlanDocument, contents: DOCXContents) -> [String] {
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
        if d.includesNotes, let v = d.version { meta.append(("Version", v)) }
        if let today = d.today { meta.append(("Position at", DisplayText.longDay(today))) }
        if let at = d.generatedAt { meta.append(("Generated", at)) }
        out += meta.map { labelled($0.0, $0.1) }

        out.append(WordML.heading("Contents", level: 1, pageBreakBefore: true))
        out += contents.field()
        for page in d.frontPages {
            out += DOCXFront.page(page, bookmark: contents.bookmark(PlanDocument.anchor(page)))
        }
        out += statusKey(d, bookmark: contents.bookmark("status-key"))
        out += summary(d, bookmark: contents.bookmark("summary"))
        return out + DOCXOutcomes.section(d) + DOCXVersions.sections(d, contents: contents)
    }

    /// What each status word means (and its RAG colour when the plan reports in RAG).
    static func statusKey(_ d: PlanDocument, bookmark: WordML.Bookmark?) -> [String] {
        let width = WordML.textWidth(.portrait)
        let rag = d.reporting == .rag
        let widths = rag ? [2200, 1400, width - 3600] : [2200, width - 2200]
        let intro =
            rag
            ? "Partners report each action's progress as a RAG colour: Green on track, Amber at risk, Red off track, Blue done."
            : "Partners report each action's progress in one of these words."
        return [
            WordML.heading("Status key", level: 1, bookmark: bookmark, pageBreakBefore: true),
            WordML.paragraph(
                WordML.run(intro + " An action due before the position date and not done is marked Overdue."),
                keepNext: true),
            WordML.table(
                widths: widths, header: ["Status"] + (rag ? ["RAG colour"] : []) + ["Meaning"],
                rows: ActionStatus.reportingOrder.map { status in
                    [statusCell(status, d.reporting)]
                        + (rag ? [WordML.Cell(text: DisplayText.ragColour(status) ?? "none")] : [])
                        + [WordML.Cell(text: DisplayText.meaning(status))]
                }),
        ]
    }

    static func summary(_ d: PlanDocument, bookmark: WordML.Bookmark?) -> [String] {
        let s = d.summary
        let width = WordML.textWidth(.portrait)
        let byStatus = WordML.table(
            widths: [width - 1800, 1800], header: ["Status", "Actions"],
            rows: s.byStatus.map { [statusCell($0.status, d.reporting), WordML.Cell(text: "\($0.count)")] }
                + [[WordML.Cell(text: "Total", style: .bold), WordML.Cell(text: "\(s.total)", style: .bold)]],
            keepRows: 2)
        let statusWidth = 1000
        let byPartner = WordML.table(
            widths: [width - statusWidth * (ActionStatus.reportingOrder.count + 1)]
                + Array(repeating: statusWidth, count: ActionStatus.reportingOrder.count + 1),
            header: ["Partner", "Actions"] + ActionStatus.reportingOrder.map { DisplayText.status($0, d.reporting) },
            rows: s.byPartner.map { tally in
                [WordML.Cell(text: tally.partner.name), WordML.Cell(text: "\(tally.total)")]
                    + tally.byStatus.map { WordML.Cell(text: "\($0.count)") }
            }, keepRows: 2)
        func refs(_ title: String, _ list: [ActionRef], empty: String = "None") -> String {
            labelled("\(title) (\(list.count))", list.isEmpty ? empty : list.map(\.description).joined(separator: ", "))
        }
        return [
            WordML.heading("Summary", level: 1, bookmark: bookmark),
            WordML.paragraph(WordML.run("\(s.total) actions across \(d.recommendations.count) recommendations.")),
            WordML.heading("Actions by status", level: 3), byStatus,
            WordML.heading("Actions by partner", level: 3), byPartner,
            WordML.heading("Actions to watch", level: 3),
            refs("Overdue", s.overdue, empty: d.today == nil ? "Not assessed" : "None"),
            refs("Dates to be confirmed", s.toBeConfirmed), refs(d.unreadTitle, s.unread),
            refs("No due date", s.undated),
        ]
    }

    /// A timescale group: each recommendation's heading, text and partners are kept with the
    /// next paragraph, and so is the last paragraph before its table, whose header and first
    /// row are kept together: a heading never ends a page.
    static func group(_ g: TimescaleGroup, in d: PlanDocument, contents: DOCXContents) -> [String] {
        var out = [WordML.heading(g.name, level: 1, bookmark: contents.bookmark(g.anchor))]
        if let end = g.end {
            out.append(
                WordML.paragraph(
                    WordML.run("Actions in this group are due by \(DisplayText.longDay(end)).", .italic), keepNext: true
                ))
        }
        for (index, r) in g.recommendations.enumerated() {
            if index > 0 { out.append(WordML.tableGap) }
            out.append(WordML.heading("Recommendation \(r.number)", level: 2, bookmark: contents.bookmark(r.anchor)))
            var lead = [WordML.paragraph(WordML.run(r.text, .bold), keepNext: true)]
            lead.append(labelled("Lead partner", r.lead.name, keepNext: true))
            if let officer = r.officer { lead.append(labelled("Lead officer", officer, keepNext: true)) }
            let others = r.partners.filter { $0.id != r.lead.id }
            if !others.isEmpty {
                lead.append(labelled("Partners", others.map(\.name).joined(separator: "; "), keepNext: true))
            }
            out += lead
            var blocks: [String] = []
            for block in d.printedBlocks(r) {
                blocks.append(WordML.heading(block.kind.heading, level: 3))
                blocks += WordML.blockText(block.lines)
            }
            if let last = blocks.popLast() { blocks.append(WordML.keepingNext(last)) }
            out += blocks
            out.append(
                r.actions.isEmpty
                    ? WordML.paragraph(WordML.run("No actions yet.", .italic))
                    : DOCXActionsTable.table(r.actions, in: d))
        }
        return out
    }

    static func provenance(_ d: PlanDocument, bookmark: WordML.Bookmark?) -> [String] {
        let width = WordML.textWidth(.portrait)
        var out = [WordML.heading("Provenance", level: 1, bookmark: bookmark)]
        if let v = d.version { out.append(labelled("Version", v)) }
        out.append(
            WordML.table(
                widths: [width - 6200, 2400, 2200, 1600], header: ["Partner", "Commit", "Author", "Date"],
                rows: d.provenance.map { row in
                    [
                        WordML.Cell(text: row.partner.name), WordML.Cell(text: row.source?.commit ?? "not recorded"),
                        WordML.Cell(text: row.source?.author ?? ""), WordML.Cell(text: row.source?.date ?? ""),
                    ]
                }))
        return out
    }

    /// `Label: value` with the label in bold.
    static func labelled(_ label: String, _ value: String, keepNext: Bool = false) -> String {
        WordML.paragraph(WordML.run("\(label): ", .bold) + WordML.run(value), keepNext: keepNext)
    }

    /// The status word (with its RAG colour in RAG reporting), bold, on the status colour.
    static func statusCell(_ status: ActionStatus?, _ reporting: StatusReporting = .words) -> WordML.Cell {
        WordML.Cell(
            text: DisplayText.status(status, reporting), style: .bold,
            shading: reporting == .rag ? DisplayText.ragFill(status) : DisplayText.statusColour(status))
    }
}
