import PlanModel

/// Renders a plan as GitHub-flavoured Markdown: the same content as the HTML document,
/// for reading on a git host. Table cells escape `|` and use `<br>` for line breaks.
public enum MarkdownRenderer {
    public static func render(_ document: PlanDocument) -> String {
        let parts =
            [cover(document), contents(document)] + document.frontPages.map(front)
            + [statusKey(document), summary(document), keyDates(document)] + TextVersions.markdown(document)
            + document.groups.map { group($0, in: document) }
            + (document.includesNotes ? [provenance(document)] : []) + [footer(document)]
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func cover(_ d: PlanDocument) -> String {
        var meta = ["- **Inspection:** \(t(d.inspection.name))"]
        if let p = d.inspection.published { meta.append("- **Report published:** \(DisplayText.longDay(p))") }
        if let deadline = d.deadline {
            meta.append(
                "- **Statutory deadline:** \(DisplayText.longDay(deadline)) (\(DisplayText.deadlineRule(d.deadlineRule)))"
            )
        }
        meta += d.committees.map { "- **\(t($0.name)):** \(DisplayText.longDay($0.date))" }
        if d.includesNotes, let v = d.version { meta.append("- **Version:** `\(v)`") }
        if let today = d.today { meta.append("- **Position at:** \(DisplayText.longDay(today))") }
        return "# \(t(d.title))\n\n**\(t(d.authority))**\n\n" + meta.joined(separator: "\n")
    }

    static func contents(_ d: PlanDocument) -> String {
        var lines = ["## Contents", ""] + d.frontPages.map { "- [\(t($0.title))](#\(slug($0.title)))" }
        lines += ["- [Status key](#status-key)", "- [Summary](#summary)", "- [Key dates](#key-dates)"]
        for group in d.groups {
            lines.append("- [\(t(group.name))](#\(slug(group.name)))")
            lines += group.recommendations.map {
                "  - [Recommendation \($0.number)](#recommendation-\($0.number)): \(t($0.text))"
            }
        }
        if d.includesNotes { lines.append("- [Provenance](#provenance)") }
        return lines.joined(separator: "\n")
    }

    static func summary(_ d: PlanDocument) -> String {
        let s = d.summary
        let byStatus = table(
            ["Status", "Actions"], align: ["---", "---:"],
            rows: s.byStatus.map { [DisplayText.status($0.status, d.reporting), "\($0.count)"] }
                + [["**Total**", "**\(s.total)**"]])
        let byPartner = table(
            ["Partner", "Actions"] + ActionStatus.reportingOrder.map { DisplayText.status($0, d.reporting) },
            align: ["---"] + Array(repeating: "---:", count: ActionStatus.reportingOrder.count + 1),
            rows: s.byPartner.map { [$0.partner.name, "\($0.total)"] + $0.byStatus.map { "\($0.count)" } })
        func refs(_ title: String, _ list: [ActionRef], empty: String = "none") -> String {
            "- **\(title) (\(list.count)):** "
                + (list.isEmpty ? empty : list.map(\.description).joined(separator: ", "))
        }
        return """
            ## Summary

            \(s.total) actions across \(d.recommendations.count) recommendations.

            ### Actions by status

            \(byStatus)

            ### Actions by partner

            \(byPartner)

            \(refs("Overdue", s.overdue, empty: d.today == nil ? "not assessed (no date given for today)" : "none"))
            \(refs("Dates to be confirmed", s.toBeConfirmed))
            \(refs(d.unreadTitle, s.unread))
            \(refs("No due date", s.undated))
            """
    }

    static func keyDates(_ d: PlanDocument) -> String {
        let marks = TimelineSVG.referenceLines(d)
        let lines =
            marks.isEmpty ? ["No key dates recorded."] : marks.map { "- \(DisplayText.day($0.day)): \(t($0.label))" }
        return "## Key dates\n\n" + lines.joined(separator: "\n")
    }

    /// A front page: its title one level below the document's, its own headings likewise.
    static func front(_ page: FrontPage) -> String {
        let lines = page.lines.map { line in
            line.hasPrefix("#") && FrontText.heading(line) != nil ? "#" + line : line
        }
        return (["## \(t(page.title))", ""] + lines).joined(separator: "\n")
    }

    static func statusKey(_ d: PlanDocument) -> String {
        let rag = d.reporting == .rag
        let rows = ActionStatus.reportingOrder.map { status in
            [DisplayText.status(status, d.reporting)] + (rag ? [DisplayText.ragColour(status) ?? "none"] : [])
                + [DisplayText.meaning(status)]
        }
        let header = ["Status"] + (rag ? ["RAG colour"] : []) + ["Meaning"]
        return "## Status key\n\n"
            + table(header, align: Array(repeating: "---", count: header.count), rows: rows)
    }

    static func group(_ g: TimescaleGroup, in d: PlanDocument) -> String {
        var parts = ["## \(t(g.name))"]
        if let end = g.end { parts.append("_Actions in this group are due by \(DisplayText.longDay(end))._") }
        parts += g.recommendations.map { recommendation($0, in: d) }
        return parts.joined(separator: "\n\n")
    }

    static func recommendation(_ r: RecommendationEntry, in d: PlanDocument) -> String {
        var meta = ["**Lead partner:** \(t(r.lead.name))"]
        if let officer = r.officer { meta.append("**Lead officer:** \(t(officer))") }
        let others = r.partners.filter { $0.id != r.lead.id }
        if !others.isEmpty { meta.append("**Partners:** " + others.map { t($0.name) }.joined(separator: "; ")) }
        var parts = ["### Recommendation \(r.number)", "> \(t(r.text))", meta.joined(separator: "  \n")]
        parts += d.printedBlocks(r).map { "#### \($0.kind.heading)\n\n" + $0.lines.map(t).joined(separator: "\n") }
        parts.append(r.actions.isEmpty ? "_No actions yet._" : actionsTable(r.actions, in: d))
        return parts.joined(separator: "\n\n")
    }

    static func actionsTable(_ rows: [ActionRow], in d: PlanDocument) -> String {
        table(
            ["Ref", "Action", "Due", "Lead", "Partner", "Success criteria", "Status"],
            align: Array(repeating: "---", count: 7),
            rows: rows.map { a in
                [
                    a.ref.description, actionCell(a, in: d), dueCell(a, in: d), a.leads.joined(separator: "\n"),
                    a.partner.name, a.success.map { "• \($0)" }.joined(separator: "\n"),
                    DisplayText.status(a.status, d.reporting),
                ]
            })
    }

    static func actionCell(_ a: ActionRow, in d: PlanDocument) -> String {
        var lines = [a.text]
        if !a.milestones.isEmpty { lines += a.milestones.map { "Milestone: " + DisplayText.milestone($0) } }
        if let v = a.resources { lines.append("Resources: \(v)") }
        if let v = a.risk { lines.append("Risk: \(v)") }
        if let v = a.monitoring { lines.append("Monitoring: \(v)") }
        if !a.crossReferences.isEmpty {
            lines.append("See also: " + a.crossReferences.map(\.description).joined(separator: ", "))
        }
        lines += a.links.map { "Link: \($0)" }
        lines += a.details
        lines += d.printedNotes(a).map { "Note: \($0)" }
        return lines.joined(separator: "\n")
    }

    static func dueCell(_ a: ActionRow, in d: PlanDocument) -> String {
        guard let due = a.due else { return "No date" }
        var lines = [due.text]
        if let reading = d.printedReading(due) { lines.append("(\(reading))") }
        if a.isOverdue { lines.append("OVERDUE") }
        return lines.joined(separator: "\n")
    }

    static func provenance(_ d: PlanDocument) -> String {
        let rows = d.provenance.map { row in
            [
                row.partner.name, row.source.map { "`\($0.commit)`" } ?? "not recorded", row.source?.author ?? "",
                row.source?.date ?? "",
            ]
        }
        let version = d.version.map { "Version: `\($0)`\n\n" } ?? ""
        return "## Provenance\n\n" + version
            + table(["Partner", "Commit", "Author", "Date"], align: Array(repeating: "---", count: 4), rows: rows)
    }

    static func footer(_ d: PlanDocument) -> String {
        var parts = [d.title]
        if let today = d.today { parts.append("position at \(DisplayText.longDay(today))") }
        if d.includesNotes {
            parts.append("generated by planmerge")
            if let v = d.version { parts.append("version \(v)") }
        }
        if let at = d.generatedAt { parts.append(at) }
        return "---\n\n_" + t(parts.joined(separator: " · ")) + "_"
    }

    /// A GitHub-flavoured table; every cell escaped (commit ids in backticks are left alone).
    static func table(_ header: [String], align: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        return
            ([line(header.map(Escaping.markdownCell)), line(align)]
            + rows.map { line($0.map(Escaping.markdownCell)) }).joined(separator: "\n")
    }

    static func t(_ text: String) -> String { Escaping.markdownInline(text) }

    /// The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to `-`.
    static func slug(_ heading: String) -> String {
        String(
            heading.lowercased().compactMap { c -> Character? in
                if c == " " { return "-" }
                return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
            })
    }
}
