import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a hub: a bare repository whose first commit on main holds the manifest.",
        discussion: """
            Partners clone the hub and publish their folder; the coordinator runs 'planmerge consolidate' on \
            it. With --from, the manifest (and with --with-sections the section files) of an existing plan \
            folder such as Repos/leicester is used.

            Examples:
              planmerge init hub.git --title "Joint Area Review action plan" --authority "Derby City Council"
              planmerge init hub.git --from Repos/leicester --with-sections
            """
    )

    @Argument(help: "The new hub's folder (it must not exist, or be empty).")
    var directory: String

    @Option(help: "The plan's title.")
    var title: String?

    @Option(help: "The lead authority.")
    var authority: String?

    @Option(help: "The inspection the plan answers.")
    var inspection = "Joint Area Review"

    @Option(help: "The day the inspection report was published (YYYY-MM-DD): day 1 of the statutory period.")
    var published: String?

    @Option(help: "Take the manifest from this plan folder (e.g. Repos/leicester).")
    var from: String?

    @Flag(help: "With --from: take the section files too.")
    var withSections = false

    func validate() throws {
        if from == nil, title == nil || authority == nil {
            throw ValidationError("give --title and --authority, or --from a plan folder")
        }
        try DayOption.check(published, flag: "--published")
        if withSections, from == nil { throw ValidationError("--with-sections goes with --from") }
    }

    func run() throws {
        var files: [String: [UInt8]] = [:]
        if let from {
            let source = FolderSource(root: try PlanLocator.folder(from))
            let loaded = try PlanLoader().load(from: source)
            guard loaded.plan != nil,
                !loaded.diagnostics.contains(where: { $0.severity == .error && $0.location.file == Manifest.fileName })
            else {
                Console.error(TextReporter.render(loaded.diagnostics.filter { $0.severity == .error }))
                throw UserError("\(from)/\(Manifest.fileName) has errors")
            }
            for path in try source.listFiles()
            where path == Manifest.fileName || (withSections && PlanLoader.isSectionFile(path)) {
                files[path] = try source.read(path)
            }
        } else {
            files[Manifest.fileName] = Array(
                ManifestTemplate.make(
                    title: title!, authority: authority!, inspection: inspection,
                    published: published.flatMap { Day(iso: $0) }
                ).utf8)
        }
        do {
            _ = try Hub.create(at: directory, files: files)
        } catch let error as HubError {
            throw UserError(ErrorText.describe(error))
        }
        Console.out("Created the hub \(directory) (\(files.count) file(s) on main)")
        Console.out("Next: planmerge partner add ID --name NAME --remote URL --repo \(directory)")
    }
}
