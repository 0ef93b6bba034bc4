import Foundation
import XCTest

/// One command-line dialect: every command that reads a repository takes `--repo` and, given
/// nothing, reads the repository holding the current directory (main in a bare hub, the files
/// as they are in a work tree); the old spellings still work, hidden; one error form.
final class CLIDialectTests: XCTestCase {
    var fixture: GitFixture!

    override func setUpWithError() throws { fixture = try GitFixture() }
    override func tearDown() { fixture.remove() }

    /// A bare hub holding the Derby plan on main, every partner's work consolidated.
    func makeHub() throws -> URL {
        let hub = try fixture.publishedHub(from: "Repos/derby")
        let consolidated = try CLI.run(["consolidate", "--repo", hub.path, "--today", "2008-07-01"])
        XCTAssertEqual(consolidated.status, 0, consolidated.stdout + consolidated.stderr)
        return hub
    }

    /// Each command, what it prints on the hub's main, and a tag name free for it.
    func commands(tag: String) -> [(arguments: [String], expect: String)] {
        [
            (["validate", "--rev", "main"], "main "),
            (["validate"], "0 errors"),
            (["show"], "Derby Joint Area Review Post Inspection Action Plan"),
            (["render", "--format", "md"], "Derby Joint Area Review Post Inspection Action Plan"),
            (["status", "--today", "2008-07-01"], "Partners ("),
            (["consolidate", "--dry-run", "--today", "2008-07-01"], "main"),
            (["tag", "--name", tag, "--today", "2008-07-01"], "as \(tag)"),
            (["versions"], tag),
            (["diff", "main", tag], "Derby Joint Area Review"),
            (["partner", "list"], "dcc-housing\t"),
            (["hooks", "uninstall"], "no planmerge hooks"),
        ]
    }

    func testEveryCommandWorksInsideABareHubWithNoArgumentAndTakesRepo() throws {
        let hub = try makeHub()
        for (arguments, expect) in commands(tag: "cabinet/2008-07-08") {
            let result = try CLI.run(arguments, in: hub)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stdout.contains(expect), "\(arguments): \(result.stdout)")
        }
        let elsewhere = fixture.root  // not a repository
        for (arguments, expect) in commands(tag: "cabinet/2008-07-09") {
            let result = try CLI.run(arguments + ["--repo", hub.path], in: elsewhere)
            XCTAssertEqual(result.status, 0, "\(arguments) --repo: \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stdout.contains(expect), "\(arguments) --repo: \(result.stdout)")
        }
        let validate = try CLI.run(["validate", "--rev", "main", "--repo", hub.path, "--quiet"], in: elsewhere)
        XCTAssertTrue(validate.stdout.hasPrefix("main "), validate.stdout)
        XCTAssertTrue(validate.stdout.contains(": 0 errors"), validate.stdout)
    }

