import ArgumentParser
import Foundation
import GitKit
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
              planmerge hooks check --repo hub.git
            """,
        subcommands: [Install.self, Uninstall.self, HooksCheckCommand.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the hooks (and, in a clone, the merge driver). Safe to run again.",
            discussion: """
                In a partner clone: --partner ID (pre-commit, commit-msg, merge driver, the clean filter for \
                Windows line endings, and plain git push / git pull to the partner's publish branch and the \
                hub's main). In the coordinator's clone: no option. On the hub: --server (pre-receive; with --per-ref, the update hook instead). \
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

        @Option(
            help:
                "With --server: how the server names pushers: gitolite, http or unix (default: gitolite when gitolite manages the hub)."
        )
        var identity: String?

        @Flag(
            help:
                "Install even where the mode does not fit the repository (--partner on a bare one, --server on a clone)."
        )
        var force = false

        func validate() throws {
            if let identity, Pusher.IdentitySource(identity) == nil {
                throw ValidationError("--identity: use gitolite, http or unix")
            }
            if identity != nil && !server { throw ValidationError("--identity goes with --server") }
            if server && partner != nil { throw ValidationError("--partner and --server exclude each other") }
            if perRef && !server { throw ValidationError("--per-ref goes with --server") }
        }

        func run() throws {
            try OwnerCheck.run(self.repository.path ?? FileManager.default.currentDirectoryPath)
            let repository = try self.repository.repository()
            let found = try partner.flatMap { try Self.checkPartner($0, in: repository) }
            let kind: HookInstaller.Kind = server ? .server(perRef: perRef) : .clone(partner: partner)
            if server { try Self.checkSomeoneCanPush(repository) }
            var done: [String]
            let binary = try Executable.path()
            do {
                done = try HookInstaller(repository: repository).install(
                    kind, binary: binary, identity: identity.flatMap(Pusher.IdentitySource.init),
                    force: force, publication: found?.publication)
            } catch let error as HookInstaller.ModeError {
                throw UserError("\(error)")
            } catch let error as PartnerGitConfig.SetupError {
                throw UserError("\(error)")
            }
            if found != nil {
                done += try Self.installPullStrategy(beside: binary)
            }
            for line in done { Console.out(line) }
            Console.out(
                done.isEmpty
                    ? "planmerge hooks already installed in \(repository.gitDir)"
                    : "planmerge hooks installed in \(repository.gitDir)")
            if server, let source = try Pusher.identitySource(of: repository) {
                Console.out("pushers are named by \(source.explanation)")
            }
        }

        /// Refuses a hub whose manifest lists no pusher at all: nobody could push to it.
        static func checkSomeoneCanPush(_ repository: Repository) throws {
            let hub = Hub(repository: repository)
            guard try repository.reference(named: HubLayout.mainRef) != nil,
                let manifest = ManifestReader().read(Array(try hub.manifestText().utf8)).manifest
            else { return }  // an empty hub: the seeding push brings the manifest
            if manifest.coordinator.pushers.isEmpty && manifest.partners.allSatisfy({ $0.pushers.isEmpty }) {
                throw UserError(
                    "plan.yaml on main lists no pusher at all: with these hooks nobody could push",
                    hint:
                        "name the coordinator's server user first: planmerge coordinator set --pusher USER --repo \(repository.gitDir)"
                )
            }
        }

        /// The partner must be one the clone's manifest lists (when there is a manifest);
        /// returns it (nil without a manifest).
        @discardableResult
        static func checkPartner(_ id: String, in repository: Repository) throws -> Partner? {
            guard let workdir = repository.workdir,
                let data = FileManager.default.contents(atPath: workdir + Manifest.fileName),
                let manifest = ManifestReader().read([UInt8](data)).manifest
            else { return nil }
            guard let partner = manifest.partner(id) else {
                throw UserError(
                    "the manifest lists no partner '\(id)'",
                    hint: "partners: \(manifest.partners.map(\.id).joined(separator: ", "))")
            }
            return partner
        }

        /// `git-merge-planmerge` beside planmerge; a folder planmerge cannot write to gets the
        /// command that does it instead (git pull still works whenever one reference is new).
        static func installPullStrategy(beside binary: String) throws -> [String] {
            do {
                return try PullStrategyProgram.install(beside: binary).map { [$0] } ?? []
            } catch let error as HookInstaller.ForeignHookError {
                throw UserError("\(error)")
            } catch {
                let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().path
                Console.error(
                    "planmerge: cannot write \(folder)/\(PullStrategyProgram.name) (\(error.localizedDescription)): git pull stops when the hub's main and your publish branch both moved"
                )
                Console.error(
                    "hint: whoever can write \(folder) runs 'planmerge hooks install --partner ID' once in a clone; until then, when both moved, run planmerge sync"
                )
                return []
            }
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uninstall",
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
            Console.out(
                done.isEmpty
                    ? "no planmerge hooks in \(repository.gitDir)" : "planmerge hooks removed from \(repository.gitDir)"
            )
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
