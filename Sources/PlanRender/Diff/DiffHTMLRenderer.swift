import PlanModel

/// Renders a plan diff as HTML: `render` gives a whole self-contained page, `fragment` an
/// `<article>` with its own `<style>` to paste into a covering report. All text is
/// escaped; old values are `<del>`, new values `<ins>`; no scripts, no external requests.
public enum DiffHTMLRenderer {
    public static func render(_ diff: PlanDiff, labels: DiffLabels) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="planmerge">
        <title>\(h(DiffWording.title(diff))) (\(h(DiffWording.subtitle(labels))))</title>
        <style>
        \(DiffHTMLStyle.page)
        \(DiffHTMLStyle.css)
        </style>
        </head>
        <body>
        <main>
        \(article(diff, labels: labels))
        </main>
        </body>
        </html>

        """
    }

    public static func fragment(_ diff: PlanDiff, labels: DiffLabels) -> String {
        "<style>\n\(DiffHTMLStyle.css)\n</style>\n\(article(diff, labels: labels))\n"
    }

    static func article(_ diff: PlanDiff, labels: DiffLabels) -> String {
        var out = [
            "<article class=\"plan-diff\">",
            "<header>",
            "<h1>\(h(DiffWording.title(diff)))</h1>",
            "<p class=\"versions\">From <strong>\(h(labels.from))</strong> to <strong>\(h(labels.to))</strong></p>",
            "</header>",
        ]
        if diff.isEmpty {
            out.append("<p class=\"no-changes\">\(h(DiffWording.noChanges))</p>")
        } else {
            out += summary(diff) + recommendations(diff) + partners(diff)
        }
        out.append("</article>")
        return out.joined(separator: "\n")
    }

    static func summary(_ diff: PlanDiff) -> [String] {
        [
            "<section class=\"summary\">", "<h2>Summary</h2>", "<table>",
            "<thead><tr><th scope=\"col\">Change</th><th scope=\"col\" class=\"num\">Count</th></tr></thead>",
            "<tbody>",
        ]
            + DiffWording.totals(diff).map { "<tr><td>\(h($0.label))</td><td class=\"num\">\($0.count)</td></tr>" }
            + ["</tbody>", "</table>", "</section>"]
    }

    static func recommendations(_ diff: PlanDiff) -> [String] {
        var out = ["<section class=\"by-recommendation\">", "<h2>By recommendation</h2>"]
        for group in diff.byRecommendation {
            out += [
                "<section class=\"recommendation\" id=\"r\(group.number)\">",
                "<h3>\(h(DiffWording.recommendationHeading(group)))</h3>",
            ]
            if let change = group.change { out += list(DiffWording.recommendationLines(change, in: diff)) }
            for action in group.actions {
                out +=
                    [
                        "<div class=\"action\">",
                        "<h4><span class=\"ref\">\(h(action.ref.description))</span> "
                            + "\(h(DiffWording.abbreviate(action.text, to: DiffWording.headingLimit)))"
                            + " <span class=\"partner\">— \(h(DiffWording.actionPartner(action, in: diff)))</span></h4>",
                    ] + list(DiffWording.actionLines(action, in: diff)) + ["</div>"]
            }
            out.append("</section>")
        }
        return out + ["</section>"]
    }

    static func partners(_ diff: PlanDiff) -> [String] {
        [
            "<section class=\"by-partner\">", "<h2>By partner</h2>", "<table>",
            "<thead><tr><th scope=\"col\">Partner</th><th scope=\"col\">Changes</th><th scope=\"col\">Actions</th></tr></thead>",
            "<tbody>",
        ]
            + diff.byPartner.map { group in
                "<tr><td>\(h(group.name))</td><td>\(h(DiffWording.partnerSummary(group)))</td>"
                    + "<td>\(h(DiffWording.partnerActions(group)))</td></tr>"
            }
            + ["</tbody>", "</table>", "</section>"]
    }

    static func list(_ lines: [DiffLine]) -> [String] {
        guard !lines.isEmpty else { return [] }
        return ["<ul class=\"changes\">"] + lines.map { "<li>\(line($0))</li>" } + ["</ul>"]
    }

    static func line(_ line: DiffLine) -> String {
        let body = line.parts.map { part in
            switch part {
            case .text(let text): h(text)
            case .old(let text): "<del>\(h(text))</del>"
            case .new(let text): "<ins>\(h(text))</ins>"
            }
        }.joined()
        return body.isEmpty
            ? "<span class=\"label\">\(h(line.label))</span>"
            : "<span class=\"label\">\(h(line.label)):</span> \(body)"
    }

    static func h(_ text: String) -> String { Escaping.html(text) }
}
