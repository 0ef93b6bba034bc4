import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge coordinator set --pusher U...`: who may change the manifest and every folder.
struct CoordinatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coordinator",
        abstract: "Set who pushes as the coordinator.",
        discussion: """
            Examples:
              planmerge coordinator set --pusher admin --pusher jsmith --repo hub.git
            """,
        subcommands: [Set.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set coordinator.pushers (edits plan.yaml in place and commits); refuses an empty list.",
            discussion: """
                The list is replaced. Under gitolite a name with no key in gitolite's keydir is refused (it would lock the coordinator out).

                Examples:
                  planmerge coordinator set --pusher admin --repo /var/lib/gitolite3/repositories/plan.git
                """)

        @OptionGroup var hub: HubOption
        @Option(help: "A server user name that pushes as the coordinator (repeat for several; the list is replaced).")
        var pusher: [String] = []

        func validate() throws {
            if pusher.isEmpty || pusher.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("give at least one --pusher: with none, nobody could change the manifest again")
            }
        }

        func run() throws {
            let hub = try hub.open()
            if let known = try hub.serverUserNames() {
                let unknown = pusher.filter { !UserName.list(known, contains: $0) }
                if !unknown.isEmpty {
                    throw UserError(
                        "gitolite has no key for \(unknown.joined(separator: ", ")): a coordinator that cannot push is locked out, so nothing was changed",
                        hint:
                            "gitolite's users: \(known.joined(separator: ", ")); add the key to gitolite's keydir first, or correct the name"
                    )
                }
            }
            let current = ManifestReader().read(Array(try hub.manifestText().utf8)).manifest?.coordinator.pushers ?? []
            let dropped = current.filter { !UserName.list(pusher, contains: $0) }
            do {
                try hub.editManifest(
                    message: "Set the coordinator's pushers", author: hub.repository.defaultSignature()
                ) {
                    try ManifestEditor(text: $0).settingCoordinatorPushers(pusher)
                }
            } catch let error as ManifestEditor.EditError {
                throw UserError("\(error)")
            }
            Console.out("coordinator pushers: \(pusher.joined(separator: ", "))")
            if !dropped.isEmpty { Console.out("no longer coordinator: \(dropped.joined(separator: ", "))") }
            if !hub.repository.isBare {
                Console.out("Committed on main in this clone: push it to the hub (git push origin main)")
            }
        }
    }
}
