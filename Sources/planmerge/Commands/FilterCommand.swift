import ArgumentParser
import Foundation
import PlanModel

/// `planmerge filter clean`: git's clean filter for plan files (set up by `hooks install`):
/// standard input to standard output in the repository's line endings (`LineEndings`).
struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "git's clean filter for plan files: drop a UTF-8 BOM, turn CRLF into LF.",
        discussion: """
            Registered by 'planmerge hooks install' as filter.planmerge.clean for section files and plan.yaml \
            (in .git/info/attributes), so a file saved by Notepad (CRLF, BOM) is stored as fmt writes it and a \
            one-line change stays a one-line diff. Reads standard input, writes standard output; every other \
            byte is kept.

            Example (what git runs):
              planmerge filter clean < sections/leicester-pct/15.md
            """
    )

    enum Direction: String, ExpressibleByArgument {
        case clean
    }

    @Argument(help: "clean (into the repository).") var direction: Direction

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        FileHandle.standardOutput.write(Data(LineEndings.canonical([UInt8](input))))
    }
}
