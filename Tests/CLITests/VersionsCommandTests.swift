import Foundation
import XCTest

/// A Cabinet version renders as it was (its own day, its recorded figures), names its
/// meeting, and shows the versions before it; `history` follows one action through them.
final class VersionsCommandTests: XCTestCase {
    var fixture: GitFixture!
    var hub: URL!

    /// The Leicester plan consolidated and tagged on 1 September 2008 (Cabinet, 8 September,
    /// item 15); then uhl marks 15.4 on track and the coordinator tags 1 October 2008
    /// (Cabinet, 6 October, item 16); then a third version on 3 November 2008.
    override func setUpWithError() throws {
        fixture = try GitFixture()
        hub = try fixture.publishedHub()
        try run(["consolidate", "--repo", hub.path, "--today", "2008-09-01"])
        try run([
            "tag", "--repo", hub.path, "--today", "2008-09-01", "--meeting", "Cabinet", "--meeting-date", "2008-09-08",
            "--item", "15",
        ])
        let work = fixture.root.appendingPathComponent("publishing-hub.git")
        try GitFixture.git(["checkout", "-q", "publish-uhl"], in: work)
        let file = work.appendingPathComponent("sections/uhl/15.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let first = try XCTUnwrap(text.range(of: "Due: April 2008 – March 2010\n"), "15.4's due line")
        try text.replacingCharacters(in: first, with: "Due: April 2008 – March 2010\nStatus: on track\n")
            .write(to: file, atomically: true, encoding: .utf8)
        try GitFixture.git(
            ["commit", "-q", "-am", "uhl: 15.4 on track"], in: work,
            environment: [
                "GIT_AUTHOR_NAME": "Jane Porter", "GIT_AUTHOR_EMAIL": "jp@example.org",
            ])
        try GitFixture.git(["push", "-q", "origin", "publish-uhl:refs/heads/partners/uhl"], in: work)
        try run(["consolidate", "--repo", hub.path, "--today", "2008-10-01"])
        try run([
            "tag", "--repo", hub.path, "--today", "2008-10-01", "--meeting", "Cabinet", "--meeting-date", "2008-10-06",
            "--item", "16",
        ])
        try run(["tag", "--repo", hub.path, "--today", "2008-11-03", "--meeting", "Cabinet", "--item", "4"])
    }

    override func tearDown() {
        fixture?.remove()
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CLIResult {
        let result = try CLI.run(arguments, environment: GitFixture.environment)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// The figures a tag recorded: its Planmerge-Figures trailer.
    func recordedFigures(_ tag: String) throws -> [String: Any] {
        let message = try GitFixture.git(["cat-file", "tag", tag], in: hub)
        let line = try XCTUnwrap(message.split(separator: "\n").first { $0.hasPrefix("Planmerge-Figures: ") })
        let json = line.dropFirst("Planmerge-Figures: ".count)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    func testACabinetVersionRendersAsOfItsOwnDayWithTheFiguresItRecorded() throws {
        let recorded = try recordedFigures("cabinet/2008-09-01")
        let overdue = try XCTUnwrap(recorded["overdueRefs"] as? [String])
        XCTAssertEqual(overdue.count, 8, "Leicester on 1 September 2008")
        let message = try GitFixture.git(["cat-file", "tag", "cabinet/2008-09-01"], in: hub)
        XCTAssertTrue(message.contains("; 8 overdue; 2 to be confirmed as of 2008-09-01"), message)

        // No --today: the tag's own day, and exactly the recorded figures.
        let json = try run(["render", "cabinet/2008-09-01", "--repo", hub.path, "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["today"] as? String, "2008-09-01")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["overdue"] as? [String], overdue)
        XCTAssertEqual(summary["byStatus"] as? [String: Int], recorded["byStatus"] as? [String: Int])
        XCTAssertEqual(summary["total"] as? Int, recorded["actions"] as? Int)

        let html = try run(["render", "cabinet/2008-09-01", "--repo", hub.path, "--format", "html"]).stdout
        XCTAssertTrue(html.contains("<dt>Position at:</dt> <dd>1 September 2008</dd>"), "the tag's day")
        XCTAssertTrue(html.contains("<h3>Overdue (8)</h3>"), "8 overdue as recorded")

        // --today still overrides.
        let later = try run([
            "render", "cabinet/2008-09-01", "--repo", hub.path, "--format", "json", "--today", "2026-12-02",
        ])
        let laterObject = try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(laterObject?["today"] as? String, "2026-12-02")
        let laterOverdue = ((laterObject?["summary"] as? [String: Any])?["overdue"] as? [String]) ?? []
        XCTAssertGreaterThan(laterOverdue.count, overdue.count)
    }

    func testThePaperNamesItsMeetingAndShowsTheVersionsUpToItAndWhatMoved() throws {
        let html = try run(["render", "cabinet/2008-10-01", "--repo", hub.path, "--format", "html"]).stdout
        XCTAssertTrue(html.contains("<dt>Meeting:</dt> <dd>Cabinet, 6 October 2008, item 16</dd>"), "cover")
        XCTAssertTrue(html.contains("· for Cabinet, 6 October 2008, item 16</p></footer>"), "footer")
        // The history stops at the rendered version: the November version is not in it.
        XCTAssertTrue(html.contains("<th scope=\"row\">Version 1</th><td>1 September 2008</td>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">Version 2</th><td>1 October 2008</td>"))
        XCTAssertFalse(html.contains("3 November 2008"))
        XCTAssertFalse(html.contains("cabinet/"), "tag names are tool words")
        XCTAssertTrue(
            html.contains(
                "<tr><th scope=\"row\">15.4</th><td>University Hospitals of Leicester NHS Trust</td><td>Status: No status → On track</td></tr>"
            ),
            "moved since cabinet/2008-09-01")
        XCTAssertTrue(html.contains("<p>Changes since version 1 (1 September 2008): 1 action(s).</p>"))

        // The DOCX says the same (read with unzip, as a user's tool would).
        let docx = fixture.root.appendingPathComponent("paper.docx")
        try run(["render", "cabinet/2008-10-01", "--repo", hub.path, "--format", "docx", "-o", docx.path])
        let footer = try GitFixture.unzip(docx, "word/footer1.xml")
        XCTAssertTrue(
            footer.contains(" · for Cabinet, 6 October 2008, item 16") && !footer.contains("cabinet/"), footer)
        let body = try GitFixture.unzip(docx, "word/document.xml")
        XCTAssertTrue(body.contains(">Cabinet, 6 October 2008, item 16<"))
        XCTAssertTrue(body.contains(">Status: No status → On track<"))
        XCTAssertFalse(body.contains("cabinet/2008-11-03"))

        // Rendering main: every Cabinet version, then main; moved since the last one (none).
        let main = try run(["render", "--repo", hub.path, "--format", "json", "--today", "2008-11-10"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(main.utf8)) as? [String: Any]
        let versions = try XCTUnwrap(object?["versions"] as? [String: Any])
        let history = try XCTUnwrap(versions["history"] as? [[String: Any]])
        XCTAssertEqual(
            history.map { $0["name"] as? String },
            ["cabinet/2008-09-01", "cabinet/2008-10-01", "cabinet/2008-11-03", "main"])
        XCTAssertEqual(history.map { ($0["byStatus"] as? [String: Int])?["on track"] }, [0, 1, 1, 1])
        XCTAssertEqual(history.map { $0["cabinet"] as? Bool }, [true, true, true, false])
        XCTAssertEqual((versions["movedSince"] as? [String: Any])?["version"] as? String, "cabinet/2008-11-03")
    }

    func testHistoryFollowsAnActionThroughTheCabinetVersions() throws {
        let json = try run(["history", "15.4", "--repo", hub.path, "--format", "json"]).stdout
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let versions = try XCTUnwrap(object["versions"] as? [[String: Any]])
        XCTAssertEqual(
            versions.map { $0["name"] as? String },
            ["cabinet/2008-09-01", "cabinet/2008-10-01", "cabinet/2008-11-03", "main"])
        let states = versions.map { $0["action"] as? [String: Any] }
        XCTAssertEqual(states.map { $0?["status"] as? String }, [nil, "on track", "on track", "on track"])
        XCTAssertEqual(states.map { $0?["due"] as? String }, Array(repeating: "April 2008 – March 2010", count: 4))
        XCTAssertEqual(
            states.map { $0?["lead"] as? [String] }, Array(repeating: ["Jane Porter", "Mel Meggs"], count: 4))
        let changes = try XCTUnwrap(object["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.map { $0["fields"] as? [String] }, [["added"], ["status"]])
        XCTAssertEqual(changes.last?["partner"] as? String, "uhl")
        XCTAssertEqual(changes.last?["author"] as? String, "Jane Porter")

        let text = try run(["history", "15.4", "--repo", hub.path]).stdout
        XCTAssertTrue(
            text.contains("  cabinet/2008-10-01  2008-10-01  status: on track; due: April 2008 – March 2010"), text)
        XCTAssertTrue(text.contains("status by uhl (Jane Porter, "), text)

        let missing = try CLI.run(["history", "99.9", "--repo", hub.path], environment: GitFixture.environment)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no action 99.9 in the history of main"), missing.stderr)
    }
}

extension GitFixture {
    /// One part of a zip file, as text (`unzip -p`).
    static func unzip(_ file: URL, _ part: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", file.path, part]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
