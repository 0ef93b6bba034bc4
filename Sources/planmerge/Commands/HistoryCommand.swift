import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract:
            "Show one action through time: its status, due and lead at every Cabinet version, and who changed it.",
        discussion: """
            Reads the hub (a bare repository; --repo, or the current directory) or a clone holding main and the \
            cabinet/* tags. Lists the action at each Cabinet version and on main, then every change on main's \
            first-parent history: when it arrived, the partner whose accepted work made it (named by the \
            consolidation merge) and the partner's own commit and author, or the commit on the hub that made it.

            Examples:
              planmerge history 15.4 --repo hub.git
              planmerge history 2.6a --repo hub.git --format json
            """
    )

    @Argument(help: "The action's reference, e.g. 15.4.")
    var ref: String

    @Option(help: "The revision whose history is read.")
    var rev = "main"

    @OptionGroup var hub: HubOption

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if ActionRef(ref) == nil { throw ValidationError("'\(ref)' is not an action reference, e.g. 15.4 or 2.6a") }
    }

    struct StateJSON: Codable {
        var status: String?
        var due: String?
        var lead: [String]
        var partner: String
    }

    struct VersionJSON: Codable {
        var name: String
        var commit: String
        var day: String?
        var action: StateJSON?
    }

    struct ChangeJSON: Codable {
        var main: String
        var arrived: String
        var partner: String?
        var commit: String
        var author: String
        var date: String
        var fields: [String]
        var from: StateJSON?
        var to: StateJSON?
    }

    struct HistoryJSON: Codable {
        var ref: String
        var text: String?
        var versions: [VersionJSON]
        var changes: [ChangeJSON]
    }

    func run() throws {
        let repository = try hub.repository()
        guard let actionRef = ActionRef(ref) else { throw ValidationError("'\(ref)' is not an action reference") }
        let result: ActionHistory.Result
        do {
            result = try ActionHistory(repository: repository).read(actionRef, head: rev)
        } catch let error as GitError where error.isNotFound {
            throw UserError("no such revision '\(rev)'", hint: "use main, a branch, a tag or a commit id")
        }
        guard result.versions.contains(where: { $0.state != nil }) || !result.changes.isEmpty else {
            throw UserError(
                "no action \(actionRef) in the history of \(rev)", hint: "planmerge show --repo PATH lists the actions")
        }
        let json = HistoryJSON(
            ref: actionRef.description, text: result.text,
            versions: result.versions.map {
                VersionJSON(name: $0.name, commit: $0.commit.hex, day: $0.day?.iso, action: $0.state.map(Self.json))
            },
            changes: result.changes.map {
                ChangeJSON(
                    main: $0.main.hex, arrived: Authorship.format($0.arrived), partner: $0.partner,
                    commit: $0.commit.hex, author: $0.author.name, date: Authorship.format($0.author),
                    fields: $0.fields, from: $0.old.map(Self.json), to: $0.new.map(Self.json))
            })
        switch format {
        case .json: Console.out(try ReportJSON.encode(json))
        case .text: Console.out(Self.text(json))
        }
    }

    static func json(_ state: ActionHistory.State) -> StateJSON {
        StateJSON(
            status: state.status?.rawValue, due: state.due, lead: state.lead, partner: state.partner)
    }

    static func describe(_ state: StateJSON?) -> String {
        guard let state else { return "not in the plan" }
        return
            "status: \(state.status ?? "no status"); due: \(state.due ?? "none"); lead: \(state.lead.joined(separator: "; ")); partner: \(state.partner)"
    }

    static func text(_ h: HistoryJSON) -> String {
        var lines = ["Action \(h.ref)" + (h.text.map { ": \(RecordText.oneLine($0))" } ?? ""), "", "At each version:"]
        let width = h.versions.map(\.name.count).max() ?? 0
        for v in h.versions {
            let name = v.name.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(name)  \(v.day ?? "now       ")  \(RecordText.oneLine(describe(v.action)))")
        }
        lines += ["", "Changes on main (oldest first):"]
        for c in h.changes {
            let who =
                c.partner.map { "\($0) (\(RecordText.oneLine(c.author)), \(c.commit.prefix(7)) of \(c.date))" }
                ?? "on the hub by \(RecordText.oneLine(c.author)) (\(c.commit.prefix(7)))"
            lines.append("  \(c.arrived)  \(c.main.prefix(7))  \(c.fields.joined(separator: ", ")) by \(who)")
            lines.append("      \(RecordText.oneLine(describe(c.from))) -> \(RecordText.oneLine(describe(c.to)))")
        }
        return lines.joined(separator: "\n")
    }
}
