import ArgumentParser
import Foundation
import XCTest

@testable import planmerge

/// Every command's help: paragraphs written unwrapped (the terminal wraps them, so they are
/// never ragged), at least one example, and no default said twice.
final class HelpTests: XCTestCase {
    /// Every command and subcommand, with its path of names.
    static func allCommands() -> [(path: [String], type: any ParsableCommand.Type)] {
        var out: [(path: [String], type: any ParsableCommand.Type)] = []
        func walk(_ type: any ParsableCommand.Type, _ path: [String]) {
            out.append((path, type))
            for sub in type.configuration.subcommands {
                let name = sub.configuration.commandName ?? sub._commandName
                walk(sub, path + [name])
            }
        }
        for sub in Planmerge.configuration.subcommands {
            walk(sub, [sub.configuration.commandName ?? sub._commandName])
        }
        return out
    }

    func testEveryCommandIsListed() {
        let names = Set(Self.allCommands().map { $0.path.joined(separator: " ") })
        for name in [
            "validate", "show", "render", "status", "consolidate", "tag", "versions", "diff", "partner list",
            "hooks install", "due",
        ] {
            XCTAssertTrue(names.contains(name), name)
        }
    }

    func testParagraphsAreNotHardWrappedAndEveryCommandHasAnExample() {
        for (path, type) in Self.allCommands() {
            let name = path.joined(separator: " ")
            let discussion = type.configuration.discussion
            XCTAssertTrue(discussion.contains("Example"), "\(name) has no example")
            let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated().dropLast() {
                let next = lines[index + 1]
                let prose = !line.isEmpty && !line.hasPrefix(" ") && !line.hasSuffix(":")
                let continued = !next.isEmpty && !next.hasPrefix(" ")
                XCTAssertFalse(prose && continued, "\(name): a paragraph is hard-wrapped after \"\(line)\"")
            }
        }
    }

    func testNoDefaultIsSaidTwice() throws {
        for (path, _) in Self.allCommands() {
            let help = try CLI.run(path + ["--help"], environment: ["COLUMNS": "400"])
            XCTAssertEqual(help.status, 0, path.joined(separator: " "))
            // `planmerge serve` forwards everything, --help included, to planmerge-serve.
            let usage = path == ["serve"] ? "planmerge-serve" : "USAGE: planmerge \(path.joined(separator: " "))"
            XCTAssertTrue(help.stdout.contains(usage), help.stdout)
            let text = help.stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            XCTAssertNil(
                text.range(of: #"(?i)default:? [^()]*\)\.? \(default:"#, options: .regularExpression),
                "\(path): \(help.stdout)")
        }
        let tag = try CLI.run(["tag", "--help"])
        XCTAssertTrue(tag.stdout.contains("The commit to tag. (default: main)"), tag.stdout)
        XCTAssertFalse(tag.stdout.contains("(default: main). (default: main)"), tag.stdout)
    }
}
