import ArgumentParser
import Foundation
import GitKit

@main
struct Planmerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planmerge",
        abstract: "Write one joint action plan in git: validate, consolidate, tag and render it.",
        discussion: """
            Every command that reads a repository takes --repo PATH (the hub, a bare repository, or a clone); \
            by default the repository holding the current directory. In the hub the plan is the one on main; \
            in a clone it is the files as they are.

            Errors print as 'planmerge: <message>' then 'hint: <what to do>'. --verbose, anywhere on the \
            command line, adds libgit2's error codes to git errors.

            Exit codes: 0 success; 1 the plan has errors (or warnings with --strict), or a consolidation \
            held partners back; 2 usage or environment error.

            Examples:
              planmerge validate Repos/leicester
              planmerge status --repo hub.git
              planmerge render --repo hub.git --format html -o plan.html
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self,
            FmtCommand.self,
            DeadlineCommand.self,
            DueCommand.self,
            ShowCommand.self,
            RenderCommand.self,
            CalendarCommand.self,
            ImportCommand.self,
            InitCommand.self,
            PartnerCommand.self,
            CoordinatorCommand.self,
            ConsolidateCommand.self,
            StatusCommand.self,
            TagCommand.self,
            VersionsCommand.self,
            HistoryCommand.self,
            DiffCommand.self,
            DemoCommand.self,
            HookCommand.self,
            HooksCommand.self,
            MergeDriverCommand.self,
            SyncCommand.self,
            ServeCommand.self,
            CloneCommand.self,
            NewSectionCommand.self,
            FilterCommand.self,
            MergeStrategyCommand.self,
        ]
    )

    /// Runs the command line with planmerge's documented exit codes: ArgumentParser's
    /// usage errors (64) become 2, and any error a command did not turn into an exit code
    /// is an environment error (2), printed in the one error form (`ErrorText`).
    /// `--verbose`, anywhere on the line, adds libgit2's error codes to git errors.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        if let index = arguments[..<end].firstIndex(of: "--verbose") {
            ErrorText.verbose = true
            arguments.remove(at: index)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                let message = fullMessage(for: error)
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            let usage = error is UserError || error is GitError ? "" : fullMessage(for: error)
            Console.error(ErrorText.render(error, usage: usage))
            Foundation.exit(PlanmergeExit.environment.rawValue)
        }
    }
}
