import Foundation
import GitKit
import HTTPTypes
import Hummingbird
import PlanGit
import PlanModel
import PlanRender

extension ServeApplication {
    func coordinatorPage(_ context: ServeContext, report: ConsolidationReport? = nil, tagged: String? = nil)
        async throws -> Response
    {
        guard let access = try await access(context) else { return unknownUser(context, api: false) }
        guard access.isCoordinator else {
            return Responses.message(.forbidden, "This page is the plan coordinator's.", api: false)
        }
        let status = try await store.status()
        let manifest = try await store.manifest()
        var values: [String: Any] = [
            "csrf": context.session?.csrfToken ?? "", "actions": status.plan.actions, "errors": status.plan.errors,
            "warnings": status.plan.warnings, "overdue": status.plan.overdue.count,
            "tbc": status.plan.toBeConfirmed.count,
            "partners": status.partners.map { partner -> [String: Any] in
                [
                    "id": partner.id, "name": partner.name,
                    "accepted": partner.lastAccepted.map { "\($0.prefix(7)) \(partner.lastAcceptedDate ?? "")" }
                        ?? "nothing yet",
                    "pending": partner.pending, "errors": partner.errors, "actions": partner.actions,
                    "lastRun": Self.words(partner.lastRunState), "reasons": partner.reasons,
                ]
            },
            "versions": try await store.cabinetVersions().map {
                ["name": $0, "short": String($0.dropFirst("cabinet/".count))]
            },
        ]
        if let deadline = status.deadline, let day = Day(iso: deadline.deadline) {
            values["deadline"] = Words.day(day)
            values["left"] = deadline.passed ? "passed" : "\(deadline.workingDaysLeft) working days left"
        }
        if let tagged { values["tagged"] = tagged }
        let versions = try await store.cabinetVersions()
        values["canCompare"] = !versions.isEmpty
        values["choices"] =
            [["short": "main", "name": "The current plan"]]
            + versions.map { ["short": String($0.dropFirst("cabinet/".count)), "name": $0] }
        if let report {
            values["report"] =
                [
                    "summary": report.newMain.map { "Main now includes the accepted work (\($0.prefix(7)))." }
                        ?? "Main did not change.",
                    "lines": report.partners.map { outcome in
                        let name = manifest.partner(outcome.partner)?.name ?? outcome.partner
                        let why = (outcome.reasons + outcome.conflicts.map(\.what) + outcome.errors.map(\.message))
                        return "\(name): \(outcome.state.rawValue)"
                            + (why.isEmpty ? "" : ": " + why.joined(separator: "; "))
                    },
                ] as [String: Any]
        }
        return await render("coordinator", title: "The plan", context, values)
    }

    func consolidate(_ context: ServeContext) async throws -> Response {
        guard let access = try await access(context), access.isCoordinator else {
            return Responses.message(.forbidden, "Only the plan coordinator consolidates.", api: false)
        }
        let report = try await store.consolidate(by: access.officer)
        return try await coordinatorPage(context, report: report)
    }

    func tag(_ context: ServeContext) async throws -> Response {
        guard let access = try await access(context), access.isCoordinator else {
            return Responses.message(.forbidden, "Only the plan coordinator marks Cabinet versions.", api: false)
        }
        let note = ActionEditor.oneLine(context.form["note"] ?? "")
        let tagged: String
        do {
            let made = try await store.tag(note: note.isEmpty ? nil : note, by: access.officer)
            tagged = "The current plan is now the Cabinet version \(made.name)."
        } catch let refusal as CabinetTag.Refusal {
            tagged = "The version was not made: " + refusal.reasons.joined(separator: "; ")
        }
        return try await coordinatorPage(context, tagged: tagged)
    }

    func diff(_ request: Request, _ context: ServeContext) async throws -> Response {
        guard let access = try await access(context), access.isCoordinator else {
            return Responses.message(
                .forbidden, "Only the plan coordinator compares Cabinet versions here.", api: false)
        }
        let from = request.uri.queryParameters.get("from") ?? ""
        let to = request.uri.queryParameters.get("to") ?? "main"
        guard let html = try await store.diff(from: from, to: to) else {
            return Responses.message(.notFound, "There is no such version to compare.", api: false)
        }
        return Responses.bytes(
            Array(html.utf8), type: "text/html; charset=utf-8", filename: "changes-\(from)-to-\(to).html")
    }

    func download(_ context: ServeContext) async throws -> Response {
        guard let access = try await access(context), access.isCoordinator else {
            return Responses.message(
                .forbidden, "Only the plan coordinator downloads Cabinet versions here.", api: false)
        }
        let name = context.parameters.get("name") ?? ""
        let file = context.parameters.get("file") ?? ""
        guard let document = try await store.document(version: name) else {
            return Responses.message(.notFound, "There is no version '\(name)'.", api: false)
        }
        let stem = name.replacingOccurrences(of: "/", with: "-")
        switch file {
        case "plan.html":
            return Responses.bytes(
                Array(HTMLRenderer.render(document).utf8), type: "text/html; charset=utf-8", filename: "\(stem).html")
        case "plan.docx":
            return Responses.bytes(
                try DOCXRenderer.render(document),
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                filename: "\(stem).docx")
        case "plan.csv":
            return Responses.bytes(
                try CSVRenderer.render(document), type: "text/csv; charset=utf-8", filename: "\(stem).csv")
        default: return Responses.message(.notFound, "No such download.", api: false)
        }
    }

    /// What the last consolidation did with a partner's work, in the council's words.
    static func words(_ state: PartnerOutcome.State?) -> String {
        switch state {
        case .accepted: "Taken into the plan"
        case .unchanged: "Nothing new"
        case .heldBack: "Held back"
        case .rejected: "Refused"
        case .fetchFailed: "Could not be collected"
        case .notPublished: "Nothing published yet"
        case nil: "Not consolidated yet"
        }
    }
}
