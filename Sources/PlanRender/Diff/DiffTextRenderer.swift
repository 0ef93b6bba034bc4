import PlanModel

/// Renders a plan diff for the terminal: plain text, old and new values in quotes, changes
/// indented under their recommendation and action, then a line per partner.
public enum DiffTextRenderer {
    public static func render(_ diff: PlanDiff, labels: DiffLabels) -> String {
        var out = [DiffWording.title(diff), DiffWording.subtitle(labels), ""]
        guard !diff.isEmpty else { return (out + [DiffWording.noChanges]).joined(separator: "\n") + "\n" }

        out.append("Summary")
        let totals = DiffWording.totals(diff)
        let width = totals.map(\.label.count).max() ?? 0
        for total in totals {
            out.append(
                "  " + total.label + String(repeating: " ", count: width - total.label.count) + "  \(total.count)")
        }

        out += ["", "By recommendation"]
        for group in diff.byRecommendation {
            out += ["", DiffWording.recommendationHeading(group)]
            if let change = group.change {
                out += DiffWording.recommendationLines(change, in: diff).map { "  " + line($0) }
            }
            for action in group.actions {
                out.append("  \(DiffWording.actionHeading(action)) [\(DiffWording.actionPartner(action, in: diff))]")
                out += DiffWording.actionLines(action, in: diff).map { "      " + line($0) }
            }
        }

        out += ["", "By partner"]
        for group in diff.byPartner {
            let refs = group.actions.isEmpty ? "" : ": " + DiffWording.partnerActions(group)
            out.append("  \(group.name) (\(group.id)): \(DiffWording.partnerSummary(group))\(refs)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func line(_ line: DiffLine) -> String {
        let body = line.parts.map { part in
            switch part {
            case .text(let text): text
            case .old(let text), .new(let text): "“\(text)”"
            }
        }.joined()
        return body.isEmpty ? line.label : "\(line.label): \(body)"
    }
}
