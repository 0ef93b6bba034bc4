import Foundation
import XCTest

/// `planmerge merge-driver` through `git pull` in partner clones (registered by
/// `hooks install`), and called directly as git would.
final class MergeDriverTests: XCTestCase {
    var world: GitWorld!

    override func setUpWithError() throws {
        world = try GitWorld()
        try world.makeHub(serverHooks: false)
    }

    override func tearDown() { world = nil }

    let file = "sections/leicester-pct/15.md"

    func commit(_ clone: String, _ message: String) throws {
        try world.mustGit(["add", "-A"], in: clone)
        try world.mustGit(["commit", "-q", "-m", message], in: clone)
    }

    func testTwoOfficersEditingDifferentFieldsOfOneActionPullCleanly() throws {
        let annette = try world.clone("annette", partner: "leicester-pct")
        let paul = try world.clone("paul", partner: "leicester-pct")
        let plain = try world.clone("plain", partner: nil, hooks: false)

        try world.edit(annette, file, "Due: July 2008", "Due: September 2008")
        try commit(annette, "Re-date 15.1")
        try world.mustGit(["push", "-q", "origin", "main"], in: annette)

        for clone in [paul, plain] {
            try world.edit(
                clone, file, "Lead: Paul Vaughan; Annette Hogarth\nSuccess: local",
                "Lead: Annette Hogarth\nSuccess: local")
            try commit(clone, "Annette leads 15.1")
        }
        // Log the hooks git runs, to see the merge commit checked by pre-merge-commit.
        let log = paul + "/../paul-hooks.log"
        // The hooks look on PATH first: a logging planmerge ahead of the real one.
        let folder = paul + "/../logging-bin"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let wrapper = folder + "/planmerge"
        try "#!/bin/sh\necho \"$*\" >> '\(log)'\nexec '\(CLI.executable.path)' \"$@\"\n".write(
            toFile: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
        let path = folder + ":" + (world.environment["PATH"] ?? "/usr/bin:/bin")
        let pulled = try world.git(["pull", "-q", "--no-edit", "origin", "main"], in: paul, env: ["PATH": path])
        XCTAssertEqual(pulled.status, 0, pulled.output)
        XCTAssertTrue(
            try String(contentsOfFile: log, encoding: .utf8).contains("hook pre-merge-commit"),
            "the merge commit was checked")
        let text = try world.read(paul, file)
        XCTAssertTrue(
            text.contains(
                "## 15.1 Complete the local self assessment on the next steps for young parents and implement the actions for improvement\nDue: September 2008\nLead: Annette Hogarth\n"
            ), text)
        XCTAssertEqual(try world.mustGit(["status", "--porcelain"], in: paul), "")
        XCTAssertEqual(try world.mustGit(["rev-list", "--count", "--merges", "HEAD"], in: paul), "1")

        // Without the driver, git's line merge calls the two adjacent lines a conflict.
        XCTAssertNotEqual(try world.git(["pull", "-q", "--no-edit", "origin", "main"], in: plain).status, 0)
    }

    func testTheSameFieldGivesAConflictBlockThatBlocksTheNextCommitUntilResolved() throws {
        let annette = try world.clone("annette", partner: "leicester-pct")
        let paul = try world.clone("paul", partner: "leicester-pct")
        try world.edit(annette, file, "Due: July 2008", "Due: October 2008")
        try commit(annette, "Re-date 15.1 to October")
        try world.mustGit(["push", "-q", "origin", "main"], in: annette)
        try world.edit(paul, file, "Due: July 2008", "Due: September 2008")
        try commit(paul, "Re-date 15.1 to September")

        let pulled = try world.git(["pull", "-q", "--no-edit", "origin", "main"], in: paul)
        XCTAssertNotEqual(pulled.status, 0, pulled.output)
        let text = try world.read(paul, file)
        XCTAssertTrue(
            text.contains(
                """
                ## 15.1 Complete the local self assessment on the next steps for young parents and implement the actions for improvement
                <<<<<<< ours (Paul Vaughan)
                Due: September 2008
                =======
                Due: October 2008
                >>>>>>> theirs
                Lead: Paul Vaughan; Annette Hogarth

                """), text)

        try world.mustGit(["add", "-A"], in: paul)
        let refused = try world.git(["commit", "-q", "--no-edit"], in: paul)
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(
            refused.stderr.contains("sections/leicester-pct/15.md:4:1: error: [conflict-marker]"), refused.output)

        try world.edit(paul, file, "<<<<<<< ours (Paul Vaughan)\nDue: September 2008\n=======\n", "")
        try world.edit(paul, file, ">>>>>>> theirs\n", "")
        try world.mustGit(["add", "-A"], in: paul)
        let resolved = try world.git(["commit", "-q", "--no-edit"], in: paul)
        XCTAssertEqual(resolved.status, 0, resolved.output)
        XCTAssertEqual(
            try world.mustGit(["rev-list", "--parents", "-n", "1", "HEAD"], in: paul).split(separator: " ").count, 3)
        XCTAssertTrue(try world.read(paul, file).contains("Due: October 2008\nLead:"))
    }

    func testADriverRunFallsBackToLineMergeWhenASideDoesNotParse() throws {
        let folder = world.base + "/driver"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let base = "# Recommendation 15\n\n## 15.1 Act\nDue: July 2008\nLead: Paul Vaughan\n"
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }

        try write("O", base)
        try write("A", base.replacingOccurrences(of: "July", with: "August") + "Colour: red\n")
        try write("B", base.replacingOccurrences(of: "July", with: "June"))
        let conflict = try world.planmerge(["merge-driver", "O", "A", "B", file], in: folder)
        XCTAssertEqual(conflict.status, 1, conflict.output)
        let merged = try String(contentsOfFile: folder + "/A", encoding: .utf8)
        XCTAssertTrue(
            merged.contains("<<<<<<< ours\nDue: August 2008\n=======\nDue: June 2008\n>>>>>>> theirs\n"), merged)

        try write("A", base + "Colour: red\n")
        try write("B", base.replacingOccurrences(of: "July", with: "June"))
        let clean = try world.planmerge(["merge-driver", "O", "A", "B", file], in: folder)
        XCTAssertEqual(clean.status, 0, clean.output)
        XCTAssertEqual(
            try String(contentsOfFile: folder + "/A", encoding: .utf8),
            base.replacingOccurrences(of: "July", with: "June") + "Colour: red\n")
    }
}
