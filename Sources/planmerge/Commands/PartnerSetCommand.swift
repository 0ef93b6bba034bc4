import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge partner set ID ...`: changes one partner's fields in place (comments and the
/// other fields kept) and commits the manifest on the hub's main.
struct PartnerSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract:
            "Change a partner's name, remote, branch, pushers or officers (edits plan.yaml in place and commits).",
        discussion: """
            Run on the hub, or in the coordinator's clone (then push main). Comments and the partner's other fields are kept; a change that would leave the manifest invalid is refused and nothing is committed.

            Examples:
              planmerge partner set leicester-pct --pusher pvaughan --officer "Paul Vaughan" --repo hub.git
              planmerge partner set uhl --remote https://plans.uhl.example/git/plan.git --repo hub.git
              planmerge partner set uhl --no-remote --no-pusher jporter
            """
    )

    @OptionGroup var hub: HubOption
    @Argument(help: "The partner's id.")
    var id: String
    @Option(help: "The display name.")
    var name: String?
    @Option(help: "Where the partner publishes: an ssh or https URL, or a path (never with a password).")
    var remote: String?
    @Flag(help: "The partner pushes to the hub (branch partners/ID) instead of publishing a remote.")
    var noRemote = false
    @Option(help: "The partner's branch.")
    var branch: String?
    @Option(help: "A server user name that pushes for this partner (repeat for several).")
    var pusher: [String] = []
    @Option(help: "A user name that no longer pushes for this partner (repeat for several).")
    var noPusher: [String] = []
    @Option(help: "The partner's officers (repeat; replaces the list).")
    var officer: [String] = []

    func validate() throws {
        if remote != nil && noRemote { throw ValidationError("--remote and --no-remote exclude each other") }
        if let remote, RemoteURL.password(in: remote) != nil {
            throw ValidationError(
                "the remote holds a password, and plan.yaml is read by every partner: give the URL without it and store the password in a git credential helper (docs/DEPLOY.md)"
            )
        }
    }

    func run() throws {
        let hub = try hub.open()
        let change = ManifestEditor.PartnerChange(
            name: name, remote: noRemote ? .some(nil) : remote.map { .some($0) }, branch: branch, addPushers: pusher,
            removePushers: noPusher, officers: officer.isEmpty ? nil : officer)
        var result: Partner?
        do {
            try hub.editManifest(message: "Change partner \(id)", author: hub.repository.defaultSignature()) {
                let edited = try ManifestEditor(text: $0).settingPartner(id, change)
                result = edited.partner
                return edited.text
            }
        } catch let error as ManifestEditor.EditError {
            throw UserError("\(error)")
        }
        guard let partner = result else { return }
        Console.out(
            "\(partner.id) (\(partner.name)): \(partner.remote.map(RemoteURL.scrubbed) ?? "pushes to the hub, branch \(HubLayout.partnerBranch(partner.id))")"
        )
        Console.out("pushers: \(partner.pushers.isEmpty ? "none" : partner.pushers.joined(separator: ", "))")
        if !hub.repository.isBare {
            Console.out("Committed on main in this clone: push it to the hub (git push origin main)")
        }
    }
}
