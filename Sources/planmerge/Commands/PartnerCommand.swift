import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "List, add or remove the plan's partners (edits the manifest on the hub's main).",
        discussion: """
            Run on the hub (a bare repository; --repo, or the current directory).

            Examples:
              planmerge partner list --repo hub.git
              planmerge partner add leicester-pct --name "Leicester City PCT" --remote ../pct.git --repo hub.git
              planmerge partner set leicester-pct --pusher pvaughan --repo hub.git
              planmerge partner remove leicester-pct --repo hub.git
            """,
        subcommands: [List.self, Add.self, PartnerSetCommand.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the partners.",
            discussion: """
                Text: one line per partner, id, name and where it publishes, separated by tabs.

                Examples:
                  planmerge partner list --repo hub.git
                  planmerge partner list --format json
                """)
        @OptionGroup var hub: HubOption
        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let text = try hub.open().manifestText()
            guard let manifest = ManifestReader().read(Array(text.utf8)).manifest else {
                throw UserError("plan.yaml on main has errors")
            }
            switch format {
            case .json:
                Console.out(
                    try ReportJSON.encode(
                        manifest.partners.map { partner in
                            var scrubbed = partner
                            scrubbed.remote = partner.remote.map(RemoteURL.scrubbed)
                            return scrubbed
                        }))
            case .text:
                for partner in manifest.partners {
                    let pushers = partner.pushers.isEmpty ? "-" : partner.pushers.joined(separator: ",")
                    Console.out(
                        "\(partner.id)\t\(partner.name)\t\(partner.remote.map(RemoteURL.scrubbed) ?? HubLayout.partnerBranch(partner.id))\tpushers: \(pushers)"
                    )
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a partner and commit the manifest.",
            discussion: """
                A partner without --remote publishes by pushing to partners/ID on the hub.

                Examples:
                  planmerge partner add derby-pct --name "Derby City PCT" --repo hub.git
                  planmerge partner add police --name "Leicestershire Police" --remote https://example.org/p.git
                """)
        @OptionGroup var hub: HubOption
        @Argument(help: "The partner's id: its folder name under sections/ (lowercase, digits, '-').")
        var id: String
        @Option(help: "The display name.")
        var name: String
        @Option(
            help: """
                Where the partner publishes: a path, file://, git://, ssh or https URL. \
                Default: a branch partners/ID pushed to the hub.
                """)
        var remote: String?
        @Option(help: "The partner's branch.")
        var branch = "main"
        @Option(parsing: .upToNextOption, help: "Server user names that push for this partner.")
        var pusher: [String] = []

        func validate() throws {
            guard ManifestConsistencyCheck.isValidID(id) else {
                throw ValidationError("'\(id)' is not a usable partner id: use lowercase letters, digits and '-'")
            }
        }

        func run() throws {
            let hub = try hub.open()
            let partner = Partner(id: id, name: name, remote: remote, branch: branch, pushers: pusher)
            do {
                try hub.editManifest(message: "Add partner \(id) (\(name))", author: hub.repository.defaultSignature())
                {
                    try ManifestEditor(text: $0).adding(partner)
                }
            } catch let error as ManifestEditor.EditError {
                throw UserError("\(error)")
            }
            Console.out("Added \(id) (\(name)); it owns sections/\(id)/")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a partner and commit the manifest.",
            discussion: """
                The partner's folder sections/ID/ is left as it is.

                Example:
                  planmerge partner remove derby-pct --repo hub.git
                """)
        @OptionGroup var hub: HubOption
        @Argument(help: "The partner's id.")
        var id: String

        func run() throws {
            let hub = try hub.open()
            if let manifest = ManifestReader().read(Array(try hub.manifestText().utf8)).manifest {
                let naming = manifest.recommendations.filter { $0.lead == id || $0.partners.contains(id) }.map(\.number)
                if !naming.isEmpty {
                    throw UserError(
                        "recommendation(s) \(naming.map(String.init).joined(separator: ", ")) still name \(id) (as lead or partner): nothing was changed",
                        hint:
                            "give those recommendations another lead or remove \(id) from their partners in plan.yaml first"
                    )
                }
            }
            do {
                try hub.editManifest(message: "Remove partner \(id)", author: hub.repository.defaultSignature()) {
                    try ManifestEditor(text: $0).removing(id)
                }
            } catch let error as ManifestEditor.EditError {
                throw UserError("\(error)")
            }
            Console.out("Removed \(id) from the manifest (its folder sections/\(id)/ is left as it is)")
        }
    }
}
