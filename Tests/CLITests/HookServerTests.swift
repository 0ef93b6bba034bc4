import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The hub's server hooks, through real `git push`es to a bare hub (local pushes carry the
/// pusher in GL_USER, as gitolite would set it) and one anonymous push over `git daemon`.
final class HookServerTests: XCTestCase {
    var world: GitWorld!
    var daemon: Process?

    override func setUpWithError() throws {
        world = try GitWorld()
    }

    override func tearDown() {
        if let daemon, daemon.isRunning {
            daemon.terminate()
            let deadline = Date().addingTimeInterval(5)
            while daemon.isRunning && Date() < deadline { usleep(20_000) }
            if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) }
        }
        daemon = nil
        world = nil
    }

    func push(_ clone: String, _ refspecs: [String], as user: String?, force: Bool = false) throws -> GitWorld.Run {
        try world.git(
            ["push", "-q"] + (force ? ["-f"] : []) + ["origin"] + refspecs, in: clone,
            env: user.map { ["GL_USER": $0] } ?? [:])
    }

    func commitAll(_ clone: String, _ message: String) throws {
        try world.mustGit(["add", "-A"], in: clone)
        try world.mustGit(["commit", "-q", "--no-verify", "-m", message], in: clone)
    }

    func hubRef(_ name: String) throws -> String? {
        let result = try world.git(["rev-parse", "--verify", "-q", name], in: world.hub)
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    func testPartnerPushesOnlyItsOwnFolderToItsOwnBranch() throws {
        try world.makeHub()
        let pct = try world.clone("pct", partner: nil, hooks: false)

        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try commitAll(pct, "Re-date 15.1")
        let valid = try push(pct, ["HEAD:partners/leicester-pct"], as: "pvaughan")
        XCTAssertEqual(valid.status, 0, valid.output)
        let accepted = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        XCTAssertEqual(try hubRef("refs/heads/partners/leicester-pct"), accepted)

        let refsBefore = try world.hubRefs()
        try world.edit(pct, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        try commitAll(pct, "Edit the hospital's action")
        let foreign = try push(pct, ["HEAD:partners/leicester-pct"], as: "pvaughan")
        XCTAssertNotEqual(foreign.status, 0)
        XCTAssertTrue(
            foreign.stderr.contains("sections/uhl/15.md belongs to University Hospitals of Leicester NHS Trust (uhl)"),
            foreign.output)
        XCTAssertTrue(foreign.stderr.contains("pre-receive hook declined"), foreign.output)
        XCTAssertEqual(try world.hubRefs(), refsBefore, "the hub is unchanged")
        try world.mustGit(["reset", "-q", "--hard", accepted], in: pct)

        try world.edit(
            pct, "sections/leicester-pct/15.md", "Due: September 2008\n", "Due: September 2008\nColour: red\n")
        try commitAll(pct, "Colour 15.1")
        let invalid = try push(pct, ["HEAD:partners/leicester-pct"], as: "pvaughan")
        XCTAssertNotEqual(invalid.status, 0)
        XCTAssertTrue(
            invalid.stderr.contains("sections/leicester-pct/15.md:5:1: error: [field-unknown]"), invalid.output)
        XCTAssertEqual(try world.hubRefs(), refsBefore)
        try world.mustGit(["reset", "-q", "--hard", accepted], in: pct)

        let otherBranch = try push(pct, ["HEAD:partners/uhl"], as: "pvaughan")
        XCTAssertNotEqual(otherBranch.status, 0)
        XCTAssertTrue(
            otherBranch.stderr.contains("may update only refs/heads/partners/leicester-pct"), otherBranch.output)
        let main = try push(pct, ["HEAD:main"], as: "pvaughan")
        XCTAssertNotEqual(main.status, 0)
        XCTAssertTrue(main.stderr.contains("main is the coordinator's"), main.output)
        XCTAssertEqual(try world.hubRefs(), refsBefore)
    }

    func testBinaryAndHugeFilesAreRefusedOnTheHub() throws {
        try world.makeHub()
        let pct = try world.clone("pct", partner: nil, hooks: false)
        let refsBefore = try world.hubRefs()
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]).write(
            to: URL(fileURLWithPath: pct + "/sections/leicester-pct/plan.docx"))
        try Data(String(repeating: "x", count: (1 << 20) + 1).utf8).write(
            to: URL(fileURLWithPath: pct + "/sections/leicester-pct/notes.md"))
        try commitAll(pct, "Attach the Word plan")
        let pushed = try push(pct, ["HEAD:partners/leicester-pct"], as: "pvaughan")
        XCTAssertNotEqual(pushed.status, 0)
        XCTAssertTrue(pushed.stderr.contains("sections/leicester-pct/plan.docx is a binary file"), pushed.output)
        XCTAssertTrue(pushed.stderr.contains("sections/leicester-pct/notes.md is 1048577 bytes"), pushed.output)
        XCTAssertEqual(try world.hubRefs(), refsBefore, "the hub is unchanged")
    }

    func testAPartnerBranchThatMergedMainStillCountsOnlyThePartnersChanges() throws {
        try world.makeHub()
        let pct = try world.clone("pct", partner: nil, hooks: false)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try commitAll(pct, "Re-date 15.1")
        XCTAssertEqual(try push(pct, ["HEAD:partners/leicester-pct"], as: "pvaughan").status, 0)

        // The coordinator corrects the hospital's file and the manifest on main ...
        let coordinator = try world.clone("coordinator", partner: nil, hooks: false)
        try world.edit(coordinator, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        try world.edit(coordinator, "plan.yaml", "committees: []", "committees: [{name: Cabinet, date: 2008-09-01}]")
        try commitAll(coordinator, "Coordinator corrections")
        let coordinatorPush = try push(coordinator, ["main"], as: "coordinator")
        XCTAssertEqual(coordinatorPush.status, 0, coordinatorPush.output)

        // ... the PCT merges main into its work and pushes: main's changes are not its own.
        try world.mustGit(["pull", "-q", "--no-edit", "origin", "main"], in: pct)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: September 2008", "Due: October 2008")
        try commitAll(pct, "Re-date 15.1 again")
        let result = try push(pct, ["HEAD:partners/leicester-pct"], as: "pvaughan")
        XCTAssertEqual(result.status, 0, result.output)
    }

    func testCabinetTagsAreNeverMovedOrDeletedAndMainIsNeverRewritten() throws {
        try world.makeHub()
        let coordinator = try world.clone("coordinator", partner: nil, hooks: false)
        try world.mustGit(["tag", "-a", "cabinet/2008-09-01", "-m", "Cabinet 1 September 2008"], in: coordinator)
        XCTAssertEqual(try push(coordinator, ["refs/tags/cabinet/2008-09-01"], as: "coordinator").status, 0)
        let tag = try XCTUnwrap(try hubRef("refs/tags/cabinet/2008-09-01"))

        try world.edit(coordinator, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        try commitAll(coordinator, "Correct 15.4")
        XCTAssertEqual(try push(coordinator, ["main"], as: "coordinator").status, 0)
        try world.mustGit(["tag", "-f", "-a", "cabinet/2008-09-01", "-m", "moved"], in: coordinator)
        let moved = try push(coordinator, ["refs/tags/cabinet/2008-09-01"], as: "coordinator", force: true)
        XCTAssertNotEqual(moved.status, 0)
        XCTAssertTrue(moved.stderr.contains("Cabinet tags are never moved"), moved.output)
        let deleted = try push(coordinator, [":refs/tags/cabinet/2008-09-01"], as: "coordinator")
        XCTAssertNotEqual(deleted.status, 0)
        XCTAssertTrue(deleted.stderr.contains("Cabinet tags are never deleted"), deleted.output)
        XCTAssertEqual(try hubRef("refs/tags/cabinet/2008-09-01"), tag)

        let main = try XCTUnwrap(try hubRef("refs/heads/main"))
        let rewrite = try push(coordinator, ["HEAD~1:main"], as: "coordinator", force: true)
        XCTAssertNotEqual(rewrite.status, 0)
        XCTAssertTrue(rewrite.stderr.contains("main's history is never rewritten"), rewrite.output)
        let deleteMain = try push(coordinator, [":main"], as: "coordinator")
        XCTAssertNotEqual(deleteMain.status, 0)
        XCTAssertTrue(deleteMain.stderr.contains("refs/heads/main cannot be deleted"), deleteMain.output)
        XCTAssertEqual(try hubRef("refs/heads/main"), main)

        try world.mustGit(["tag", "-a", "cabinet/2008-10-01", "-m", "by a partner"], in: coordinator)
        let partnerTag = try push(coordinator, ["refs/tags/cabinet/2008-10-01"], as: "pvaughan")
        XCTAssertNotEqual(partnerTag.status, 0)
        XCTAssertTrue(partnerTag.stderr.contains("only the coordinator creates Cabinet tags"), partnerTag.output)
    }

    func testUnknownOrMissingPushersAreRefused() throws {
        try world.makeHub()
        let pct = try world.clone("pct", partner: nil, hooks: false)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try commitAll(pct, "Re-date 15.1")
        let stranger = try push(pct, ["HEAD:partners/leicester-pct"], as: "stranger")
        XCTAssertNotEqual(stranger.status, 0)
        XCTAssertTrue(stranger.stderr.contains("unknown pusher 'stranger'"), stranger.output)
        let nobody = try push(pct, ["HEAD:partners/leicester-pct"], as: nil)
        XCTAssertNotEqual(nobody.status, 0)
        XCTAssertTrue(nobody.stderr.contains("anonymous push"), nobody.output)
        XCTAssertNil(try hubRef("refs/heads/partners/leicester-pct"))
        // Only the configured source names the pusher: under env:GL_USER, REMOTE_USER is ignored...
        let ignored = try world.git(
            ["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct, env: ["REMOTE_USER": "pvaughan"])
        XCTAssertNotEqual(ignored.status, 0, ignored.output)
        XCTAssertTrue(ignored.stderr.contains("anonymous push"), ignored.output)
        // ...and with the http source a web server's REMOTE_USER names the pusher (capitals aside),
        // while a GL_USER the pusher sets is ignored.
        try world.mustGit(["config", "planmerge.identity", "http"], in: world.hub)
        let web = try world.git(
            ["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct,
            env: ["REMOTE_USER": "PVaughan", "GL_USER": "coordinator"])
        XCTAssertEqual(web.status, 0, web.output)
    }

    func testAnAnonymousPushThroughGitDaemonIsRefused() throws {
        try world.makeHub()
        let pct = try world.clone("pct", partner: nil, hooks: false)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try commitAll(pct, "Re-date 15.1")

        let port = try freeLoopbackPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "git", "daemon", "--enable=receive-pack", "--export-all", "--reuseaddr", "--base-path=\(world.base)",
            "--listen=127.0.0.1", "--port=\(port)", world.base,
        ]
        process.environment = world.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        daemon = process
        let url = "git://127.0.0.1:\(port)/hub.git"
        var ready = false
        for _ in 0..<100 where !ready {
            ready = try world.git(["ls-remote", url], in: pct).status == 0
            if !ready { usleep(100_000) }
        }
        XCTAssertTrue(ready, "git daemon did not answer on port \(port)")

        // GL_USER in the pushing environment does not travel over git://: the hook sees no user.
        let result = try world.git(
            ["push", "-q", url, "HEAD:partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("anonymous push"), result.output)
        XCTAssertNil(try hubRef("refs/heads/partners/leicester-pct"))
    }

    func testTheUpdateHookDecidesPerReference() throws {
        try world.makeHub(perRef: true)
        let pct = try world.clone("pct", partner: nil, hooks: false)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try commitAll(pct, "Re-date 15.1")
        let result = try push(pct, ["HEAD:partners/leicester-pct", "HEAD:main"], as: "pvaughan")
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(
            result.stderr.contains("update hook declined") || result.stderr.contains("hook declined"), result.output)
        XCTAssertEqual(
            try hubRef("refs/heads/partners/leicester-pct"), try world.mustGit(["rev-parse", "HEAD"], in: pct))
        XCTAssertNotEqual(try hubRef("refs/heads/main"), try world.mustGit(["rev-parse", "HEAD"], in: pct))
    }
}

/// A loopback port that was free a moment ago.
func freeLoopbackPort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestFailure("socket failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw TestFailure("bind failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw TestFailure("getsockname failed") }
    return UInt16(bigEndian: address.sin_port)
}
