import Foundation
import XCTest

/// Issue 13: a partner who changed another partner's file by mistake can undo it (the file
/// put back as it is on main) with a plain commit, and consolidate accepts the branch; a
/// real change to another partner's file is still refused, and every refusal says the next
/// command to type. Through real `git commit`, `git push` and `planmerge consolidate`.
final class PartnerUndoTests: XCTestCase {
    var world: GitWorld!
    var pct: String!

    override func setUpWithError() throws {
        world = try GitWorld()
        // No server hooks: the mistaken commit reaches the hub, as it does when it was pushed
        // before the hooks were installed or through a partner's own remote.
        try world.makeHub(serverHooks: false)
        pct = try world.clone("pct", partner: "leicester-pct")
    }

    override func tearDown() { world = nil }

    func commit(_ message: String, verify: Bool = true) throws -> GitWorld.Run {
        try world.mustGit(["add", "-A"], in: pct)
        return try world.git(["commit", "-q"] + (verify ? [] : ["--no-verify"]) + ["-m", message], in: pct)
    }

    func publish() throws {
        try world.mustGit(["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct)
    }

    func consolidate() throws -> GitWorld.Run {
        try world.planmerge(["consolidate", "--repo", world.hub, "--today", "2008-07-01"], in: world.base)
    }

    /// The mistaken edit of the hospital's file, committed past the hook and published.
    func publishMistake() throws {
        try world.edit(pct, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        XCTAssertEqual(try commit("Edit the hospital's action by mistake", verify: false).status, 0)
        try publish()
    }

    func testTheUndoOfAMistakenCommitIsAcceptedAtCommitAndAtConsolidate() throws {
        try publishMistake()
        let rejected = try consolidate()
        XCTAssertTrue(rejected.stdout.contains("rejected"), rejected.output)
        XCTAssertTrue(
            rejected.output.contains(
                "sections/uhl/15.md belongs to University Hospitals of Leicester NHS Trust (uhl); leicester-pct may change only sections/leicester-pct/. Next: the partner, in its clone, runs git fetch origin, then git checkout origin/main -- sections/uhl/15.md, then git commit and git push origin HEAD:partners/leicester-pct"
            ), rejected.output)

        // The undo the message names: the file back as main has it, committed with the hook.
        try world.mustGit(["checkout", "origin/main", "--", "sections/uhl/15.md"], in: pct)
        let undo = try commit("Undo the edit of the hospital's action")
        XCTAssertEqual(undo.status, 0, undo.output)
        XCTAssertFalse(undo.stderr.contains("belongs to"), undo.output)
        try publish()
        let accepted = try consolidate()
        XCTAssertEqual(accepted.status, 0, accepted.output)
        XCTAssertFalse(accepted.output.contains("belongs to"), accepted.output)
        let onMain = try world.mustGit(["show", "main:sections/uhl/15.md"], in: world.hub)
        XCTAssertTrue(onMain.contains("Lead: Jane Porter; Mel Meggs"), onMain)
        let head = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        XCTAssertEqual(try world.git(["merge-base", "--is-ancestor", head, "main"], in: world.hub).status, 0)
    }

    func testTheUndoIsAcceptedWhenMainChangedThatFileSince() throws {
        try publishMistake()
        // Meanwhile the coordinator changes the same file on main.
        let coordinator = try world.clone("coordinator", partner: nil, hooks: false)
        try world.edit(coordinator, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter; M. Meggs")
        try world.mustGit(["commit", "-q", "-am", "Spell the lead as the hospital asks"], in: coordinator)
        try world.mustGit(["push", "-q", "origin", "main"], in: coordinator)

        try world.mustGit(["fetch", "-q", "origin"], in: pct)
        try world.mustGit(["checkout", "origin/main", "--", "sections/uhl/15.md"], in: pct)
        let undo = try commit("Undo the edit of the hospital's action")
        XCTAssertEqual(undo.status, 0, undo.output)
        try publish()
        let accepted = try consolidate()
        XCTAssertEqual(accepted.status, 0, accepted.output)
        XCTAssertFalse(accepted.output.contains("belongs to"), accepted.output)
        XCTAssertFalse(accepted.stdout.contains("rejected"), accepted.output)
        let head = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        XCTAssertEqual(try world.git(["merge-base", "--is-ancestor", head, "main"], in: world.hub).status, 0)
        let onMain = try world.mustGit(["show", "main:sections/uhl/15.md"], in: world.hub)
        XCTAssertTrue(onMain.contains("Lead: Jane Porter; M. Meggs"), onMain)
    }

    func testARealChangeStaysRefusedAndTheRefusalNamesTheNextCommand() throws {
        try world.edit(pct, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        let refused = try commit("Edit the hospital's action")
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(
            refused.stderr.contains(
                "sections/uhl/15.md belongs to University Hospitals of Leicester NHS Trust (uhl); leicester-pct may change only sections/leicester-pct/. Next: git checkout origin/main -- sections/uhl/15.md, then git commit (or, for a change already committed, git revert <that commit>)"
            ), refused.output)

        // A new file in another partner's folder: the next command takes it out of the commit.
        try world.mustGit(["reset", "-q", "--hard", "origin/main"], in: pct)
        try "# Recommendation 99\n".write(toFile: pct + "/sections/uhl/99.md", atomically: true, encoding: .utf8)
        let added = try commit("Add a file for the hospital")
        XCTAssertEqual(added.status, 1, added.output)
        XCTAssertTrue(
            added.stderr.contains(
                "Next: git rm --cached sections/uhl/99.md (it is not on main; move your copy elsewhere or delete it), then git commit"
            ), added.output)
    }

    func testThePushCheckAcceptsTheUndoAndNamesTheNextCommand() throws {
        let world = try GitWorld()
        try world.makeHub(serverHooks: true)
        let pct = try world.clone("pct", partner: nil, hooks: false)
        try world.edit(pct, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        try world.mustGit(["commit", "-q", "-am", "Edit the hospital's action"], in: pct)
        let refused = try world.git(
            ["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"])
        XCTAssertNotEqual(refused.status, 0, refused.output)
        XCTAssertTrue(
            refused.stderr.contains(
                "leicester-pct may change only sections/leicester-pct/. Next: in your clone, git fetch origin, then git checkout origin/main -- sections/uhl/15.md, then git commit and push again (git push origin HEAD:partners/leicester-pct)"
            ), refused.output)
        try world.mustGit(["checkout", "origin/main", "--", "sections/uhl/15.md"], in: pct)
        try world.mustGit(["commit", "-q", "-m", "Undo"], in: pct)
        let undone = try world.git(
            ["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"])
        XCTAssertEqual(undone.status, 0, undone.output)
    }

    func testOtherRefusalsAlsoEndWithTheNextCommand() throws {
        // Pre-commit: a binary file in the partner's own folder.
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]).write(
            to: URL(fileURLWithPath: pct + "/sections/leicester-pct/plan.docx"))
        let binary = try commit("Add the Word copy")
        XCTAssertEqual(binary.status, 1, binary.output)
        XCTAssertTrue(
            binary.stderr.contains(
                "sections/leicester-pct/plan.docx is a binary file; plan files must be plain text. Next: git rm --cached sections/leicester-pct/plan.docx (your copy stays), then git commit"
            ), binary.output)

        // The hub: main rewritten, a Cabinet tag by a partner, an unknown pusher.
        let world = try GitWorld()
        try world.makeHub(serverHooks: true)
        let coordinator = try world.clone("coordinator", partner: nil, hooks: false)
        try world.edit(coordinator, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        try world.mustGit(["commit", "-q", "-am", "Correct 15.4"], in: coordinator)
        try world.mustGit(["push", "-q", "origin", "main"], in: coordinator, env: ["GL_USER": "coordinator"])
        let rewrite = try world.git(
            ["push", "-q", "-f", "origin", "HEAD~1:main"], in: coordinator, env: ["GL_USER": "coordinator"])
        XCTAssertNotEqual(rewrite.status, 0)
        XCTAssertTrue(
            rewrite.stderr.contains("(merge, do not force-push). Next: git pull, then git push"), rewrite.output)
        try world.mustGit(["tag", "-a", "cabinet/2008-10-01", "-m", "by a partner"], in: coordinator)
        let tag = try world.git(
            ["push", "-q", "origin", "refs/tags/cabinet/2008-10-01"], in: coordinator, env: ["GL_USER": "pvaughan"])
        XCTAssertTrue(
            tag.stderr.contains(
                "only the coordinator creates Cabinet tags (refs/tags/cabinet/2008-10-01). Next: delete your tag (git tag -d cabinet/2008-10-01)"
            ), tag.output)
        let stranger = try world.git(
            ["push", "-q", "origin", "HEAD:partners/uhl"], in: coordinator, env: ["GL_USER": "stranger"])
        XCTAssertTrue(
            stranger.stderr.contains(
                "Next: the coordinator adds the name (planmerge partner set <id> --pusher stranger)"), stranger.output)
    }
}
