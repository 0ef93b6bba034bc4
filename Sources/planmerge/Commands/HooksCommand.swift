import GitKit
import ArgumentParser
import Foundation
import PlanGit
import PlanModel

/// `planmerge hooks install|uninstall`: set a clone or the hub up (the library's
/// `HookInstaller` does the work).
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install or remove planmerge's git hooks and merge driver.",
        discussion: """
            Examples:
              planmerge hooks install --partner leicester-pct
              planmerge hooks install --server --repo hub.git
              planmerge hooks uninstall
            """,
        subcommands: [Install.self, Uninstall.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install the hooks (and, in a clone, the merge driver). Safe to run again.",
            discussion: """
                In a partner clone: --partner ID (pre-commit, commit-msg, merge driver). In the coordinator's \
                clone: no option. On the hub: --server (pre-receive; with --per-ref, the update hook instead). \
                See docs/HOOKS.md.

                Examples:
                  planmerge hooks install --partner leicester-pct
                  planmerge hooks install --server --repo hub.git
                """
        )

        @Option(help: "The partner id this clone commits for (its folder sections/<id>/).")
        var partner: String?

        @Flag(help: "Install the server hooks in the hub (a bare repository).")
        var server = false

        @Flag(help: "With --server: install the update hook (one decision per reference) instead of pre-receive.")
        var perRef = false

        @OptionGroup var repository: HubOption

        func validate() throws {
            if server && partner != nil { throw ValidationError("--partner and --server exclude each other") }
            if perRef && !server { throw ValidationError("--per-ref goes with --server") }
        }

        func run() throws {
            let repository = try self.repository.repository()
            if let partner { try Self.checkPartner(partner, in: repository) }
            let kind: HookInstaller.Kind = server ? .server(perRef: perRef) : .clone(partner: partner)
            let done = try HookInstaller(repository: repository).install(kind, binary: try Executable.path())
            for line in done { Console.out(line) }
            Console.out(done.isEmpty ? "planmerge hooks already installed in \(repository.gitDir)" : "planmerge hooks installed in \(repository.gitDir)")
        }

        /// The partner must be one the clone's manifest lists (when there is a manifest).
        static func checkPartner(_ id: String, in repository: Repository) throws {
            guard let workdir = repository.workdir, let data = FileManager.default.contents(atPath: workdir + Manifest.fileName),
                let manifest = ManifestReader().read([UInt8](data)).manifest
            else { return }
            guard manifest.partner(id) != nil else {
                throw UserError(
                    "the manifest lists no partner '\(id)'",
                    hint: "partners: \(manifest.partners.map(\.id).joined(separator: ", "))")
            }
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove exactly what 'hooks install' added.",
            discussion: """
                Example:
                  planmerge hooks uninstall --repo hub.git
                """)

        @OptionGroup var repository: HubOption

        func run() throws {
            let repository = try self.repository.repository()
            let done = try HookInstaller(repository: repository).uninstall()
            for line in done { Console.out(line) }
            Console.out(done.isEmpty ? "no planmerge hooks in \(repository.gitDir)" : "planmerge hooks removed from \(repository.gitDir)")
        }
    }
}

/// The running executable's absolute path (what hooks and the merge driver call).
enum Executable {
    static func path() throws -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        let argument = CommandLine.arguments[0]
        if argument.contains("/") {
            return URL(fileURLWithPath: argument).standardizedFileURL.resolvingSymlinksInPath().path
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(argument)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
            }
        }
        throw UserError("cannot tell where the planmerge executable is", hint: "run it by its full path")
    }
}
