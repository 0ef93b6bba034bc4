import Foundation
import XCTest

/// The partner-side pre-commit hook, through real `git commit`s in a partner clone.
final class HookPreCommitTests: XCTestCase {
    var world: GitWorld!
    var clone: String!

    override func setUpWithError() throws {
        world = try GitWorld()
        try world.makeHub(serverHooks: false)
        clone = try world.clone("pct", partner: "leicester-pct")
    }

    override func tearDown() { world = nil }

    func commit(_ message: String) throws -> GitWorld.Run {
        try world.mustGit(["add", "-A"], in: clone)
        return try world.git(["commit", "-q", "-m", message], in: clone)
    }

    func testRefusesAnotherPartnersFolderAndAnInvalidFileAndAcceptsAValidEdit() throws {
        let head = try world.mustGit(["rev-parse", "HEAD"], in: clone)

        try world.edit(clone, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        let foreign = try commit("Edit the hospital's action")
        XCTAssertEqual(foreign.status, 1, foreign.output)
        XCTAssertTrue(
            foreign.stderr.contains(
                "sections/uhl/15.md belongs to University Hospitals of Leicester NHS Trust (uhl); leicester-pct may change only sections/leicester-pct/"
            ),
            foreign.output)
        try world.mustGit(["reset", "-q", "--hard"], in: clone)

        try world.edit(
            clone, "sections/leicester-pct/15.md", "Due: July 2008\n",
            "Due: July 2008\nSucess: a typo\nStatus: finished\n")
        let invalid = try commit("Add a success criterion")
        XCTAssertEqual(invalid.status, 1, invalid.output)
        XCTAssertTrue(
            invalid.stderr.contains(
                "sections/leicester-pct/15.md:5:1: error: [field-unknown] 'Sucess' is not an action field"),
            invalid.output)
        XCTAssertTrue(invalid.stderr.contains("  hint: did you mean 'Success:'?"), invalid.output)
        XCTAssertTrue(invalid.stderr.contains("[status-unknown]"), invalid.output)
        try world.mustGit(["reset", "-q", "--hard"], in: clone)

        try world.edit(clone, "plan.yaml", "title: Leicester Joint Area Review Action Plan", "title: Our plan")
        let manifest = try commit("Retitle the plan")
        XCTAssertEqual(manifest.status, 1, manifest.output)
        XCTAssertTrue(
            manifest.stderr.contains("plan.yaml is the plan manifest, which only the coordinator changes"),
            manifest.output)
        try world.mustGit(["reset", "-q", "--hard"], in: clone)
        XCTAssertEqual(try world.mustGit(["rev-parse", "HEAD"], in: clone), head, "nothing was committed")

        try world.edit(clone, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        let valid = try commit("Re-date 15.1")
        XCTAssertEqual(valid.status, 0, valid.output)
        // Warnings do not block, and are summed in one line naming the command that lists them.
        XCTAssertFalse(valid.stderr.contains("warning: [action-missing-field]"), valid.output)
        XCTAssertTrue(
            valid.stderr.contains(
                "planmerge: 3 warnings (not blocking) in the files this changes; 'planmerge validate --staged' lists them"
            ),
            valid.output)
        let listed = try world.planmerge(["validate", "--staged"], in: clone)
        XCTAssertTrue(listed.stdout.contains("warning: [action-missing-field]"), listed.output)
        XCTAssertNotEqual(try world.mustGit(["rev-parse", "HEAD"], in: clone), head)
    }

    func testConflictMarkersAreRefused() throws {
        try world.edit(
            clone, "sections/leicester-pct/15.md", "Due: July 2008\n",
            "<<<<<<< ours\nDue: July 2008\n=======\nDue: June 2008\n>>>>>>> theirs\n")
        let result = try commit("Oops")
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.stderr.contains("error: [conflict-marker]"), result.output)
    }

    func testAnErrorAlreadyInAnotherPartnersFileDoesNotBlock() throws {
        // An error in the hospital's file is already committed (bypassing the hook) ...
        try world.edit(
            clone, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter; Mel Meggs\nColour: red")
        try world.mustGit(["add", "-A"], in: clone)
        try world.mustGit(["commit", "-q", "--no-verify", "-m", "Broken elsewhere"], in: clone)
        // ... and does not block the PCT's own valid commit.
        try world.edit(clone, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        let result = try commit("Re-date 15.1")
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertFalse(result.stderr.contains("Colour"), result.output)
    }

    func testAnErrorTheCommitCausesInAnotherFileBlocks() throws {
        let connexions = try world.clone("connexions", partner: "connexions")
        // Renumbering 9.4 as 9.1 makes the learning service's 9.1 a duplicate.
        try world.edit(connexions, "sections/connexions/9.md", "\n## 9.4 ", "\n## 9.1 ")
        try world.mustGit(["add", "-A"], in: connexions)
        let result = try world.git(["commit", "-q", "-m", "Renumber 9.4"], in: connexions)
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.stderr.contains("sections/lcc-learning-services/9.md:"), result.output)
        XCTAssertTrue(result.stderr.contains("[duplicate-reference]"), result.output)
        // The blocking error comes first, not buried under warnings; warnings are one line.
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("sections/") && first.contains(": error: [duplicate-reference]"), result.output)
        XCTAssertFalse(result.stderr.contains(": warning: ["), result.output)
    }

    func testASeeAlsoLeftPointingAtNothingIsAWarningNotARefusal() throws {
        let connexions = try world.clone("connexions", partner: "connexions")
        // Removing 9.4 leaves the learning service's "See also: ... 9.4" pointing at nothing:
        // a warning (issue 13), as for a partner's first commit naming an action still to come.
        let file = connexions + "/sections/connexions/9.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "\n## 9.4 "))
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? text.endIndex
        let withdrawn = String(text[..<start.lowerBound]) + "\n" + String(text[end...]).drop { $0 == "\n" }
        try withdrawn.write(toFile: file, atomically: true, encoding: .utf8)
        try world.mustGit(["add", "-A"], in: connexions)
        let result = try world.git(["commit", "-q", "-m", "Withdraw 9.4"], in: connexions)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(try world.mustGit(["log", "-1", "--format=%s"], in: connexions), "Withdraw 9.4")
    }

    func testCommitMessageMustNotBeEmpty() throws {
        try world.edit(clone, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try world.mustGit(["add", "-A"], in: clone)
        let result = try world.git(["commit", "-q", "--allow-empty-message", "-m", ""], in: clone)
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.stderr.contains("the message is empty"), result.output)
    }
}
