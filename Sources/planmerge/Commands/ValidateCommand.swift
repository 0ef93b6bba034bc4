import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plan: its format, required fields, references and dates.",
        discussion: """
            Reports every problem at once as file:line:col: severity: [rule] message, each followed by a hint. \
            With no folder: in a bare repository (the hub) the plan on main, in a clone the files as they are. \
            The rules are listed in docs/RULES.md.

            Exit 0 when there are no errors (warnings allowed), 1 when there are errors (or warnings with \
            --strict), 2 on a usage or environment error.

            Examples:
              planmerge validate Repos/leicester
              planmerge validate --rev main --repo hub.git
              planmerge validate --staged --quiet
            """
    )

    @Argument(
        help: """
            The plan folder. Default: main in a bare repository (the hub), \
            else the plan holding the current directory.
            """)
    var path: String?

    @OptionGroup var repository: HubOption

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print errors and the summary only, not warnings.")
    var quiet = false

    @Option(help: "Report actions overdue as of this day (YYYY-MM-DD).")
    var today: String?

    @Option(help: "Validate the plan at this git revision (commit, branch or tag), read through libgit2.")
    var rev: String?

    @Flag(help: "Validate the files staged in the git index (what the next commit would hold).")
    var staged = false

    func validate() throws {
        try DayOption.check(today)
        if rev != nil, staged { throw ValidationError("give --rev or --staged, not both") }
        if path != nil, repository.path != nil {
            throw ValidationError(
                "give a plan folder or --repo, not both (with --rev or --staged, --repo names the repository)")
        }
    }

    func run() throws {
        let day = today.flatMap { Day(iso: $0) }
        if rev != nil || staged {
            // Before --repo, the repository was given as PATH; that still works.
            let repository = try self.repository.repository(or: path)
            let source: any PlanSource =
                try staged
                ? IndexSource(repository: repository) : GitPlan.source(repository, revision: rev!)
            return try check(source, cache: ParseCache(persistentForGitDir: repository.gitDir))
        }
        let root: URL
        if let path {
            root = try PlanLocator.folder(path)
        } else {
            switch try DefaultPlan.locate(repo: repository.path) {
            case .folder(let folder): root = folder
            case .revision(let repository, let revision):
                return try check(
                    GitPlan.source(repository, revision: revision),
                    cache: ParseCache(persistentForGitDir: repository.gitDir))
            }
        }
        let outcome = try PlanValidation.run(source: FolderSource(root: root), today: day)
        let prefix = PlanLocator.displayPrefix(for: root, given: path)
        try PlanValidation.report(
            outcome, format: format, strict: strict, quiet: quiet, label: prefix ?? ".", root: prefix)
    }

    /// `cache`: the repository's persistent parse cache (results keyed by blob id).
    private func check(_ source: some PlanSource, cache: ParseCache? = nil) throws {
        let outcome = try PlanValidation.run(source: source, today: today.flatMap { Day(iso: $0) }, cache: cache)
        try PlanValidation.report(outcome, format: format, strict: strict, quiet: quiet, label: source.label, root: nil)
    }
}

/// Loading + validation + reporting, shared by `validate` and the commands that validate
/// a plan from git (`--rev`, `--staged`, hooks).
enum PlanValidation {
    struct Outcome {
        var plan: PlanIndex?
        var diagnostics: [Diagnostic]
    }

    static func run(source: some PlanSource, today: Day?, cache: ParseCache? = nil) throws -> Outcome {
        let checked = try PlanLoader(cache: cache).check(from: source, context: CheckContext(today: today))
        return Outcome(plan: checked.index, diagnostics: checked.diagnostics)
    }

    /// Prints the outcome and throws the exit code it calls for.
    static func report(
        _ outcome: Outcome, format: OutputFormat, strict: Bool, quiet: Bool, label: String, root: String?
    ) throws {
        let diagnostics = quiet ? outcome.diagnostics.filter { $0.severity == .error } : outcome.diagnostics
        switch format {
        case .json:
            Console.out(JSONReporter.render(diagnostics, plan: outcome.plan))
        case .text:
            Console.out(TextReporter.render(diagnostics, root: root))
            var summary = TextReporter.summary(outcome.diagnostics, label: label)
            if let plan = outcome.plan {
                summary +=
                    " (\(plan.manifest.recommendations.count) recommendations, \(plan.actionCount) actions, \(plan.manifest.partners.count) partners)"
            }
            Console.out(summary)
        }
        let failed = outcome.diagnostics.hasErrors || (strict && outcome.diagnostics.warningCount > 0)
        if failed { throw PlanmergeExit.problems.code }
    }
}
