import Foundation
import XCTest

/// `validate --rev` and `--staged` read the plan through libgit2, not the working copy.
final class ValidateGitTests: XCTestCase {
    var fixture: GitFixture!

    override func setUpWithError() throws { fixture = try GitFixture() }
    override func tearDown() { fixture.remove() }

    func testRevReadsTheCommittedTreeNotTheWorkingCopy() throws {
        let work = try fixture.workTree(from: "Repos/derby")
        try "# Recommendation 8\n\nnot a field\n".write(
            to: work.appendingPathComponent("sections/lsc/8.md"), atomically: true, encoding: .utf8)
        let committed = try CLI.run(["validate", "--rev", "HEAD", "--quiet"], in: work)
        XCTAssertEqual(committed.status, 0, committed.stdout + committed.stderr)
        XCTAssertTrue(committed.stdout.hasPrefix("HEAD "), committed.stdout)
        let folder = try CLI.run(["validate", "--quiet"], in: work)
        XCTAssertEqual(folder.status, 1, "the working copy is broken")
    }

    func testStagedReadsTheIndex() throws {
        let work = try fixture.workTree(from: "Repos/derby")
        let file = work.appendingPathComponent("sections/lsc/8.md")
        let good = try String(contentsOf: file, encoding: .utf8)
        try (good + "Sucess: typo\n").write(to: file, atomically: true, encoding: .utf8)
        try GitFixture.git(["add", "sections/lsc/8.md"], in: work)
        try good.write(to: file, atomically: true, encoding: .utf8)  // the working copy is fine again
        let staged = try CLI.run(["validate", "--staged"], in: work)
        XCTAssertEqual(staged.status, 1)
        XCTAssertTrue(staged.stdout.contains("sections/lsc/8.md:"), staged.stdout)
        XCTAssertTrue(staged.stdout.contains("[field-unknown]"), staged.stdout)
        XCTAssertEqual(try CLI.run(["validate", "--quiet"], in: work).status, 0)
    }

    func testAnUnknownRevisionIsAnEnvironmentError() throws {
        let work = try fixture.workTree(from: "Repos/derby")
        let result = try CLI.run(["validate", "--rev", "no-such-branch"], in: work)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no-such-branch"), result.stderr)
        XCTAssertEqual(try CLI.run(["validate", "--rev", "HEAD", "--staged"], in: work).status, 2)
    }
}
