import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// Objects entering the hub (issue 9, items 2, 4 and 5): every commit a partner brings is
/// checked, partners are fetched into staging and only a history that passes reaches the
/// hub, and limits hold before memory is spent. `git fsck --strict` on the hub is clean
/// after every scenario, and a clone that checks objects works.
final class UnsafeHistoryTests: XCTestCase {
    var fx: HubFixture!
    private var daemon: Process?

    override func setUpWithError() throws { fx = try HubFixture() }

    override func tearDown() {
        if let daemon, daemon.isRunning {
            daemon.terminate()
            daemon.waitUntilExit()
        }
        daemon = nil
        fx.hub.assertFsckClean()
        fx.hub.assertClonesWithFsck()
        fx = nil
    }

    /// Item 2: one commit adds `.git/hooks/x`, a symbolic link to /etc/passwd, and edits
    /// another partner's file and plan.yaml; the next commit undoes all of it.
    func testAnUnsafeCommitUndoneByTheNextIsRefusedNamingCommitAndPath() throws {
        let pct = fx.clone("pct")
        let original = try pct.git("rev-parse", "HEAD^{tree}")
        var tree = try pct.tree(
            original, putting: .init("100755", "x", try pct.blob("#!/bin/sh\necho pwned\n")), in: [".git", "hooks"])
        tree = try pct.tree(
            tree, putting: .init("120000", "passwd", try pct.blob("/etc/passwd")), in: ["sections", "pct"])
        tree = try pct.tree(
            tree,
            putting: .init(
                "100644", "15.md", try pct.blob(HubFixture.uhl15 + "\n## 15.9 Forged\nDue: 2009\nLead: X\n")),
            in: ["sections", "uhl"])
        tree = try pct.tree(
            tree, putting: .init("100644", "plan.yaml", try pct.blob(HubFixture.manifest + "# edited\n")))
        let bad = try pct.publishUndone(tree: tree)
        let uhl = try fx.edit("uhl", "sections/uhl/15.md") {
            $0 + "\n## 15.5 Breastfeeding\nDue: 31.3.10\nLead: Jane Porter\n"
        }

        let report = try fx.consolidate()
        let outcome = try XCTUnwrap(report.outcome("pct"))
        XCTAssertEqual(outcome.state, .rejected)
        let short = String(bad.prefix(7))
        XCTAssertTrue(
            outcome.reasons.contains("commit \(short): .git: a name git reads as .git (fsck: hasDotgit)"),
            "\(outcome.reasons)")
        XCTAssertTrue(
            outcome.reasons.contains(
                "commit \(short): sections/pct/passwd is a symbolic link; plan files must be plain text files"),
            "\(outcome.reasons)")
        XCTAssertFalse(
            outcome.reasons.contains { $0.contains("sections/uhl/15.md") || $0.contains("plan.yaml") },
            "an edit undone by a later commit is no trespass: \(outcome.reasons)")
        XCTAssertEqual(report.outcome("uhl")?.state, .accepted)
        XCTAssertEqual(
            try fx.hub.git("log", "-1", "--format=%P", "main").split(separator: " ").last.map(String.init), uhl)
        XCTAssertFalse(fx.hub.has(bad), "the refused commit never entered the hub")
        XCTAssertNil(try? fx.hub.git("rev-parse", "--verify", "-q", "refs/planmerge/partners/pct"))

        // An unchanged refused head is not fetched nor checked again (its record is not
        // written again), and is still reported.
        let record = fx.hub.path + "/planmerge/rejected/pct"
        XCTAssertEqual(
            try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").first.map(String.init),
            try pct.git("rev-parse", "main"))
        let longAgo = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: record)
        let again = try fx.consolidate()
        XCTAssertEqual(again.outcome("pct")?.state, .rejected)
        XCTAssertEqual(again.outcome("pct")?.reasons, outcome.reasons)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: record)[.modificationDate] as? Date, longAgo)
        let offline = try fx.consolidate { $0.offline = true }
        XCTAssertEqual(offline.outcome("pct")?.state, .rejected)

        // The partner rewrites its history without the commit and publishes: accepted.
        try pct.git("fetch", "-q", "origin")
        try pct.git("reset", "-q", "--hard", "origin/main")
        let fixed = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: May 2008")
        }
        let after = try fx.consolidate()
        XCTAssertEqual(after.outcome("pct")?.state, .accepted, "\(after.outcome("pct")!)")
        XCTAssertEqual(after.outcome("pct")?.accepted, fixed)
    }

    /// Item 5: a tree with a name twice (the second `uhl` folder hides that the first one
    /// lost uhl's file) is refused, naming commit and path.
    func testADuplicateTreeEntryIsRefused() throws {
        let pct = fx.clone("pct")
        let root = try pct.git("rev-parse", "HEAD^{tree}")
        let sections = try pct.entries(ofTree: try pct.git("rev-parse", "HEAD:sections"))
        let uhl = try XCTUnwrap(sections.first { $0.name == Array("uhl".utf8) })
        let emptied = try pct.rawTree([])
        let forged = try pct.rawTree(sections.filter { $0.name != uhl.name } + [.init("40000", "uhl", emptied), uhl])
        let tree = try pct.tree(root, putting: .init("40000", "sections", forged))
        let bad = try pct.commit(tree: tree, parent: try pct.git("rev-parse", "HEAD"), message: "Hide a deletion")
        try pct.git("update-ref", "refs/heads/main", bad)

        let report = try fx.consolidate()
        let outcome = try XCTUnwrap(report.outcome("pct"))
        XCTAssertEqual(outcome.state, .rejected)
        XCTAssertTrue(
            outcome.reasons.contains(
                "commit \(bad.prefix(7)): sections/uhl: a second entry of the same name (fsck: duplicateEntries)"),
            "\(outcome.reasons)")
        XCTAssertFalse(fx.hub.has(bad))
        XCTAssertTrue(try fx.file("sections/uhl/15.md").contains("15.4 Antenatal support"), "uhl's file stands")
    }

    /// Item 4, path remote: a 3 MB file with the limit at 1 MiB is refused from its header
    /// in the partner's repository, before anything is fetched; nothing of it is in the hub.
    func testAnOverSizeFileOnAPathRemoteIsRefusedBeforeFetching() throws {
        let pct = fx.clone("pct")
        try pct.write("sections/pct/notes.md", String(repeating: "A line of notes about the plan.\n", count: 98_304))
        let bad = try pct.commitAll("Attach notes")
        let blob = try pct.git("rev-parse", "HEAD:sections/pct/notes.md")

        let report = try fx.consolidate { $0.maxFileBytes = 1 << 20 }
        let outcome = try XCTUnwrap(report.outcome("pct"))
        XCTAssertEqual(outcome.state, .rejected)
        XCTAssertTrue(
            outcome.reasons.contains(
                "commit \(bad.prefix(7)): sections/pct/notes.md is 3145728 bytes, more than the 1048576 a plan file may have"
            ),
            "\(outcome.reasons)")
        XCTAssertFalse(fx.hub.has(blob), "nothing of the file is in the hub's object store")
        XCTAssertFalse(fx.hub.has(bad))
        let staging = fx.hub.path + "/planmerge/staging"
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: staging), [], "the run's staging store is gone")
    }

    /// A commit object over the size limit (a 3 MB message here) is refused by its header
    /// before any history walk loads it.
    func testAnOverSizeCommitIsRefusedByItsHeader() throws {
        let pct = fx.clone("pct")
        let message = pct.base + "/message.txt"
        try Data(("Notes\n\n" + String(repeating: "A long commit message.\n", count: 131_072)).utf8)
            .write(to: URL(fileURLWithPath: message))
        let bad = try pct.git("commit-tree", try pct.git("rev-parse", "HEAD^{tree}"), "-p", "HEAD", "-F", message)
        try pct.git("update-ref", "refs/heads/main", bad)
        let size = Int(try pct.git("cat-file", "-s", bad))!

        let report = try fx.consolidate()
        let outcome = try XCTUnwrap(report.outcome("pct"))
        XCTAssertEqual(outcome.state, .rejected)
        XCTAssertEqual(
            outcome.reasons.first,
            "commit \(bad.prefix(7)) is a commit of \(size) bytes, where a commit of at most 1048576 bytes belongs")
        XCTAssertFalse(fx.hub.has(bad))
    }

    /// From a path remote only the published branch's new objects are copied: libgit2's
    /// local transport would have packed (and read whole) every branch of the partner.
    func testOnlyThePublishedBranchIsCopiedFromAPathRemote() throws {
        let pct = fx.clone("pct")
        try pct.git("checkout", "-q", "-b", "scratch")
        try pct.write("sections/pct/notes.md", String(repeating: "A line of notes about the plan.\n", count: 98_304))
        try pct.commitAll("Scratch notes")
        let blob = try pct.git("rev-parse", "HEAD:sections/pct/notes.md")
        try pct.git("checkout", "-q", "main")
        let head = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: May 2008")
        }

        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .accepted)
        XCTAssertEqual(report.outcome("pct")?.accepted, head)
        XCTAssertFalse(fx.hub.has(blob), "the unpublished branch's file is not in the hub")
        XCTAssertTrue(fx.hub.has(head))
    }

    /// Issue 15: a network remote whose branch names main is not downloaded from (the
    /// advertised head is a commit the hub has); the hub's reference to it moves to main and
    /// the partner is unchanged. A new commit on it afterwards is fetched and accepted.
    func testANetworkRemoteAtMainIsNotDownloadedAndANewCommitIs() throws {
        let port = try serve(fx.clone("pct"))
        let main = try fx.coordinatorEdit("plan.yaml") {
            $0.replacingOccurrences(of: "remote: ../pct", with: "remote: git://127.0.0.1:\(port)/pct.git")
        }
        let pct = fx.clone("pct")
        try pct.git("pull", "-q", "origin", "main")
        try pct.git("push", "-q", fx.hub.base + "/served/pct.git", "HEAD:main")

        let same = try fx.consolidate()
        XCTAssertEqual(same.outcome("pct")?.state, .unchanged, "\(same.outcome("pct")!)")
        XCTAssertEqual(try fx.hub.git("rev-parse", "refs/planmerge/partners/pct"), main)
        XCTAssertNil(same.newMain)

        let head = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: May 2008")
        }
        try pct.git("push", "-q", fx.hub.base + "/served/pct.git", "HEAD:main")
        let changed = try fx.consolidate()
        XCTAssertEqual(changed.outcome("pct")?.state, .accepted, "\(changed.outcome("pct")!)")
        XCTAssertEqual(changed.outcome("pct")?.accepted, head)
        XCTAssertTrue(try fx.file("sections/pct/15.md").contains("Due: May 2008"))
    }

    /// Item 4, network remote (`git daemon` on 127.0.0.1): the transfer limit stops the
    /// fetch from the progress callback; a file that compresses well passes the transfer
    /// and is refused by its header in staging. Neither enters the hub.
    func testANetworkRemoteIsHeldToTheTransferAndFileLimits() throws {
        let port = try serve(fx.clone("pct"))
        try fx.coordinatorEdit("plan.yaml") {
            $0.replacingOccurrences(of: "remote: ../pct", with: "remote: git://127.0.0.1:\(port)/pct.git")
        }
        let pct = fx.clone("pct")
        try pct.git("pull", "-q", "origin", "main")
        var random = SystemRandomNumberGenerator()
        let noise = (0..<(3 << 20) / 14).map { _ in String(random.next() as UInt64, radix: 36) }.joined(separator: " ")
        try pct.write("sections/pct/noise.md", noise)
        let big = try pct.commitAll("Attach noise")
        try pct.git("push", "-q", fx.hub.base + "/served/pct.git", "HEAD:main")

        let cut = try fx.consolidate {
            $0.maxTransferBytes = 1 << 20
            $0.maxFileBytes = 8 << 20
        }
        let outcome = try XCTUnwrap(cut.outcome("pct"))
        XCTAssertEqual(outcome.state, .rejected)
        XCTAssertEqual(outcome.reasons.count, 1)
        XCTAssertTrue(
            outcome.reasons[0].hasPrefix("commit \(big.prefix(7)) (its head): its remote sent more than 1048576 bytes"),
            outcome.reasons[0])
        XCTAssertFalse(fx.hub.has(big))

        try pct.git("reset", "-q", "--hard", "HEAD~1")
        try pct.write("sections/pct/zeros.md", String(repeating: "0", count: 3 << 20))
        let zeros = try pct.commitAll("Attach zeros")
        try pct.git("push", "-q", "-f", fx.hub.base + "/served/pct.git", "HEAD:main")
        let refused = try fx.consolidate { $0.maxFileBytes = 1 << 20 }
        XCTAssertEqual(refused.outcome("pct")?.state, .rejected)
        XCTAssertTrue(
            refused.outcome("pct")?.reasons.contains(
                "commit \(zeros.prefix(7)): sections/pct/zeros.md is 3145728 bytes, more than the 1048576 a plan file may have"
            ) == true,
            "\(refused.outcome("pct")!.reasons)")
        XCTAssertFalse(fx.hub.has(zeros))
    }

    // MARK: Helpers

    /// Serves a bare copy of `repo` as `pct.git` over `git daemon` on 127.0.0.1.
    private func serve(_ repo: TestRepo) throws -> UInt16 {
        let exec = try TestRepo.git(["--exec-path"], in: "/")
        guard FileManager.default.isExecutableFile(atPath: exec + "/git-daemon") else {
            throw XCTSkip("git daemon is not installed")
        }
        let served = fx.hub.base + "/served"
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try TestRepo.git(["clone", "-q", "--bare", repo.path, served + "/pct.git"], in: fx.hub.base)
        let port = try freeLoopbackPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "git", "daemon", "--export-all", "--reuseaddr", "--base-path=\(served)", "--port=\(port)",
            "--listen=127.0.0.1", served,
        ]
        process.environment = TestRepo.environment(home: fx.hub.base)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        daemon = process
        let deadline = Date().addingTimeInterval(10)
        while !canConnect(port: port) {
            guard Date() < deadline, process.isRunning else { throw XCTSkip("git daemon did not start") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return port
    }
}
