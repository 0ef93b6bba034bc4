import GitKit
import PlanGit
import PlanModel

/// The consolidation report as a coordinator reads it.
enum ConsolidationText {
    static func render(_ report: ConsolidationReport) -> String {
        var lines: [String] = []
        let accepted = report.partners(.accepted)
        let previous = String(report.previousMain.prefix(7))
        if let new = report.newMain {
            lines.append("Consolidated \(accepted.count) partner(s) into main: \(previous) -> \(new.prefix(7))")
        } else if report.dryRun {
            lines.append(
                "Dry run: \(accepted.count) partner(s) would be merged into main (\(previous)); nothing written")
        } else if accepted.isEmpty {
            lines.append("Nothing new to merge: main stays at \(previous)")
        } else {
            lines.append("Nothing written (--strict: not every partner could be accepted); main stays at \(previous)")
        }
        for outcome in report.partners {
            lines.append("  \(pad(label(outcome.state), 13)) \(pad(outcome.partner, 26)) \(summary(outcome))")
            for reason in outcome.reasons where ![.accepted, .unchanged, .notPublished].contains(outcome.state) {
                lines.append("      \(ErrorText.scrub(RecordText.oneLine(reason)))")
            }
            for conflict in outcome.conflicts {
                lines.append("      conflict in \(conflict.file): \(conflict.what)")
                lines.append("        hub:     \(value(conflict.hub.value))\(by(conflict.hub.change))")
                lines.append("        partner: \(value(conflict.partner.value))\(by(conflict.partner.change))")
                if let base = conflict.base { lines.append("        was:     \(value(base))") }
            }
            for error in outcome.errors {
                lines.append("      \(error.location): error: [\(error.rule)] \(error.message)")
            }
            for warning in outcome.warnings {
                lines.append("      \(warning.location): warning: [\(warning.rule)] \(warning.message)")
            }
        }
        if let actions = report.actions {
            lines.append(
                "Plan: \(actions) actions, \(report.errors.count) error(s), \(report.warnings.count) warning(s)")
        } else {
            lines.append(
                "Plan: nothing merged, so main was not read again (it was checked when written; planmerge validate --rev main checks it now)"
            )
        }
        for error in report.errors.prefix(20) {
            lines.append("  \(error.location): error: [\(error.rule)] \(error.message)")
        }
        if report.errors.count > 20 {
            lines.append("  ... \(report.errors.count - 20) more (planmerge validate --rev main)")
        }
        if let seconds = report.seconds { lines.append("Took \(String(format: "%.2f", seconds)) s") }
        return lines.joined(separator: "\n")
    }

    static func label(_ state: PartnerOutcome.State) -> String {
        switch state {
        case .accepted: "accepted"
        case .unchanged: "unchanged"
        case .heldBack: "held back"
        case .rejected: "rejected"
        case .fetchFailed: "fetch failed"
        case .notPublished: "not published"
        }
    }

    static func summary(_ outcome: PartnerOutcome) -> String {
        switch outcome.state {
        case .accepted:
            "\(outcome.commits) commit(s), \(outcome.changedFiles.count) file(s), now at \(outcome.accepted?.prefix(7) ?? "?")"
        case .unchanged: outcome.accepted.map { "at \($0.prefix(7))" } ?? "nothing accepted yet"
        default: outcome.accepted.map { "last accepted \($0.prefix(7)) stands" } ?? "nothing accepted yet"
        }
    }

    static func value(_ lines: [String]?) -> String {
        guard let lines else { return "(deleted)" }
        return lines.isEmpty ? "(empty)" : "\"" + lines.joined(separator: " / ") + "\""
    }

    static func by(_ change: Authorship?) -> String {
        change.map { "  (\($0.author), \($0.date), \($0.commit))" } ?? ""
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
