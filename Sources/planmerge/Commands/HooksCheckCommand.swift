import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge hooks check`: what is installed on a hub and whether a push would work.
struct HooksCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Say what is installed on the hub and whether a push would work (binary, identity source, pushers).",
        discussion: """
            Exits 0 when a push would be checked and could succeed, 1 otherwise (each problem is printed).

            Examples:
              planmerge hooks check --repo /var/lib/gitolite3/repositories/plan.git
            """)

    @OptionGroup var hub: HubOption

    func run() throws {
        let repository = try hub.repository()
        let installer = HookInstaller(repository: repository)
        var problems: [String] = []
        let hooks = repository.gitDir + "hooks/"
        let installed = HookScripts.all.keys.sorted().filter { name in
            FileManager.default.contents(atPath: hooks + name).map {
                HookInstaller.isPlanmergeScript(String(decoding: $0, as: UTF8.self))
            } ?? false
        }
        Console.out("repository: \(repository.gitDir)\(installer.isBare ? " (bare: a hub)" : " (a clone)")")
        Console.out(
            "gitolite: \(installer.isGitolite ? "yes (its update hook stays; planmerge uses pre-receive)" : "no")")
        Console.out("planmerge hooks: \(installed.isEmpty ? "none" : installed.joined(separator: ", "))")
        if installer.isBare, !installed.contains("pre-receive"), !installed.contains("update") {
            problems.append("no server hook: pushes are not checked (planmerge hooks install --server)")
        }
        let binary = Self.binaryAsHookFinds(recorded: try repository.localConfigString("planmerge.binary"))
        Console.out("binary: \(binary ?? "NOT FOUND")")
        if binary == nil {
            problems.append("the hooks find no planmerge (PATH plus /usr/local/bin, /usr/bin; planmerge.binary)")
        }
        if installer.isBare {
            let source = try Pusher.identitySource(of: repository)
            Console.out("identity: \(source.map { "\($0) (\($0.explanation))" } ?? "UNSET")")
            if source == nil { problems.append("planmerge.identity is unset: every push is refused") }
            Console.out("receive.fsckObjects: \(try repository.configString("receive.fsckObjects") ?? "unset")")
            let hub = Hub(repository: repository)
            if let manifest = ManifestReader().read(Array(try hub.manifestText().utf8)).manifest {
                let coordinators = manifest.coordinator.pushers
                Console.out(
                    "coordinator pushers: \(coordinators.isEmpty ? "none" : coordinators.joined(separator: ", "))")
                if coordinators.isEmpty {
                    problems.append(
                        "coordinator.pushers is empty: nobody can push main (planmerge coordinator set --pusher USER)")
                }
                let silent = manifest.partners.filter { $0.remote == nil && $0.pushers.isEmpty }.map(\.id)
                for partner in manifest.partners where !partner.pushers.isEmpty {
                    Console.out("partner \(partner.id) pushers: \(partner.pushers.joined(separator: ", "))")
                }
                if !silent.isEmpty {
                    Console.out(
                        "partners that publish on the hub but nobody can push for yet (planmerge partner set ID --pusher USER): \(silent.joined(separator: ", "))"
                    )
                }
            } else {
                problems.append("plan.yaml on main has errors: no pusher can be identified")
            }
        }
        for problem in problems { Console.error("planmerge: \(problem)") }
        Console.out(problems.isEmpty ? "a push would be checked and can succeed" : "\(problems.count) problem(s)")
        if !problems.isEmpty { throw PlanmergeExit.problems.code }
    }

    /// The binary the hook scripts would run: planmerge on PATH (with the folders they add),
    /// else the recorded one.
    static func binaryAsHookFinds(recorded: String?) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(folder)/planmerge") {
            return "\(folder)/planmerge"
        }
        if let recorded, FileManager.default.isExecutableFile(atPath: recorded) {
            return "\(recorded) (recorded at install)"
        }
        return nil
    }
}
