import ArgumentParser
import Foundation
import GitKit
import PlanModel

/// `planmerge new-section N`: starts the partner's file on recommendation N
/// (`sections/<partner>/<N>.md`, in the canonical form `fmt` writes), for a recommendation
/// the partner contributes actions to without leading it.
struct NewSectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-section",
        abstract: "Start this partner's file on a recommendation (sections/<partner>/<N>.md).",
        discussion: """
            Run in a partner clone (the partner is the one 'hooks install --partner' or 'planmerge clone' set, or \
            --partner). Refuses a number the manifest does not list and a file that exists already. Then add \
            actions under it ('## N.x What will be done', with Due:, Lead:, Success: lines), git add, git commit.

            Example:
              planmerge new-section 15
            """
    )

    @Argument(help: "The recommendation's number, as in plan.yaml.") var number: Int
    @Option(help: "The partner (default: this clone's, git config planmerge.partner).") var partner: String?
    @OptionGroup var repository: HubOption

    func run() throws {
        let repository = try self.repository.repository()
        guard let workdir = repository.workdir else {
            throw UserError(
                "\(repository.gitDir) is a bare repository", hint: "run planmerge new-section in your clone of the hub")
        }
        guard let partner = try partner ?? repository.configString("planmerge.partner") else {
            throw UserError(
                "this clone commits for no partner",
                hint: "give it: planmerge new-section \(number) --partner ID (or planmerge hooks install --partner ID)")
        }
        guard let data = FileManager.default.contents(atPath: workdir + Manifest.fileName),
            let manifest = ManifestReader().read([UInt8](data)).manifest
        else {
            throw UserError(
                "cannot read \(workdir)\(Manifest.fileName)",
                hint: "run planmerge validate to see what is wrong with it")
        }
        guard manifest.partner(partner) != nil else {
            throw UserError(
                "the manifest lists no partner '\(partner)'",
                hint: "partners: \(manifest.partners.map(\.id).joined(separator: ", "))")
        }
        guard let recommendation = manifest.recommendation(number) else {
            throw UserError(
                "\(Manifest.fileName) has no recommendation \(number)",
                hint: "recommendations: \(manifest.recommendations.map { String($0.number) }.joined(separator: ", "))")
        }
        let path = SectionFile.path(partner: partner, recommendation: number)
        let file = workdir + path
        guard !FileManager.default.fileExists(atPath: file) else {
            throw UserError("\(path) exists already", hint: "open it and add your actions there")
        }
        let text = SectionFormatter.format(SectionFile(path: path, partner: partner, recommendation: number))
        try FileManager.default.createDirectory(
            atPath: workdir + "sections/" + partner, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        Console.out("created \(path) (recommendation \(number), led by \(recommendation.lead))")
        Console.out(
            "Add your actions under it ('## \(number).x What will be done', then Due:, Lead:, Success: lines), then: git add \(path) && git commit -m \"\(partner): actions on recommendation \(number)\""
        )
    }
}
