import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge merge-strategy <base>... -- <HEAD> <head>...`: git's merge strategy
/// `planmerge` (run as `git-merge-planmerge`, through `pull.octopus`), which `git pull` uses
/// when the hub's main and the partner's publish branch both moved (`PullStrategy`).
struct MergeStrategyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-strategy",
        abstract:
            "git's merge strategy for a pull of two references: merges them one after the other, structure-aware.",
        discussion: """
            Installed by 'planmerge hooks install --partner ID' as git-merge-planmerge beside planmerge, and set as \
            pull.octopus = planmerge (--print-program prints that script). Exit 0: merged (git commits); 1: conflict blocks left to resolve, then git \
            add and git commit; 2: not handled, nothing changed (the message says what to type).

            Example (what git runs):
              git-merge-planmerge 1a2b3c4 -- HEAD 5d6e7f8 9a8b7c6
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "<base>... -- <HEAD> <head>...")
    var words: [String] = []

    func run() throws {
        if words == ["--help"] || words == ["-h"] {  // the words are git's, taken as they come
            Console.out(Planmerge.helpMessage(for: Self.self))
            return
        }
        if words == ["--print-program"] {  // the git-merge-planmerge script, for packaging
            FileHandle.standardOutput.write(Data(PullStrategyProgram.script.utf8))
            return
        }
        guard let separator = words.firstIndex(of: "--"), words.count >= separator + 3 else {
            Console.error("planmerge: merge-strategy expects <base>... -- <HEAD> <head>... (git runs it)")
            throw PlanmergeExit.environment.code
        }
        let repository = try Repository.openFromEnvironment()
        let head = try repository.resolveCommit(words[separator + 1])
        let heads = try words[(separator + 2)...].map { try repository.resolveCommit($0) }
        // Each head by the remote-tracking name it was fetched as (origin/main), for messages
        // that say what to type.
        var names: [ObjectID: String] = [:]
        for entry in try repository.references(matching: "refs/remotes/*") where heads.contains(entry.target) {
            names[entry.target] = String(entry.name.dropFirst("refs/remotes/".count))
        }
        let strategy = PullStrategy(
            repository: repository,
            fileMerge: FileMerge(dueReference: MergeDriverCommand.dueReference(), labels: MergeDriverCommand.labels()))
        switch try strategy.merge(head: head, heads: heads, names: names) {
        case .merged:
            Console.error(
                "planmerge: merged \(heads.map { names[$0] ?? $0.short }.joined(separator: " and ")), structure-aware")
        case .conflicts(let files):
            for line in SyncCommand.conflictLines(files) { Console.error(line) }
            Console.error(SyncCommand.resolveHint)
            throw PlanmergeExit.problems.code
        case .declined(let reason):
            Console.error("planmerge: \(reason)")
            throw PlanmergeExit.environment.code
        }
    }
}
