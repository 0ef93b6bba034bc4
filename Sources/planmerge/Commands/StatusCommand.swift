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

            In a partner's clone (hooks installed with --partner, so git config planmerge.partner names it) \
            status shows that partner's view: its actions by status, overdue and due within 28 days, what is \
            on the hub as last fetched (main, its published branch) and what is only local (commits not \
            pushed, uncommitted files), and what the last consolidate decided for it and why (from the \
            record, refs/planmerge/record, which the clone fetches with 'git fetch origin \
            +refs/planmerge/record:refs/planmerge/record'). On the hub, --partner ID shows the same view \
            from the hub's side.

            Examples:
              planmerge status --repo hub.git
              planmerge status --today 2008-09-01 --format json
              planmerge status --repo hub.git --partner uhl
              planmerge status    (in a partner's clone)
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

    @Option(help: "Show this partner's view (default in a partner's clone: git config planmerge.partner).")
    var partner: String?

    func validate() throws {
        if hub != nil, repository.path != nil { throw ValidationError("give the hub once, with --repo") }
        try DayOption.check(today)
    }

    func run() throws {
        if try showPartnerView() { return }
        let opened = try repository.open(or: hub)
        let status = try HubStatus.read(hub: opened, today: Clock.day(today))
        switch format {
        case .json: Console.out(try ReportJSON.encode(status))
        case .text: Console.out(StatusText.render(status))
        }
    }
}

extension StatusCommand {
    /// The partner's view, when this is a partner's clone or --partner is given; false
    /// (nothing printed) for the hub's overall status.
    func showPartnerView() throws -> Bool {
        let day = try Clock.day(today)
        let path = repository.path(or: hub)
        let repository = try GitPlan.repository(at: path)
        let status: PartnerStatus
        do {
            if repository.isBare {
                guard let partner else { return false }
                status = try PartnerStatus.onHub(try self.repository.open(or: hub), partner: partner, today: day)
            } else {
                let configured = try repository.configString("planmerge.partner").flatMap { $0.isEmpty ? nil : $0 }
                guard let id = partner ?? configured else { return false }
                status = try PartnerStatus.inClone(repository, partner: id, today: day)
            }
        } catch let problem as PartnerStatus.Problem {
            throw UserError("\(problem)", hint: "give a partner the manifest lists with --partner ID")
        }
        switch format {
        case .json: Console.out(try ReportJSON.encode(status))
        case .text: Console.out(PartnerStatusText.render(status))
        }
        return true
    }
}

/// The partner's view as text.
enum PartnerStatusText {
    static func render(_ s: PartnerStatus) -> String {
        var lines = ["\(s.name) (\(s.partner)), as of \(s.today), seen from the \(s.side)", ""]
        let statuses = ActionStatus.reportingOrder.map(ActionStatus.label)
        lines.append(
            "Actions: \(s.actions) ("
                + statuses.compactMap { w in s.byStatus[w].flatMap { $0 > 0 ? "\(w) \($0)" : nil } }
                .joined(separator: ", ") + ")")
        lines.append("  overdue (not done): \(s.overdue.count)" + StatusText.list(s.overdue))
        lines.append(
            "  due in the next \(s.dueSoonDays) days: \(s.dueSoon.count)"
                + StatusText.list(s.dueSoon.map { "\($0.ref) (\($0.due))" }))
        lines += ["", s.side == "clone" ? "On the hub (as last fetched):" : "On the hub:"]
        lines.append("  main: " + (s.hub.main.map { String($0.prefix(7)) } ?? "not fetched yet (git fetch origin)"))
        let published =
            s.hub.published.map {
                "\(String($0.prefix(7)))" + (s.hub.publishedInMain ? ", already in main" : ", not yet in main")
            } ?? "nothing published yet"
        lines.append("  published (\(s.hub.publishRef)): \(published)")
        if let local = s.local {
            lines += ["", "Only in this clone:"]
            let pushTo = s.hub.publishRef.hasPrefix("refs/heads/") ? String(s.hub.publishRef.dropFirst(11)) : nil
            lines.append(
                "  commits not pushed: \(local.unpushed)"
                    + (local.unpushed > 0 ? pushTo.map { " (git push origin HEAD:\($0))" } ?? "" : ""))
            lines.append(
                "  uncommitted files: \(local.uncommitted.count)"
                    + StatusText.list(local.uncommitted) + (local.uncommitted.isEmpty ? "" : " (git add, git commit)"))
        }
        lines += ["", "Last consolidate:"]
        if let last = s.lastConsolidate {
            lines.append(
                "  \(last.time): \(ConsolidationText.label(last.state))"
                    + (last.fetchedHead.map { " (its head \($0.prefix(7)))" } ?? ""))
            lines += last.reasons.map { "    \($0)" }
            lines.append("  last accepted: " + (last.lastAccepted.map { String($0.prefix(7)) } ?? "nothing yet"))
        } else {
            lines.append("  " + (s.recordNote ?? "no consolidate has run yet"))
        }
        for note in s.recordDiagnostics.prefix(10) { lines.append("  record: \(note)") }
        return lines.joined(separator: "\n")
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

    static func list(_ refs: [String]) -> String {
        refs.isEmpty ? "" : ": " + refs.prefix(12).joined(separator: ", ") + (refs.count > 12 ? ", ..." : "")
    }
}
