import PlanModel

/// Renders a plan diff as Markdown for a covering report: it reads as plain text and
/// renders on a git host. Old values are struck through, new values bold.
public enum DiffMarkdownRenderer {
    public static func render(_ diff: PlanDiff, labels: DiffLabels) -> String {
        var out = [
            "# \(md(DiffWording.title(diff)))", "",
            "From **\(md(labels.from))** to **\(md(labels.to))**.", "",
        ]
        guard !diff.isEmpty else { return (out + [md(DiffWording.noChanges)]).joined(separator: "\n") + "\n" }

        out += ["## Summary", "", "| Change | Count |", "|---|---:|"]
        out += DiffWording.totals(diff).map { "| \(md($0.label)) | \($0.count) |" }

        out += ["", "## By recommendation"]
        for group in diff.byRecommendation {
            out += ["", "### \(md(DiffWording.recommendationHeading(group)))", ""]
            if let change = group.change {
                out += DiffWording.recommendationLines(change, in: diff).map { "- " + line($0) }
            }
            for action in group.actions {
                out.append(
                    "- **\(action.ref)** \(md(DiffWording.abbreviate(action.text, to: DiffWording.headingLimit)))"
                        + " — *\(md(DiffWording.actionPartner(action, in: diff)))*")
                out += DiffWording.actionLines(action, in: diff).map { "  - " + line($0) }
            }
        }

        out += ["", "## By partner", "", "| Partner | Changes | Actions |", "|---|---|---|"]
        for group in diff.byPartner {
            out.append(
                "| \(md(group.name)) | \(md(DiffWording.partnerSummary(group))) | \(DiffWording.partnerActions(group)) |"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func line(_ line: DiffLine) -> String {
        let body = line.parts.map { part in
            switch part {
            case .text(let text): md(text)
            case .old(let text): "~~\(md(text))~~"
            case .new(let text): "**\(md(text))**"
            }
        }.joined()
        return body.isEmpty ? md(line.label) : "\(md(line.label)): \(body)"
    }

    /// Markdown running text, also safe in a table cell: the characters Markdown would
    /// read as markup are backslash-escaped, `<` is made literal, line breaks become spaces.
    static func md(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "~", "[", "]", "|", "#": out += "\\\(c)"
            case "<": out += "&lt;"
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
