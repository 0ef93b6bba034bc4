import ArgumentParser
import Foundation
import GitKit

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

/// The one form of an error on the terminal: `planmerge: <message>` then `hint: ...`.
/// libgit2's codes ("(libgit2 code -3, class 2)") are shown only with `--verbose`.
enum ErrorText {
    /// Set once by `main` from `--verbose` (accepted anywhere on the command line).
    nonisolated(unsafe) static var verbose = false

    /// An error's text as a user reads it (libgit2 codes only with `--verbose`).
    static func describe(_ error: any Error) -> String {
        if let error = error as? GitError, !verbose { return "\(error.operation): \(error.message)" }
        return scrub("\(error)")
    }

    /// Removes libgit2's "(libgit2 code N, class M)" from a text, unless `--verbose`.
    static func scrub(_ text: String) -> String {
        guard !verbose else { return text }
        return text.replacingOccurrences(
            of: #" ?\(libgit2 code -?[0-9]+, class -?[0-9]+\)"#, with: "", options: .regularExpression)
    }

    /// `planmerge: <message>` plus `hint: <hint>` lines.
    static func render(message: String, hint: String?) -> String {
        var lines = ["planmerge: " + scrub(message)]
        if let hint { lines.append("hint: " + scrub(hint)) }
        return lines.joined(separator: "\n")
    }

    /// An error the command line did not turn into an exit code; `usage` is
    /// swift-argument-parser's full message for parse and validation errors.
    static func render(_ error: any Error, usage: String) -> String {
        switch error {
        case let error as UserError:
            return render(message: error.message, hint: error.hint)
        case let error as GitError:
            return render(
                message: describe(error),
                hint: verbose ? nil : "add --verbose for libgit2's error code")
        default:
            return render(parserMessage: usage.isEmpty ? describe(error) : usage)
        }
    }

    /// swift-argument-parser's "Error: X\nUsage: Y\n  See 'Z --help' ..." as
    /// `planmerge: X` and `hint: usage: Y; see 'Z --help'`.
    static func render(parserMessage text: String) -> String {
        var message: [String] = []
        var hint: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Usage: ") {
                hint.append("usage: " + trimmed.dropFirst("Usage: ".count))
            } else if trimmed.hasPrefix("See '") {
                hint.append("s" + trimmed.dropFirst().replacingOccurrences(of: " for more information.", with: ""))
            } else if hint.isEmpty {
                message.append(trimmed.hasPrefix("Error: ") ? String(trimmed.dropFirst("Error: ".count)) : trimmed)
            } else {
                hint.append(trimmed)
            }
        }
        return render(message: message.joined(separator: "\n"), hint: hint.isEmpty ? nil : hint.joined(separator: "; "))
    }
}