    func testTheOldSpellingsStillWorkAndAreHidden() throws {
        let hub = try makeHub()
        let elsewhere = fixture.root
        let old: [[String]] = [
            ["status", hub.path, "--today", "2008-07-01"],
            ["consolidate", hub.path, "--dry-run", "--today", "2008-07-01"],
            ["partner", "list", "--hub", hub.path],
            ["versions", "--hub", hub.path],
            ["tag", "--hub", hub.path, "--name", "cabinet/2008-07-10", "--today", "2008-07-01"],
            ["validate", hub.path, "--rev", "main", "--quiet"],
        ]
        for arguments in old {
            let result = try CLI.run(arguments, in: elsewhere)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stdout)\(result.stderr)")
        }
        for command in [["status"], ["consolidate"], ["tag"], ["versions"], ["partner", "list"]] {
            let help = try CLI.run(command + ["--help"])
            XCTAssertTrue(help.stdout.contains("--repo <path>"), "\(command): \(help.stdout)")
            XCTAssertFalse(help.stdout.contains("--hub"), "\(command): --hub is hidden: \(help.stdout)")
        }
        let twice = try CLI.run(["status", hub.path, "--repo", hub.path], in: elsewhere)
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.hasPrefix("planmerge: give the hub once, with --repo"), twice.stderr)
        // In sync, --repo is the clone (the hub is --remote): the old --hub would mislead there.
        let sync = try CLI.run(["sync", "--hub", hub.path], in: elsewhere)
        XCTAssertEqual(sync.status, 2)
        XCTAssertTrue(sync.stderr.hasPrefix("planmerge: sync takes the hub with --remote"), sync.stderr)
    }

    func testInAWorkTreeTheDefaultIsTheFilesAsTheyAre() throws {
        let work = try fixture.workTree(from: "Repos/derby")
        try "# Recommendation 8\n\nnot a field\n".write(
            to: work.appendingPathComponent("sections/lsc/8.md"), atomically: true, encoding: .utf8)
        let inside = try CLI.run(["validate", "--quiet"], in: work)
        XCTAssertEqual(inside.status, 1, inside.stdout)
        XCTAssertTrue(inside.stdout.contains("sections/lsc/8.md:3:1: error: [line-unexpected]"), inside.stdout)
        let given = try CLI.run(["validate", "--quiet", "--repo", work.path], in: fixture.root)
        XCTAssertEqual(given.status, 1, given.stdout)
        XCTAssertTrue(given.stdout.contains("[line-unexpected]"), given.stdout)
        let committed = try CLI.run(["show", "--rev", "HEAD", "--repo", work.path], in: fixture.root)
        XCTAssertEqual(committed.status, 0, committed.stderr)
    }

    func testOneErrorFormAndLibgit2CodesOnlyWithVerbose() throws {
        let notARepository = fixture.root.path
        let plain = try CLI.run(["validate", "--rev", "main", "--repo", notARepository])
        XCTAssertEqual(plain.status, 2)
        let lines = plain.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, plain.stderr)
        XCTAssertTrue(lines[0].hasPrefix("planmerge: \(notARepository) is not in a git repository"), plain.stderr)
        XCTAssertTrue(lines[1].hasPrefix("hint: "), plain.stderr)
        XCTAssertFalse(plain.stderr.contains("libgit2 code"), plain.stderr)
        let verbose = try CLI.run(["validate", "--rev", "main", "--repo", notARepository, "--verbose"])
        XCTAssertEqual(verbose.status, 2)
        XCTAssertTrue(verbose.stderr.contains("(libgit2 code -3, class "), verbose.stderr)

        let usage = try CLI.run(["validate", "--no-such-option"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(
            usage.stderr.hasPrefix("planmerge: Unknown option '--no-such-option'\nhint: usage: planmerge validate"),
            usage.stderr)
        let invalid = try CLI.run(["status", "--today", "yesterday"], in: fixture.root)
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.hasPrefix("planmerge: --today takes a date as YYYY-MM-DD"), invalid.stderr)
        for result in [plain, usage, invalid] { XCTAssertFalse(result.stderr.contains("Error:"), result.stderr) }
    }

    func testTextIsTheDefaultFormatEverywhere() throws {
        let due = try CLI.run(["due", "31.3.09"])
        XCTAssertEqual(due.status, 0, due.stderr)
        XCTAssertEqual(due.stdout, "date 2009-03-31..2009-03-31  31.3.09\n")
        let show = try CLI.run(["show", "Repos/derby"])
        XCTAssertTrue(
            show.stdout.hasPrefix("Derby Joint Area Review Post Inspection Action Plan (Derby City Council)\n"),
            show.stdout)
        let hub = try makeHub()
        let commands = [
            ["validate"], ["status", "--today", "2008-07-01"], ["consolidate", "--dry-run", "--today", "2008-07-01"],
            ["versions"], ["partner", "list"],
        ]
        for arguments in commands {
            let result = try CLI.run(arguments, in: hub)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertFalse(
                result.stdout.hasPrefix("{") || result.stdout.hasPrefix("["), "\(arguments): \(result.stdout)")
        }
    }
}
