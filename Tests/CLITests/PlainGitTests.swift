import Foundation
import XCTest

/// A partner officer's path with plain git (issue 13): `planmerge clone`, then `git commit`,
/// `git push` and `git pull` without arguments or flags, a Notepad save, `planmerge
/// new-section`, and `planmerge sync` with work not yet committed. Real git throughout.
final class PlainGitTests: XCTestCase {
    var world: GitWorld!
    let partner = "leicester-pct"
    let file = "sections/leicester-pct/15.md"
    var pusher: [String: String] { ["GL_USER": GitWorld.pushers[partner] ?? ""] }

    override func setUpWithError() throws {
        world = try GitWorld()
        try world.makeHub()
    }

    override func tearDown() { world = nil }

    /// `planmerge clone HUB --partner ID DIR`, which must succeed.
    func planmergeClone(_ name: String) throws -> String {
        let made = try world.planmerge(["clone", world.hub, "--partner", partner, name], in: world.base)
        XCTAssertEqual(made.status, 0, made.output)
        return world.base + "/" + name
    }

    func commitAll(_ clone: String, _ message: String) throws {
        try world.mustGit(["commit", "-q", "-a", "-m", message], in: clone)
    }

    /// A save made in the browser: a commit on the partner's publish branch that this clone
    /// does not have (made elsewhere and pushed there by the partner's pusher).
    func browserSave(_ old: String, _ new: String) throws {
        let web = world.base + "/web"
        if !FileManager.default.fileExists(atPath: web) {
            try world.mustGit(["clone", "-q", world.hub, web], in: world.base)
        }
        // On the publish branch's head, or main's while the partner has published nothing.
        try world.mustGit(["fetch", "-q", "origin"], in: web)
        let published = try world.git(["rev-parse", "--verify", "-q", "origin/partners/\(partner)"], in: web)
        try world.mustGit(
            ["checkout", "-q", "-B", "web", published.status == 0 ? "origin/partners/\(partner)" : "origin/main"],
            in: web)
        try world.edit(web, file, old, new)
        try commitAll(web, "Saved in the browser")
        try world.mustGit(["push", "-q", "origin", "HEAD:partners/\(partner)"], in: web, env: pusher)
    }

    /// The coordinator changes the partner's file on main (a correction of a due date).
    func coordinatorCorrects(_ old: String, _ new: String) throws {
        let coordinator = world.base + "/coordinator"
        if !FileManager.default.fileExists(atPath: coordinator) {
            try world.clone("coordinator", partner: nil)
        }
        try world.edit(coordinator, file, old, new)
        try commitAll(coordinator, "Correct 15.2")
        try world.mustGit(["push", "-q", "origin", "main"], in: coordinator, env: ["GL_USER": "coordinator"])
    }

