import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole workflow end to end on an example plan, in a temporary folder.",
        discussion: """
            Builds a hub from Repos/<plan> and one clone per partner, each partner publishing its own \
            sections over several commits; consolidates; then a scripted day of work: concurrent edits, a \
            coordinator's correction merged field by field, a same-field conflict, a partner touching \
            another's folder, an unreachable remote; consolidates again, settles, and shows the status. Exit \
            0 when every scripted expectation held.

            Examples:
              planmerge demo
              planmerge demo --plan derby --keep /tmp/derby-demo
            """
    )

    @Option(help: "The example plan: leicester or derby (a folder under Repos/).")
    var plan = "leicester"

    @Option(help: "Keep the repositories in this new folder instead of a temporary one.")
    var keep: String?

    func run() throws {
        let folder = try DemoCommand.findPlan(plan)
        let workspace: URL
        if let keep {
            workspace = URL(fileURLWithPath: keep)
            if let contents = try? FileManager.default.contentsOfDirectory(atPath: keep), !contents.isEmpty {
                throw UserError("\(keep) is not empty", hint: "give a new folder to --keep")
            }
        } else {
            workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
                "planmerge-demo-\(UUID().uuidString.prefix(8))")
        }
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: workspace) } }

        let started = Date()
        let outcome = try DemoStory(planFolder: folder, workspace: workspace).run { event in
            switch event {
            case .chapter(let title): Console.out("\n== \(title)")
            case .say(let text): Console.out("   \(text)")
            case .consolidated(let report):
                Console.out(
                    ConsolidationText.render(report).split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
            case .status(let status):
                Console.out(StatusText.render(status).split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
            }
        }
        Console.out("\n== What the demo showed")
        for (check, held) in outcome.checks { Console.out("   [\(held ? "ok" : "FAILED")] \(check)") }
        Console.out(
            String(
                format: "\nThe whole story took %.2f s. %@", Date().timeIntervalSince(started),
                keep.map { "The repositories are in \($0)." }
                    ?? "The temporary repositories were removed (keep them with --keep DIR)."))
        if !outcome.passed { throw PlanmergeExit.problems.code }
    }

    /// Repos/<name> in the current folder or above it, or beside the binary's package.
    static func findPlan(_ name: String) throws -> URL {
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        starts.append(
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("Repos/\(name)")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(Manifest.fileName).path) {
                    return candidate
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw UserError(DemoError.noPlan(name).description)
    }
}
