import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge clone URL --partner ID [DIR]`: a partner officer's clone of the hub, set up
/// in one step (the clone, then what `hooks install --partner ID` does).
struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone",
        abstract: "Clone the hub and set the clone up for a partner (hooks, merge driver, plain git push and pull).",
        discussion: """
            Clones URL (a path, ssh or https, with the same credentials as git) into DIR (default: the hub's \
            name without .git), checks that the manifest lists the partner, and installs what 'planmerge hooks \
            install --partner ID' installs: afterwards plain 'git push' publishes to the partner's branch on the \
            hub and plain 'git pull' brings the hub's main and the partner's published work (also saves made in \
            the browser), merged structure-aware.

            Examples:
              planmerge clone https://hub.example.org/plan.git --partner leicester-pct
              planmerge clone /srv/git/plan.git --partner uhl plan-uhl
            """
    )

    @Argument(help: "The hub: a path, ssh://, user@host:path or https:// URL.") var url: String
    @Argument(help: "The folder to create (default: the hub's name without .git).") var directory: String?
    @Option(help: "The partner id this clone commits for (its folder sections/<id>/).") var partner: String
    @Option(help: "Give up fetching after this many seconds.") var timeout = 120

    func run() throws {
        let manager = FileManager.default
        let source = manager.fileExists(atPath: url) ? URL(fileURLWithPath: url).standardizedFileURL.path : url
        let folder = directory ?? Self.defaultFolder(for: url)
        let path = URL(fileURLWithPath: folder).standardizedFileURL.path
        if manager.fileExists(atPath: path), !((try? manager.contentsOfDirectory(atPath: path))?.isEmpty ?? false) {
            throw UserError(
                "\(folder) already exists and is not empty",
                hint: "give another folder: planmerge clone \(url) --partner \(partner) DIR")
        }
        let repository: Repository
        do {
            repository = try Repository.clone(url: source, into: path, timeout: .seconds(timeout))
        } catch let error as GitError {
            throw UserError(
                "cannot clone \(url): \(ErrorText.describe(error))",
                hint: "check the address and that you may read the hub")
        }
        let found: Partner?
        do {
            found = try HooksCommand.Install.checkPartner(partner, in: repository)
        } catch {
            try? manager.removeItem(atPath: path)
            throw error
        }
        guard let found else {
            try? manager.removeItem(atPath: path)
            throw UserError(
                "\(url) has no \(Manifest.fileName) on main: it is not a planmerge hub",
                hint: "check the address with the coordinator")
        }
        let binary = try Executable.path()
        var done = try HookInstaller(repository: repository).install(
            .clone(partner: partner), binary: binary, publication: found.publication)
        done += try HooksCommand.Install.installPullStrategy(beside: binary)
        for line in done { Console.out(line) }
        Console.out("Cloned \(url) into \(folder) for \(found.name) (\(partner)).")
        Console.out(
            "Edit sections/\(partner)/*.md, then: git commit -am \"what changed\", git push (to \(found.publication.branch)), git pull (the hub's main and your published work)."
        )
    }

    static func defaultFolder(for url: String) -> String {
        var name = url
        while name.hasSuffix("/") { name.removeLast() }
        name = String(name.split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? "plan")
        if name.hasSuffix(".git") { name.removeLast(4) }
        return name.isEmpty ? "plan" : name
    }
}
