import Foundation
import XCTest

final class FmtAndDeadlineCommandTests: XCTestCase {
    func testFmtCheckPassesOnTheExamplePlans() throws {
        let result = try CLI.run(["fmt", "--check", "Repos/leicester", "Repos/derby"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("38 files checked, 0 not canonical"), result.stdout)
    }

    func testFmtRewritesANotepadFileAndCheckNamesIt() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: plan) }
        let file = plan.appendingPathComponent("sections/lsc/8.md")
        let canonical = try Data(contentsOf: file)
        var notepad = Data([0xEF, 0xBB, 0xBF])
        notepad.append(
            Data(String(decoding: canonical, as: UTF8.self).replacingOccurrences(of: "\n", with: "  \r\n").utf8))
        try notepad.write(to: file)

        let check = try CLI.run(["fmt", "--check", plan.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("would reformat \(plan.path)/sections/lsc/8.md"), check.stdout)
        XCTAssertEqual(try Data(contentsOf: file), notepad, "--check changes nothing")

        let fmt = try CLI.run(["fmt", plan.path])
        XCTAssertEqual(fmt.status, 0, fmt.stderr)
        XCTAssertEqual(try Data(contentsOf: file), canonical)
    }

    func testFmtNeverRewritesAFileWithErrors() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: plan) }
        let file = plan.appendingPathComponent("sections/lsc/8.md")
        let broken = try String(contentsOf: file, encoding: .utf8) + "Free text the parser cannot place\n"
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["fmt", plan.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("[line-unexpected]"), result.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), broken, "nothing is lost")
    }

    func testDeadlineOfTheLeicesterPlan() throws {
        let result = try CLI.run(["deadline", "--from", "2008-06-03", "--working-days", "70"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout.split(separator: "\n").first, "2008-09-09")
        let json = try CLI.run(["deadline", "--from", "2008-06-03", "--working-days", "70", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["deadline"] as? String, "2008-09-09")
        let skipped = try XCTUnwrap(object["skippedHolidays"] as? [[String: Any]])
        XCTAssertEqual(skipped.map { $0["date"] as? String }, ["2008-08-25"])
    }

    func testHelpOnEveryCommand() throws {
        for command in ["validate", "fmt", "deadline"] {
            let result = try CLI.run([command, "--help"])
            XCTAssertEqual(result.status, 0, command)
            XCTAssertTrue(result.stdout.contains("USAGE: planmerge \(command)"), result.stdout)
        }
    }
}
