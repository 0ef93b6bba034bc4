import Foundation
import XCTest

final class ValidateCommandTests: XCTestCase {
    func testTheExamplePlansValidate() throws {
        for plan in ["Repos/leicester", "Repos/derby"] {
            let result = try CLI.run(["validate", plan, "--quiet"])
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            XCTAssertTrue(result.stdout.contains("\(plan): 0 errors"), result.stdout)
        }
    }

    func testABrokenCopyExits1AndNamesEveryProblem() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/leicester")
        defer { try? FileManager.default.removeItem(at: plan) }
        let file = plan.appendingPathComponent("sections/uhl/15.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "Lead: Jane Porter; Mel Meggs\n", with: "Lead: Jane Porter; Mel Meggs\nSucess: typo\nStatus: finished\n"
        )
        text += "\n## 15.2 A duplicate of the PCT's 15.2\nDue: 31.3.09\nSee also: recommendation 99\n"
        try text.write(to: file, atomically: true, encoding: .utf8)

        let result = try CLI.run(["validate", plan.path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func line(_ rule: String) -> String? {
            lines.first { $0.contains("[\(rule)]") && $0.hasPrefix("\(plan.path)/sections/uhl/") }
        }
        for rule in ["field-unknown", "status-unknown", "duplicate-reference", "cross-reference-unknown"] {
            let found = try XCTUnwrap(line(rule), "no \(rule) in:\n\(result.stdout)")
            XCTAssertTrue(found.hasPrefix("\(plan.path)/sections/uhl/15.md:"), found)
            XCTAssertTrue(found.contains(": error: [\(rule)] "), found)
            let index = try XCTUnwrap(lines.firstIndex(of: found))
            XCTAssertTrue(lines[index + 1].hasPrefix("  hint: "), "hint follows \(found)")
        }
        XCTAssertNotNil(
            lines.first {
                $0.range(of: #"sections/uhl/15\.md:\d+:1: error: \[field-unknown\]"#, options: .regularExpression)
                    != nil
            })
        XCTAssertTrue(lines.last?.contains("5 errors") == true, lines.last ?? "")
    }

    func testJSONHasTheDocumentedKeys() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: plan) }
        try "# Recommendation 1\n\n## 1.9 New\nRisk: none\nColour: red\n".write(
            to: plan.appendingPathComponent("sections/dscb/1.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", plan.path, "--format", "json"])
        XCTAssertEqual(result.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 1)
        let unknown = try XCTUnwrap(diagnostics.first { $0["rule"] as? String == "field-unknown" })
        XCTAssertEqual(unknown["file"] as? String, "sections/dscb/1.md")
        XCTAssertEqual(unknown["line"] as? Int, 5)
        XCTAssertEqual(unknown["column"] as? Int, 1)
        XCTAssertEqual(unknown["severity"] as? String, "error")
        XCTAssertNotNil(unknown["message"] as? String)
        XCTAssertNotNil(unknown["hint"] as? String)
    }

    func testStrictTurnsWarningsIntoExit1() throws {
        XCTAssertEqual(try CLI.run(["validate", "Repos/derby", "--strict", "--quiet"]).status, 1)
    }

    func testUsageAndEnvironmentErrorsExit2() throws {
        XCTAssertEqual(try CLI.run(["validate", "/nonexistent/plan"]).status, 2)
        XCTAssertEqual(try CLI.run(["validate", "--format", "xml"]).status, 2)
        XCTAssertEqual(try CLI.run(["validate", "Repos/derby", "--today", "yesterday"]).status, 2)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
            "planmerge-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CLI.run(["validate"], in: empty)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("plan.yaml"), result.stderr)
    }

    func testValidateFindsThePlanFromASubfolder() throws {
        let result = try CLI.run(
            ["validate", "--quiet"], in: CLI.packageRoot.appendingPathComponent("Repos/derby/sections/lsc"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("0 errors"))
    }
}
