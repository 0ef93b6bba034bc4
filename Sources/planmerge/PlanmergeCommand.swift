import GitKit
import ArgumentParser
import Foundation

@main
struct Planmerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planmerge",
        abstract: "Write one joint action plan in git: validate, consolidate, tag and render it.",
        discussion: """
            Exit codes: 0 success; 1 the plan has errors (or warnings with --strict), or a
            consolidation held partners back; 2 usage or environment error.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self,
            FmtCommand.self,
            DeadlineCommand.self,
            DueCommand.self,
            ShowCommand.self,
            RenderCommand.self,
            InitCommand.self,
            PartnerCommand.self,
            ConsolidateCommand.self,
            StatusCommand.self,
            TagCommand.self,
            VersionsCommand.self,
            DiffCommand.self,
            DemoCommand.self,
            HookCommand.self,
            HooksCommand.self,
            MergeDriverCommand.self,
            SyncCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command line with planmerge's documented exit codes: ArgumentParser's
    /// usage errors (64) become 2, and any error a command did not turn into an exit code
    /// is an environment error (2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            Console.error(message.isEmpty ? "\(error)" : message)
            Foundation.exit(PlanmergeExit.environment.rawValue)
        }
    }
}
