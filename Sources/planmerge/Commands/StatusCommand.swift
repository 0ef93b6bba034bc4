import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Partners, the plan's actions by status, overdue and to-be-confirmed, and the statutory deadline.",
        discussion: """
            Run on the hub (a bare repository; --repo, or the current directory). 'pending' counts commits \
            fetched by the last consolidate that main does not have yet.

            Examples:
              planmerge status --repo hub.git
              planmerge status --today 2008-09-01 --format json
            """
    )

    @OptionGroup var repository: HubOption

    /// The old spelling of `--repo` (a hidden positional; removed in the next release).
    @Argument(help: .hidden)
    var hub: String?

    @Option(help: "The day to report on (YYYY-MM-DD). Default: today.")
    var today: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if hub != nil, repository.path != nil { throw ValidationError("give the hub once, with --repo") }
        try DayOption.check(today)
    }

    func run() throws {
        let opened = try repository.open(or: hub)
        let status = try HubStatus.read(hub: opened, today: Clock.day(today))
        switch format {
        case .json: Console.out(try ReportJSON.encode(status))
        case .text: Console.out(StatusText.render(status))
        }
    }
}

enum StatusText {
    static func render(_ status: HubStatus) -> String {
        var lines = ["main \(status.main.prefix(7)), as of \(status.today)", "", "Partners:"]
        if let run = status.lastRun { lines[2] = "Partners (last consolidate \(run)):" }
        for p in status.partners {
            let accepted =
                p.lastAccepted.map { "accepted \($0.prefix(7)) (\(p.lastAcceptedDate ?? "?"))" }
                ?? "nothing accepted yet"
            var line =
                "  \(ConsolidationText.pad(p.id, 26)) \(ConsolidationText.pad(String(p.actions), 4)) actions  \(accepted)"
            if p.pending > 0 {
                line += ", \(p.pending) commit(s) pending" + (p.errors > 0 ? " with \(p.errors) error(s)" : "")
            }
            if let state = p.lastRunState, [.heldBack, .rejected, .fetchFailed].contains(state) {
                line += "; \(ConsolidationText.label(state))"
                lines.append(line)
                lines += p.reasons.map { "      \($0)" }  // one line each, from the record
            } else {
                lines.append(line)
            }
        }
        for note in status.recordDiagnostics.prefix(10) { lines.append("  record: \(note)") }
        let plan = status.plan
        lines += ["", "Plan: \(plan.actions) actions, \(plan.errors) error(s), \(plan.warnings) warning(s)"]
        let statuses = ActionStatus.reportingOrder.map(ActionStatus.label)
        lines.append(
            "  by status: " + statuses.compactMap { s in plan.byStatus[s].map { "\(s) \($0)" } }.joined(separator: ", ")
        )
        lines.append("  overdue (not done): \(plan.overdue.count)" + list(plan.overdue))
        lines.append("  due date to be confirmed: \(plan.toBeConfirmed.count)" + list(plan.toBeConfirmed))
        if !plan.unreadDue.isEmpty {
            lines.append("  due text not understood: \(plan.unreadDue.count)" + list(plan.unreadDue))
        }
        lines += outcomeLines(plan.byOutcome ?? [])
        if let d = status.deadline {
            lines += [
                "",
                "Statutory deadline: \(d.deadline) (\(d.workingDays) working days from publication on \(d.published))",
            ]
            lines.append(d.passed ? "  the deadline has passed" : "  \(d.workingDaysLeft) working day(s) left")
        } else {
            lines += ["", "Statutory deadline: unknown (the manifest gives no inspection.published date)"]
        }
        return lines.joined(separator: "\n")
    }

    /// "  by outcome area:" then one line per area: its actions and their statuses.
    static func outcomeLines(_ areas: [OutcomeFigures]) -> [String] {
        guard !areas.isEmpty else { return [] }
        return ["  by outcome area (an action may serve several):"]
            + areas.map { area in
                let statuses = area.figures.byStatus.filter { $0.count > 0 }
                    .map { "\(ActionStatus.label($0.status)) \($0.count)" }
                return "    \(ConsolidationText.pad(area.title, 32)) \(area.figures.actions) action(s)"
                    + (statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))")
            }
    }

    private static func list(_ refs: [String]) -> String {
        refs.isEmpty ? "" : ": " + refs.prefix(12).joined(separator: ", ") + (refs.count > 12 ? ", ..." : "")
    }
}