    func testCloneThenPlainGitPushLandsOnThePublishBranchAndConsolidateAcceptsIt() throws {
        let pct = try planmergeClone("pct")
        XCTAssertEqual(try world.mustGit(["symbolic-ref", "HEAD"], in: pct), "refs/heads/main")
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "HEAD"], in: pct), try world.mustGit(["rev-parse", "main"], in: world.hub))
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: pct), "")
        try world.edit(pct, file, "Due: July 2008", "Due: August 2008")
        try commitAll(pct, "15.1 moves to August")
        let pushed = try world.git(["push"], in: pct, env: pusher)
        XCTAssertEqual(pushed.status, 0, pushed.output)
        XCTAssertTrue(pushed.output.contains("HEAD -> partners/leicester-pct"), pushed.output)
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "refs/heads/partners/leicester-pct"], in: world.hub),
            try world.mustGit(["rev-parse", "HEAD"], in: pct))
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "main"], in: world.hub),
            try world.mustGit(["rev-parse", "HEAD~1"], in: pct), "main did not move")

        // Another partner's pusher is still refused by the hub: the server hook checks plain pushes.
        try world.edit(pct, file, "Due: August 2008", "Due: September 2008")
        try commitAll(pct, "15.1 moves again")
        let foreign = try world.git(["push"], in: pct, env: ["GL_USER": "jporter"])
        XCTAssertNotEqual(foreign.status, 0, foreign.output)

        let consolidated = try world.planmerge(["consolidate", "--repo", world.hub], in: world.base)
        XCTAssertEqual(consolidated.status, 0, consolidated.output)
        XCTAssertTrue(
            consolidated.stdout.contains("accepted      leicester-pct"), consolidated.output)
        XCTAssertTrue(
            try world.mustGit(["show", "main:\(file)"], in: world.hub).contains("Due: August 2008"))
        // Plain git pull brings the record too, so the partner's status knows the outcome.
        let pulled = try world.git(["pull", "-q"], in: pct)
        XCTAssertEqual(pulled.status, 0, pulled.output)
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "refs/planmerge/record"], in: pct),
            try world.mustGit(["rev-parse", "refs/planmerge/record"], in: world.hub))
        let status = try world.planmerge(["status", "--format", "json"], in: pct)
        XCTAssertEqual(status.status, 0, status.output)
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], status.output)
        XCTAssertEqual(object["partner"] as? String, "leicester-pct")
        XCTAssertNil(object["recordNote"] as? String, status.output)
        let last = try XCTUnwrap(object["lastConsolidate"] as? [String: Any], status.output)
        XCTAssertEqual(last["state"] as? String, "accepted")
    }

    /// The demo's partners publish on remotes of their own, which the manifest gives relative
    /// to the hub (`../partners/<id>.git`): the clone pushes there, and its status sees it.
    func testAPartnerPublishingOnItsOwnRemoteGivenRelativeToTheHubPushesThereAndSeesIt() throws {
        let demo = try world.planmerge(["demo", "--keep", world.base + "/demo"], in: world.base)
        XCTAssertEqual(demo.status, 0, demo.output)
        let made = try world.planmerge(
            ["clone", world.base + "/demo/hub.git", "--partner", partner, "own"], in: world.base)
        XCTAssertEqual(made.status, 0, made.output)
        let own = world.base + "/own"
        XCTAssertEqual(
            try world.mustGit(["config", "remote.publish.url"], in: own),
            world.base + "/demo/partners/leicester-pct.git")
        try world.edit(own, file, "Due: July 2008", "Due: August 2008")
        try commitAll(own, "15.1 moves to August")
        let pushed = try world.git(["push"], in: own)
        XCTAssertEqual(pushed.status, 0, pushed.output)
        let head = try world.mustGit(["rev-parse", "HEAD"], in: own)
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "main"], in: world.base + "/demo/partners/leicester-pct.git"), head)
        let status = try world.planmerge(["status", "--format", "json"], in: own)
        XCTAssertEqual(status.status, 0, status.output)
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], status.output)
        let hub = try XCTUnwrap(object["hub"] as? [String: Any], status.output)
        XCTAssertEqual(hub["published"] as? String, head)
        XCTAssertEqual(hub["publishedInMain"] as? Bool, false)
    }

    func testCloneRefusesAPartnerTheManifestDoesNotListAndLeavesNothing() throws {
        let made = try world.planmerge(["clone", world.hub, "--partner", "leicester-pc", "typo"], in: world.base)
        XCTAssertEqual(made.status, 2, made.output)
        XCTAssertTrue(made.stderr.contains("the manifest lists no partner 'leicester-pc'"), made.output)
        XCTAssertTrue(made.stderr.contains("leicester-pct"), "lists the partners: \(made.output)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.base + "/typo"))
    }

    /// The hub's main moved (the coordinator's correction of 15.2's due date) and the publish
    /// branch got a browser save (15.2's lead, on the next line): plain `git pull` on a fresh
    /// second clone merges both, structure-aware (git's line merge conflicts on adjacent lines).
    func testPlainGitPullOnASecondCloneMergesMainAndABrowserSaveWithTheStructureAwareMerge() throws {
        let first = try planmergeClone("pct")
        try world.edit(first, file, "Due: July 2008", "Due: August 2008")
        try commitAll(first, "15.1 moves to August")
        XCTAssertEqual(try world.git(["push"], in: first, env: pusher).status, 0)

        let second = try planmergeClone("pct-laptop")
        let due = "Due: April 2008 – March 2009"
        let success = "Success: increased level of support provided"
        let lead = "Lead: Paul Vaughan; Annette Hogarth\n" + success
        try coordinatorCorrects(due + "\n" + lead, "Due: April 2008 – June 2009\n" + lead)
        try browserSave(due + "\n" + lead, due + "\nLead: Annette Hogarth\n" + success)
        let head = try world.mustGit(["rev-parse", "HEAD"], in: second)
        let main = try world.mustGit(["rev-parse", "main"], in: world.hub)
        let published = try world.mustGit(["rev-parse", "partners/\(partner)"], in: world.hub)

        let pulled = try world.git(["pull"], in: second)
        XCTAssertEqual(pulled.status, 0, pulled.output)
        XCTAssertFalse(pulled.output.contains("divergent"), pulled.output)
        XCTAssertTrue(pulled.output.contains("Merge made by the 'planmerge' strategy."), pulled.output)
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: second), "")
        XCTAssertEqual(
            try world.mustGit(["rev-parse", "HEAD^@"], in: second), [main, published].joined(separator: "\n"),
            "the clone's HEAD was behind main: git leaves it out of the parents")
        XCTAssertEqual(try world.mustGit(["merge-base", "--is-ancestor", head, "HEAD"], in: second), "")
        let text = try world.read(second, file)
        XCTAssertTrue(text.contains("Due: April 2008 – June 2009\nLead: Annette Hogarth\n"), text)
        XCTAssertTrue(text.contains("Due: August 2008"), "the first clone's published work: \(text)")
        XCTAssertFalse(text.contains("<<<<<<<"), text)

        // Only the publish branch moves next: git's own two-way merge, through the merge driver.
        let before = try world.mustGit(["rev-parse", "HEAD"], in: second)
        try browserSave("Hogarth\n" + success, "Hogarth\nSuccess: increased level of PIPS support provided")
        try world.edit(second, file, "Due: April 2008 – June 2009", "Due: April 2008 – July 2009")
        try commitAll(second, "15.2 to July")
        let again = try world.git(["pull"], in: second)
        XCTAssertEqual(again.status, 0, again.output)
        XCTAssertTrue(
            try world.read(second, file).contains(
                "Due: April 2008 – July 2009\nLead: Annette Hogarth\nSuccess: increased level of PIPS support"))
        XCTAssertEqual(try world.mustGit(["rev-list", "--count", "\(before)..HEAD"], in: second), "3")
    }

    func testANotepadSaveIsStoredInCanonicalBytesAndAOneLineChangeIsAOneLineDiff() throws {
        let pct = try planmergeClone("pct")
        let path = pct + "/" + file
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "Due: July 2008", with: "Due: August 2008")
        let notepad = [0xEF, 0xBB, 0xBF] + Array(edited.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try Data(notepad).write(to: URL(fileURLWithPath: path))

        let numstat = try world.mustGit(["diff", "--numstat"], in: pct)
        XCTAssertEqual(numstat, "1\t1\t\(file)")
        try world.mustGit(["commit", "-q", "-a", "-m", "Saved in Notepad"], in: pct)
        let blob = try world.run("/usr/bin/env", ["git", "cat-file", "blob", "HEAD:\(file)"], in: pct)
        XCTAssertEqual(blob.stdout, edited, "the blob holds LF and no BOM")
        XCTAssertEqual(try world.mustGit(["show", "--numstat", "--format=", "HEAD"], in: pct), "1\t1\t\(file)")
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: pct), "")
        let fmt = try world.run(
            CLI.executable.path, ["fmt", "--check"],
            in: try checkout(of: try world.mustGit(["rev-parse", "HEAD"], in: pct), from: pct))
        XCTAssertEqual(fmt.status, 0, fmt.output)
    }

    /// The committed tree, checked out by plain git into a folder of its own.
    func checkout(of commit: String, from clone: String) throws -> String {
        let folder = world.base + "/tree-\(commit.prefix(7))"
        try world.mustGit(["clone", "-q", "--no-checkout", clone, folder], in: world.base)
        try world.mustGit(["-c", "core.autocrlf=false", "checkout", "-q", commit], in: folder)
        return folder
    }

    func testSyncWithUncommittedAndUntrackedFilesLosesNothingAndSaysWhatToType() throws {
        let pct = try planmergeClone("pct")
        try coordinatorCorrects("Due: April 2008 – March 2009", "Due: April 2008 – June 2009")
        try world.edit(pct, file, "Due: July 2008", "Due: August 2008")
        let untracked = "sections/leicester-pct/15 - Copy.md"
        try Data("# Recommendation 15\n".utf8).write(to: URL(fileURLWithPath: pct + "/" + untracked))
        let head = try world.mustGit(["rev-parse", "HEAD"], in: pct)

        let result = try world.planmerge(["sync"], in: pct)
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.stderr.contains("\(file) (modified)"), result.output)
        XCTAssertTrue(result.stderr.contains("\(untracked) (new, untracked)"), result.output)
        XCTAssertTrue(
            result.stderr.contains("git add 'sections/leicester-pct/15 - Copy.md' \(file) && git commit"),
            result.output)
        XCTAssertTrue(result.stderr.contains("git stash push --include-untracked"), result.output)
        XCTAssertEqual(try world.mustGit(["rev-parse", "HEAD"], in: pct), head)
        XCTAssertTrue(try world.read(pct, file).contains("Due: August 2008"))
        XCTAssertEqual(try world.read(pct, untracked), "# Recommendation 15\n")

        // What the message says to type, typed: the work kept, then sync merges the hub's main.
        try world.mustGit(["add", file], in: pct)
        try FileManager.default.removeItem(atPath: pct + "/" + untracked)
        try world.mustGit(["commit", "-q", "-m", "Work in progress"], in: pct)
        let synced = try world.planmerge(["sync"], in: pct)
        XCTAssertEqual(synced.status, 0, synced.output)
        let text = try world.read(pct, file)
        XCTAssertTrue(text.contains("Due: August 2008") && text.contains("Due: April 2008 – June 2009"), text)
    }

    func testNewSectionStartsTheCanonicalFileAndRefusesBadNumbers() throws {
        let pct = try planmergeClone("pct")
        let made = try world.planmerge(["new-section", "3"], in: pct)
        XCTAssertEqual(made.status, 0, made.output)
        XCTAssertEqual(try world.read(pct, "sections/leicester-pct/3.md"), "# Recommendation 3\n")
        let check = try world.planmerge(["fmt", "--check"], in: pct)
        XCTAssertEqual(check.status, 0, check.output)

        let again = try world.planmerge(["new-section", "3"], in: pct)
        XCTAssertEqual(again.status, 2, again.output)
        XCTAssertTrue(again.stderr.contains("sections/leicester-pct/3.md exists already"), again.output)
        XCTAssertEqual(try world.read(pct, "sections/leicester-pct/3.md"), "# Recommendation 3\n")

        let unknown = try world.planmerge(["new-section", "99"], in: pct)
        XCTAssertEqual(unknown.status, 2, unknown.output)
        XCTAssertTrue(unknown.stderr.contains("plan.yaml has no recommendation 99"), unknown.output)
        XCTAssertTrue(unknown.stderr.contains("recommendations: 1, 2"), unknown.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pct + "/sections/leicester-pct/99.md"))
    }

    /// Both moved and both changed the same field: git pull stops with the field-level conflict
    /// block in the file (`UU`), and the usual git add + git commit finish it.
    func testPlainGitPullWithTheSameFieldChangedOnBothLeavesAConflictBlockToResolve() throws {
        let second = try planmergeClone("pct")
        let due = "Due: April 2008 – March 2009"
        try browserSave(due, "Due: April 2008 – September 2009")
        try coordinatorCorrects(due, "Due: April 2008 – June 2009")
        let main = try world.mustGit(["rev-parse", "main"], in: world.hub)
        let published = try world.mustGit(["rev-parse", "partners/\(partner)"], in: world.hub)

        let pulled = try world.git(["pull"], in: second)
        XCTAssertEqual(pulled.status, 1, pulled.output)
        XCTAssertTrue(pulled.output.contains("CONFLICT \(file): action 15.2, field Due"), pulled.output)
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: second), "UU \(file)")
        let text = try world.read(second, file)
        XCTAssertTrue(text.contains("<<<<<<< ours (Paul Vaughan)\nDue: April 2008 – June 2009\n=======\n"), text)
        XCTAssertTrue(text.contains("Due: April 2008 – September 2009\n>>>>>>> theirs"), text)

        try world.edit(
            second, file, "<<<<<<< ours (Paul Vaughan)\nDue: April 2008 – June 2009\n=======\n", "")
        let resolved = try world.read(second, file).replacingOccurrences(
            of: #">>>>>>> theirs[^\n]*\n"#, with: "", options: .regularExpression)
        try resolved.write(toFile: second + "/" + file, atomically: true, encoding: .utf8)
        try world.mustGit(["add", file], in: second)
        try world.mustGit(["commit", "-q", "--no-edit"], in: second)
        XCTAssertEqual(try world.mustGit(["rev-parse", "HEAD^@"], in: second), main + "\n" + published)
        XCTAssertTrue(try world.read(second, file).contains("Due: April 2008 – September 2009\n"))
    }

    /// The hub's main conflicts with the officer's own commit while the publish branch moved
    /// too: nothing is changed, and the message says what to type (merge main on its own).
    func testPlainGitPullDeclinesAConflictWithMainBeforeThePublishBranchAndSaysWhatToType() throws {
        let second = try planmergeClone("pct")
        let due = "Due: April 2008 – March 2009"
        try browserSave("Due: July 2008", "Due: August 2008")
        try coordinatorCorrects(due, "Due: April 2008 – June 2009")
        try world.edit(second, file, due, "Due: April 2008 – May 2009")
        try commitAll(second, "15.2 to May")
        let head = try world.mustGit(["rev-parse", "HEAD"], in: second)

        let pulled = try world.git(["pull"], in: second)
        XCTAssertNotEqual(pulled.status, 0, pulled.output)
        XCTAssertTrue(pulled.output.contains("origin/main conflicts with your work in \(file)"), pulled.output)
        XCTAssertTrue(pulled.output.contains("git merge origin/main"), pulled.output)
        XCTAssertEqual(try world.mustGit(["rev-parse", "HEAD"], in: second), head)
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: second), "")
        XCTAssertTrue(try world.read(second, file).contains("Due: April 2008 – May 2009"))
    }
}
