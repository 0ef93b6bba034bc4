import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel
import PlanRender

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report what changed between two versions of the plan, as a reader sees it.",
        discussion: """
            FROM and TO are each a plan folder (a folder holding plan.yaml) or a git revision of the \
            repository holding the current directory (or --repo): a Cabinet tag such as cabinet/2008-09-01, \
            a branch, a commit. Actions are matched by reference: moving one to another file or reordering is \
            no change; moving one to another partner's folder is a re-assignment. The report lists actions \
            added, withdrawn, re-dated, re-assigned, with a new status, text or success criteria, and \
            recommendation and partner changes, by recommendation and by partner, with totals.

            Exit 0 whether or not there are differences; 2 for an unknown revision or a version that is not \
            a plan. The output file (-o) is written atomically.

            Examples:
              planmerge diff cabinet/2008-07-08 main --repo hub.git
              planmerge diff cabinet/2008-07-08 cabinet/2008-09-01 --format html -o changes.html
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, html, json
    }

    @Argument(help: "The earlier version: a plan folder or a git revision (e.g. cabinet/2008-09-01).")
    var from: String

    @Argument(help: "The later version: a plan folder or a git revision (e.g. main, HEAD).")
    var to: String

    @Option(help: "Output format: text, md, html or json.")
    var format: Format = .text

    @OptionGroup var repository: HubOption

    @Option(name: [.short, .customLong("output")], help: "Write to this file. Default: standard output.")
    var output: String?

    func run() throws {
        var versions = PlanVersions(repositoryPath: repository.path)
        let old = try versions.plan(from)
        let new = try versions.plan(to)
        let diff = PlanDiff(from: old, to: new)
        let labels = DiffLabels(from: from, to: to)
        let text: String =
            switch format {
            case .text: DiffTextRenderer.render(diff, labels: labels)
            case .md: DiffMarkdownRenderer.render(diff, labels: labels)
            case .html: DiffHTMLRenderer.render(diff, labels: labels)
            case .json: try DiffJSONRenderer.render(diff, labels: labels)
            }
        if let output {
            try SectionFiles.writeAtomically(Array(text.utf8), to: output)
            Console.error("wrote \(output) (\(text.utf8.count) bytes)")
        } else {
            Console.out(text)
        }
    }
}

/// Loads the versions a diff compares: a folder holding plan.yaml is read from disk, any
/// other argument is a revision of the repository (opened once, on first need).
struct PlanVersions {
    var repositoryPath: String?
    private var repository: Repository?

    init(repositoryPath: String?) {
        self.repositoryPath = repositoryPath
    }

    mutating func plan(_ argument: String) throws -> Plan {
        let loaded: PlanLoader.Result
        if let folder = PlanVersions.planFolder(argument) {
            loaded = try PlanLoader().load(from: FolderSource(root: folder))
        } else {
            let repository = try self.repository ?? GitPlan.repository(at: repositoryPath)
            self.repository = repository
            let source: GitTreeSource
            do {
                source = try GitPlan.source(repository, revision: argument)
            } catch let error as UserError {
                if PlanVersions.isFolder(argument) {
                    throw UserError(
                        "\(argument) is a folder without \(Manifest.fileName), and not a revision",
                        hint: "give a plan folder (holding \(Manifest.fileName)) or a branch, tag or commit")
                }
                throw error
            }
            loaded = try PlanLoader().load(from: source)
        }
        guard let plan = loaded.plan else {
            let reasons = loaded.diagnostics.filter { $0.severity == .error }.map(\.message)
            throw UserError(
                "\(argument) is not a plan: \(reasons.joined(separator: "; "))",
                hint: "give a plan folder or a revision whose tree holds \(Manifest.fileName) at its root")
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            Console.error(
                "planmerge: warning: \(argument) has \(errors) error\(errors == 1 ? "" : "s"); the report reads what could be read (planmerge validate shows them)"
            )
        }
        return plan
    }

    /// The argument as a folder holding plan.yaml, or nil.
    static func planFolder(_ argument: String) -> URL? {
        guard isFolder(argument) else { return nil }
        let url = URL(fileURLWithPath: argument, isDirectory: true)
        return FileManager.default.fileExists(atPath: url.appendingPathComponent(Manifest.fileName).path) ? url : nil
    }

    static func isFolder(_ argument: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
