import PlanModel

/// How a change report says each change, shared by the text, Markdown and HTML renderers
/// so the three read alike. Pure: plain strings and `DiffLine`s, no markup.
enum DiffWording {
    /// Longest heading text (an action's or a recommendation's) before it is shortened.
    static let headingLimit = 120
    /// Longest quoted phrase (a run of words, a success criterion) before it is shortened.
    static let phraseLimit = 200

    static func title(_ diff: PlanDiff) -> String { "Changes to \(diff.title)" }

    static func subtitle(_ labels: DiffLabels) -> String { "from \(labels.from) to \(labels.to)" }

    static let noChanges = "No changes: a reader would see the same plan."

    /// The kinds with a count, in report order.
    static func totals(_ diff: PlanDiff) -> [(label: String, count: Int)] {
        diff.kinds.map { ($0.label, diff.totals[$0] ?? 0) }
    }

    /// `Recommendation 15: Improve health outcomes …`.
    static func recommendationHeading(_ group: RecommendationGroup) -> String {
        group.text.isEmpty
            ? "Recommendation \(group.number)"
            : "Recommendation \(group.number): \(abbreviate(group.text, to: headingLimit))"
    }

    /// `15.2 Appoint a coordinator`.
    static func actionHeading(_ action: ActionChange) -> String {
        "\(action.ref) \(abbreviate(action.text, to: headingLimit))"
    }

    /// The partner(s) an action belongs to, by name.
    static func actionPartner(_ action: ActionChange, in diff: PlanDiff) -> String {
        diff.partnerName(action.partner)
    }

    static func actionLines(_ a: ActionChange, in diff: PlanDiff) -> [DiffLine] {
        var lines: [DiffLine] = []
        if a.has(.added) { lines.append(DiffLine("Added", [.text(facts(a))])) }
        if a.has(.withdrawn) { lines.append(DiffLine("Withdrawn", [.text("was " + facts(a))])) }
        if let due = a.due {
            lines.append(.change("Re-dated", old: dueText(due.old), new: dueText(due.new), then: dayCount(due)))
        }
        if let move = a.partnerChange {
            lines.append(
                .change("Re-assigned (partner)", old: diff.partnerName(move.old), new: diff.partnerName(move.new)))
        }
        if let leads = a.leadChange {
            lines.append(.change("Re-assigned (lead)", old: officers(leads.old), new: officers(leads.new)))
        }
        if let status = a.statusChange {
            lines.append(.change("Status", old: statusText(status.old), new: statusText(status.new)))
        }
        if let text = a.textChange { lines.append(.words("Text changed", text)) }
        if let success = a.successChange {
            for item in success.added {
                lines.append(DiffLine("Success criterion added", [.new(abbreviate(item, to: phraseLimit))]))
            }
            for item in success.removed {
                lines.append(DiffLine("Success criterion removed", [.old(abbreviate(item, to: phraseLimit))]))
            }
        }
        if !a.otherFields.isEmpty {
            lines.append(DiffLine("Other fields changed", [.text(a.otherFields.map(\.label).joined(separator: ", "))]))
        }
        return lines
    }

    static func recommendationLines(_ r: RecommendationChange, in diff: PlanDiff) -> [DiffLine] {
        var lines: [DiffLine] = []
        if r.has(.recommendationAdded) { lines.append(DiffLine("Recommendation added")) }
        if r.has(.recommendationRemoved) { lines.append(DiffLine("Recommendation removed")) }
        if let text = r.textChange { lines.append(.words("Recommendation text changed", text)) }
        if let timescale = r.timescale { lines.append(.change("Timescale", old: timescale.old, new: timescale.new)) }
        if let lead = r.lead {
            lines.append(.change("Lead partner", old: diff.partnerName(lead.old), new: diff.partnerName(lead.new)))
        }
        if let officer = r.officer {
            lines.append(.change("Lead officer", old: officer.old ?? "none", new: officer.new ?? "none"))
        }
        if let partners = r.partners {
            let named = ListChange(
                added: partners.added.map(diff.partnerName), removed: partners.removed.map(diff.partnerName))
            lines.append(listLine("Contributing partners", named))
        }
        for block in r.blocks {
            switch block.change {
            case .added:
                lines.append(
                    DiffLine("\(block.kind.heading) written", [.new(abbreviate(block.text.new, to: phraseLimit))]))
            case .removed:
                lines.append(DiffLine("\(block.kind.heading) deleted"))
            case .changed:
                lines.append(.words("\(block.kind.heading) changed", block.text))
            }
        }
        return lines
    }

    /// `2 re-assigned, 1 re-dated`, or what happened to the partner in the manifest.
    static func partnerSummary(_ group: PartnerGroup) -> String {
        var parts: [String] = []
        switch group.change {
        case .added: parts.append("added to the plan")
        case .removed: parts.append("removed from the plan")
        case nil: break
        }
        parts += group.kinds.map { "\(group.totals[$0] ?? 0) \($0.label.lowercased())" }
        return parts.joined(separator: ", ")
    }

    static func partnerActions(_ group: PartnerGroup) -> String {
        group.actions.map(\.description).joined(separator: ", ")
    }

    // MARK: - Values

    /// `due March 2009; lead Jane Porter; on track`: what an added or withdrawn action said.
    static func facts(_ a: ActionChange) -> String {
        var parts: [String] = []
        parts.append(a.dueText.map { "due \($0)" } ?? "no due date")
        parts.append(a.leads.isEmpty ? "no lead officer" : "lead \(officers(a.leads))")
        if let status = a.status { parts.append(status.rawValue) }
        return parts.joined(separator: "; ")
    }

    static func dueText(_ due: DueDate?) -> String {
        guard let text = due?.text, !text.isEmpty else { return "no due date" }
        return text
    }

    /// ` (61 days later)`, ` (1 day earlier)`, ` (same end date)`, or nothing when unknown.
    static func dayCount(_ due: DueChange) -> [DiffLine.Part] {
        guard let days = due.days, let direction = due.direction else { return [] }
        let count = abs(days) == 1 ? "1 day" : "\(abs(days)) days"
        switch direction {
        case .later: return [.text(" (\(count) later)")]
        case .earlier: return [.text(" (\(count) earlier)")]
        case .same: return [.text(" (same end date)")]
        }
    }

    static func officers(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: "; ") }

    static func statusText(_ status: ActionStatus?) -> String { status?.rawValue ?? "no status" }

    static func listLine(_ label: String, _ change: ListChange) -> DiffLine {
        var parts: [DiffLine.Part] = []
        if !change.added.isEmpty { parts += [.text("added "), .new(change.added.joined(separator: ", "))] }
        if !change.removed.isEmpty {
            if !parts.isEmpty { parts.append(.text("; ")) }
            parts += [.text("removed "), .old(change.removed.joined(separator: ", "))]
        }
        return DiffLine(label, parts)
    }

    /// Shortens a text to at most `limit` characters at a word boundary, ending in `…`.
    static func abbreviate(_ text: String, to limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit - 1)
        var shortened = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        while shortened.last?.isWhitespace == true { shortened = shortened.dropLast() }
        return shortened + "…"
    }
}
