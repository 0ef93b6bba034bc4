import Foundation
import XCTest

/// Issue 13: a stray file beside the section files (Windows' "15 - Copy.md", a Word lock
/// file, notes) is not read as a section: it gets one error naming it and saying what to do.
final class StraySectionFileTests: XCTestCase {
    func testEachStrayFileGivesExactlyOneErrorNamingIt() throws {
        let names = ["15 - Copy.md", "15 (1).md", "Copy of 15.md", "notes.txt", "~$15.md"]
        for name in names {
            let plan = try CLI.temporaryCopy(of: "Repos/leicester")
            defer { try? FileManager.default.removeItem(at: plan) }
            let folder = plan.appendingPathComponent("sections/leicester-pct")
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("15.md"), to: folder.appendingPathComponent(name))
            let result = try CLI.run(["validate", plan.path, "--format", "json"])
            XCTAssertEqual(result.status, 1, name + ": " + result.stderr)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let errors = try XCTUnwrap(object["diagnostics"] as? [[String: Any]]).filter {
                $0["severity"] as? String == "error"
            }
            XCTAssertEqual(errors.count, 1, "\(name): \(errors)")
            let error = try XCTUnwrap(errors.first)
            XCTAssertEqual(error["rule"] as? String, "section-file-name", name)
            XCTAssertEqual(error["file"] as? String, "sections/leicester-pct/\(name)")
            XCTAssertEqual(
                error["message"] as? String,
                "'\(name)' is not a section file (a section file is named N.md after its recommendation number), so it is not read as part of the plan"
            )
            XCTAssertEqual(
                error["hint"] as? String,
                "if it is meant to be a section, rename it to sections/leicester-pct/N.md (git mv); otherwise delete it (git rm) or move it out of sections/"
            )
        }
    }

    func testAPlainlyMisspelledNumberIsStillReadAndNamedRight() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/leicester")
        defer { try? FileManager.default.removeItem(at: plan) }
        let folder = plan.appendingPathComponent("sections/leicester-pct")
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("15.md"), to: folder.appendingPathComponent("015.md"))
        let result = try CLI.run(["validate", plan.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("'015.md' should be '15.md'"), result.stdout)
    }
}
