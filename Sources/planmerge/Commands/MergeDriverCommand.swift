import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge merge-driver %O %A %B %P`: git's merge driver protocol. git runs it for
/// files marked `merge=planmerge` (set up by `planmerge hooks install`) with the base,
/// ours and theirs versions in temporary files; the result goes into %A.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge one section file for git (structure-aware), writing the result into OURS.",
        discussion: """
            Registered by 'planmerge hooks install' as: merge.planmerge.driver = planmerge merge-driver %O %A \
            %B %P. Exit 0: merged cleanly (canonical text written). Exit 1: conflicts, written as field-level \
            conflict blocks (or git's line markers when a side does not parse); resolve, git add, commit.

            Example (what git runs):
              planmerge merge-driver .merge_file_base .merge_file_ours .merge_file_theirs sections/pct/15.md
            """
    )

    @Argument(help: "The common ancestor's version (%O).") var base: String
    @Argument(help: "Our version (%A); the result is written here.") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String
    @Argument(help: "The file's path in the repository (%P).") var path: String

    func run() throws {
        func read(_ file: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: file) else { throw UserError("cannot read \(file)") }
            return [UInt8](data)
        }
        let merge = FileMerge(dueReference: Self.dueReference(), labels: Self.labels())
        let result = merge.merge(base: try read(base), ours: try read(ours), theirs: try read(theirs), path: path)
        try Data(result.bytes ?? []).write(to: URL(fileURLWithPath: ours))
        if !result.clean {
            let what = result.conflicts.map(\.what)
            Console.error("planmerge: conflict in \(path)" + (what.isEmpty ? "" : ": " + what.joined(separator: "; ")))
            throw PlanmergeExit.problems.code
        }
    }

    /// The inspection's publication day, from the work tree's manifest (git runs drivers at
    /// the top of the work tree); due texts without a year are read against it.
    static func dueReference() -> Day? {
        guard let data = FileManager.default.contents(atPath: Manifest.fileName) else { return nil }
        return ManifestReader().read([UInt8](data)).manifest?.inspection.published
    }

    /// "ours (Paul Vaughan)": our side is the local user's work.
    static func labels() -> ConflictWriter.Labels {
        let name = (try? Repository.openFromEnvironment().configString("user.name")) ?? nil
        return ConflictWriter.Labels(ours: name.map { "ours (\($0))" } ?? "ours", theirs: "theirs")
    }
}
