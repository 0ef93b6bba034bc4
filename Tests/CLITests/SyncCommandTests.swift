import Foundation
import XCTest

/// `planmerge sync` in a partner clone against a hub whose main the coordinator moved.
final class SyncCommandTests: XCTestCase {
    var world: GitWorld!
    var pct: String!
    var coordinator: String!
    let file = "sections/leicester-pct/15.md"

    override func setUpWithError() throws {
        world = try GitWorld()
        try world.makeHub()
        pct = try world.clone("pct", partner: "leicester-pct")
        coordinator = try world.clone("coordinator", partner: nil)
    }

    override func tearDown() { world = nil }

    func commit(_ clone: String, _ message: String) throws {
        try world.mustGit(["add", "-A"], in: clone)
        try world.mustGit(["commit", "-q", "-m", message], in: clone)
    }

    /// The coordinator corrects the due date of 15.2 on the hub's main.
    func coordinatorCorrectsTheDueDate(to due: String = "April 2008 – June 2009") throws {
        try world.edit(coordinator, file, "Due: April 2008 – March 2009", "Due: \(due)")
        try commit(coordinator, "Correct the due date of 15.2")
        let pushed = try world.git(["push", "-q", "origin", "main"], in: coordinator, env: ["GL_USER": "coordinator"])
        XCTAssertEqual(pushed.status, 0, pushed.output)
    }

    func testACorrectionOnMainAndThePartnersEditOfAnotherFieldMergeCleanly() throws {
        try coordinatorCorrectsTheDueDate()
        try world.edit(
            pct, file, "Due: April 2008 – March 2009\nLead: Paul Vaughan; Annette Hogarth",
            "Due: April 2008 – March 2009\nLead: Annette Hogarth")
        try commit(pct, "Annette leads 15.2")
        let ours = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        let hubMain = try world.mustGit(["rev-parse", "main"], in: world.hub)

        let result = try world.planmerge(["sync"], in: pct)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.stdout.contains("Merged hub main"), result.output)
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: pct), "", "git status is clean")
        XCTAssertEqual(try world.mustGit(["rev-parse", "HEAD^1", "HEAD^2"], in: pct), ours + "\n" + hubMain)
        XCTAssertTrue(try world.read(pct, file).contains("Due: April 2008 – June 2009\nLead: Annette Hogarth\n"))
        XCTAssertEqual(try world.mustGit(["rev-parse", "origin/main"], in: pct), hubMain)
    }

    func testTheSameFieldGivesConflictBlocksCommitsNothingAndExits1() throws {
        try coordinatorCorrectsTheDueDate()
        try world.edit(pct, file, "Due: April 2008 – March 2009", "Due: April 2008 – September 2009")
        try commit(pct, "Extend 15.2")
        let ours = try world.mustGit(["rev-parse", "HEAD"], in: pct)

        let result = try world.planmerge(["sync"], in: pct)
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(
            result.stdout.contains("CONFLICT sections/leicester-pct/15.md: action 15.2, field Due"), result.output)
        XCTAssertEqual(try world.mustGit(["rev-parse", "HEAD"], in: pct), ours, "nothing committed")
        let text = try world.read(pct, file)
        XCTAssertTrue(
            text.contains(
                "<<<<<<< ours (Paul Vaughan)\nDue: April 2008 – September 2009\n=======\nDue: April 2008 – June 2009\n>>>>>>> theirs (hub main "
            ), text)
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: pct), "UU \(file)")

        // A second sync refuses while the merge is unfinished.
        XCTAssertEqual(try world.planmerge(["sync"], in: pct).status, 2)
        // Resolving, git add and git commit record the merge with both parents.
        try world.edit(pct, file, "=======\nDue: April 2008 – June 2009\n", "")
        let lines = try world.read(pct, file).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("<<<<<<< ") && !$0.hasPrefix(">>>>>>> ") }
        try lines.joined(separator: "\n").write(toFile: pct + "/" + file, atomically: true, encoding: .utf8)
        try world.mustGit(["add", "-A"], in: pct)
        let committed = try world.git(["commit", "-q", "--no-edit"], in: pct)
        XCTAssertEqual(committed.status, 0, committed.output)
        XCTAssertEqual(
            try world.mustGit(["rev-list", "--parents", "-n", "1", "HEAD"], in: pct).split(separator: " ").count, 3)
    }

    func testFastForwardThenUpToDate() throws {
        try coordinatorCorrectsTheDueDate()
        let result = try world.planmerge(["sync"], in: pct)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.stdout.contains("Fast-forwarded"), result.output)
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "HEAD"], in: pct), try world.mustGit(["rev-parse", "main"], in: world.hub))
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: pct), "")
        XCTAssertTrue(try world.read(pct, file).contains("Due: April 2008 – June 2009"))
        let again = try world.planmerge(["sync"], in: pct)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("Already up to date"), again.output)
    }

    func testRefusesToStartWithUncommittedChangesToPlanFiles() throws {
        try coordinatorCorrectsTheDueDate()
        try world.edit(pct, file, "Due: July 2008", "Due: August 2008")
        let head = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        let result = try world.planmerge(["sync"], in: pct)
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.stderr.contains("uncommitted changes to plan files: \(file)"), result.output)
        XCTAssertEqual(try world.mustGit(["rev-parse", "HEAD"], in: pct), head)
        XCTAssertTrue(try world.read(pct, file).contains("Due: August 2008"))
    }

    func testSyncFromAnExplicitURL() throws {
        try coordinatorCorrectsTheDueDate()
        let result = try world.planmerge(["sync", "--remote", world.hub, "--branch", "main"], in: pct)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "HEAD"], in: pct), try world.mustGit(["rev-parse", "main"], in: world.hub))
    }
}
