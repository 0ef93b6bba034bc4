import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge sync`: bring the hub's main into this partner clone with the structure-aware
/// merge (the library's `PlanSync` does the work).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch the hub's main and merge it into the current branch, structure-aware.",
        discussion: """
            Run in a partner's clone (--repo, or the one holding the current directory). Fast-forwards when \
            possible; otherwise commits a merge (parents: HEAD, the hub's main) when every file merges \
            cleanly; otherwise writes field-level conflict blocks into the files, commits nothing, and exits \
            1: resolve them, 'git add' the files and 'git commit'. Refuses to start (exit 2) while plan files \
            have uncommitted changes.

            Examples:
              planmerge sync
              planmerge sync --remote ../hub.git --branch main
            """
    )

    @Option(help: "A configured remote's name or a URL/path of the hub.")
    var remote = "origin"

    @Option(help: "The hub's branch to merge.")
    var branch = "main"

    @Option(help: "Give up fetching after this many seconds.")
    var timeout = 120

    @OptionGroup var repository: HubOption

    func validate() throws {
        // HubOption's old spelling --hub would name the clone here, not the hub: refuse it.
        if repository.hubAlias != nil {
            throw ValidationError("sync takes the hub with --remote and the clone with --repo (not --hub)")
        }
    }

    func run() throws {
        let repository = try self.repository.repository()
        let sync = PlanSync(repository: repository)
        do {
            try sync.preflight()
        } catch let refusal as PlanSync.Refusal {
            throw UserError("sync not started: \(refusal)")
        }
        let (url, tracking) = try resolveRemote(repository)
        let theirs = try sync.fetch(url: url, branch: branch, into: tracking, timeout: .seconds(timeout))
        let label = "hub \(branch)"
        let user: String? = (try? repository.configString("user.name")) ?? nil
        let labels = ConflictWriter.Labels(
            ours: user.map { "ours (\($0))" } ?? "ours", theirs: "theirs (\(label) \(theirs.short))")
        let outcome: PlanSync.Outcome
        do {
            outcome = try sync.merge(theirs, label: label, dueReference: dueReference(repository), labels: labels)
        } catch let refusal as PlanSync.Refusal {
            throw UserError("sync not started: \(refusal)")
        }
        switch outcome {
        case .upToDate:
            Console.out("Already up to date with \(label) (\(theirs.short)).")
        case .fastForward(let from, let to):
            Console.out("Fast-forwarded \(from.short)..\(to.short) to \(label).")
        case .merged(let commit, _):
            Console.out("Merged \(label) (\(theirs.short)) cleanly: commit \(commit.short).")
        case .conflicts(_, let files):
            for line in Self.conflictLines(files) { Console.out(line) }
            Console.out("Merged \(label) (\(theirs.short)) with conflicts: nothing committed. " + Self.resolveHint)
            throw PlanmergeExit.problems.code
        }
    }

    /// One `CONFLICT path: what` line per conflicted file (sync and git pull's strategy).
    static func conflictLines(_ files: [PlanSync.ConflictedFile]) -> [String] {
        files.map { file in
            let what = file.conflicts.map(\.what)
            return "CONFLICT \(file.path)" + (what.isEmpty ? " (line conflict)" : ": " + what.joined(separator: "; "))
        }
    }

    static let resolveHint =
        "In each file keep the right value, delete the <<<<<<< ======= >>>>>>> lines, then 'git add' the files and 'git commit'."

    /// The URL to fetch and the reference to fetch into.
    private func resolveRemote(_ repository: Repository) throws -> (String, String) {
        if let url = try repository.configString("remote.\(remote).url") {
            return (url, "refs/remotes/\(remote)/\(branch)")
        }
        if remote.contains("/") || remote.contains(":") || FileManager.default.fileExists(atPath: remote) {
            let url =
                FileManager.default.fileExists(atPath: remote)
                ? URL(fileURLWithPath: remote).standardizedFileURL.path : remote
            return (url, "refs/planmerge/sync/\(branch)")
        }
        throw UserError("no remote named '\(remote)' and it is not a URL or path", hint: "give --remote <name|url>")
    }

    private func dueReference(_ repository: Repository) -> Day? {
        guard let workdir = repository.workdir,
            let data = FileManager.default.contents(atPath: workdir + Manifest.fileName)
        else { return nil }
        return ManifestReader().read([UInt8](data)).manifest?.inspection.published
    }
}
