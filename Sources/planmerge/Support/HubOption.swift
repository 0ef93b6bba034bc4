import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `--repo PATH`: the repository a command reads, the hub (a bare repository) or a clone;
/// by default the repository holding the current directory. Every command that reads a
/// repository takes it through this group, so the flag is spelled in one place. `--hub` is
/// the old spelling, kept hidden for one release.
struct HubOption: ParsableArguments {
    @Option(
        name: .customLong("repo"),
        help: ArgumentHelp(
            "The repository: the hub (a bare repository) or a clone. Default: the one holding the current directory.",
            valueName: "path"))
    var repo: String?

    /// The old spelling of `--repo` (hidden; removed in the next release).
    @Option(name: .customLong("hub"), help: .hidden)
    var hubAlias: String?

    func validate() throws {
        if let repo, let hubAlias, repo != hubAlias {
            throw ValidationError("give the repository once, with --repo (--hub is its old name)")
        }
    }

    /// The path given, if any (`--repo`, or the old `--hub`).
    var path: String? { repo ?? hubAlias }

    /// The path given, if any (the name callers used before `--repo`).
    var hub: String? { path }

    /// The path given, else `fallback` (an old positional spelling), else nil.
    func path(or fallback: String?) -> String? { path ?? fallback }

    /// The repository given, or the one holding the current directory.
    func repository(or fallback: String? = nil) throws -> Repository {
        try GitPlan.repository(at: path(or: fallback))
    }

    /// The hub given, or the one holding the current directory.
    func open(or fallback: String? = nil) throws -> Hub {
        let path = path(or: fallback) ?? FileManager.default.currentDirectoryPath
        try OwnerCheck.run(path)
        do {
            return try Hub.open(path)
        } catch {
            throw UserError(
                "\(path) is not a hub repository (\(ErrorText.describe(error)))",
                hint: "run the command inside the hub, or give it with --repo PATH")
        }
    }
}

/// The plan a command reads when it is given no folder and no revision: in a bare
/// repository (the hub) the plan on `main`; in a work tree the files as they are.
enum DefaultPlan {
    /// The branch a bare repository's plan is read from.
    static let branch = "main"

    case folder(URL)
    case revision(Repository, String)

    /// Where the plan is for `--repo PATH` (or the current directory when nil).
    static func locate(repo: String?) throws -> DefaultPlan {
        let start = repo ?? FileManager.default.currentDirectoryPath
        if repo != nil {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: start, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UserError("no such folder: \(start)", hint: "give --repo the path of the hub or of a clone")
            }
        }
        let repository: Repository
        do {
            repository = try Repository.open(at: start)
        } catch {
            // Not in a repository at all: a plain plan folder (e.g. Repos/leicester).
            return .folder(try PlanLocator.folder(repo))
        }
        return repository.isBare ? .revision(repository, branch) : .folder(try PlanLocator.folder(repo))
    }
}
