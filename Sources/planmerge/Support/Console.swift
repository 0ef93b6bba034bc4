import GitKit
import ArgumentParser
import Foundation

/// planmerge's documented exit codes (README "Exit codes").
enum PlanmergeExit: Int32 {
    case ok = 0
    /// The plan has errors, a partner was held back, a tag was refused.
    case problems = 1
    /// Usage or environment error: not a plan, not a repository, bad options.
    case environment = 2

    var code: ExitCode { ExitCode(rawValue) }
}

/// The one place the executable writes to the terminal.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var isErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// A failure the user can act on: printed as `planmerge: message` with a hint, exit 2.
struct UserError: Error, CustomStringConvertible {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }
}
