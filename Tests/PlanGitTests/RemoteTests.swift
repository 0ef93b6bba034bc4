import Foundation
import PlanGit
import XCTest

@testable import GitKit

final class RemoteTests: XCTestCase {
    private var daemon: Process?
    private var listener: SilentListener?

    override func tearDown() {
        if let daemon, daemon.isRunning {
            daemon.terminate()
            daemon.waitUntilExit()
        }
        daemon = nil
        listener?.close()
        listener = nil
        super.tearDown()
    }

    /// A hub and a partner clone with one partner commit; returns the partner's new head.
    private func makeHubAndPartner() throws -> (hub: TestRepo, partner: TestRepo, head: ObjectID) {
        let hub = try TestRepo()
        try hub.write("manifest.yaml", "plan\n")
        try hub.commitAll("hub")
        let partner = try TestRepo(cloneOf: hub, name: "pct")
        try partner.write("sections/pct/rec-01.txt", "pct action\n")
        let head = try XCTUnwrap(ObjectID(hex: try partner.commitAll("pct work")))
        try partner.git("tag", "-a", "-m", "partner tag", "pct-tag")
        return (hub, partner, head)
    }

    func testFetchFromALocalPathIntoAPartnerRef() throws {
        let (hub, partner, head) = try makeHubAndPartner()
        let repository = try Repository.open(at: hub.path)
        let calls = ResultBox()
        try repository.fetch(url: partner.path, refspec: "+refs/heads/main:refs/planmerge/partners/pct") { progress in
            calls.add("\(progress.receivedObjects)/\(progress.totalObjects)")
            return true
        }
        XCTAssertEqual(try repository.reference(named: "refs/planmerge/partners/pct"), head)
        XCTAssertEqual(try hub.git("rev-parse", "refs/planmerge/partners/pct"), head.hex)
        XCTAssertEqual(try hub.git("show", "refs/planmerge/partners/pct:sections/pct/rec-01.txt"), "pct action")
        XCTAssertEqual(try hub.git("tag", "-l"), "", "no tags fetched")
        // libgit2 truncates FETCH_HEAD on download; nothing is written to it.
        let fetchHead = (try? String(contentsOfFile: hub.path + "/.git/FETCH_HEAD", encoding: .utf8)) ?? ""
        XCTAssertEqual(fetchHead, "")
        XCTAssertEqual(try repository.references(matching: "refs/remotes/*"), [], "no remote configured")
        hub.assertFsckClean()
    }

    func testFetchFromAFileURLWithTimeoutOnItsOwnThread() throws {
        let (hub, partner, head) = try makeHubAndPartner()
        let repository = try Repository.open(at: hub.path)
        try repository.fetch(
            url: "file://" + partner.path, refspecs: ["+refs/heads/main:refs/planmerge/partners/pct"],
            timeout: .seconds(60))
        XCTAssertEqual(try repository.reference(named: "refs/planmerge/partners/pct"), head)
        hub.assertFsckClean()
    }

    func testFetchOfANonexistentPathFailsClearly() throws {
        let (hub, _, _) = try makeHubAndPartner()
        let repository = try Repository.open(at: hub.path)
        let missing = hub.base + "/no-such-partner"
        XCTAssertThrowsError(try repository.fetch(url: missing, refspec: "+refs/heads/main:refs/planmerge/partners/x"))
        { error in
            let text = "\(error)"
            XCTAssertTrue(error is GitError, text)
            XCTAssertTrue(text.contains(missing), text)
        }
        XCTAssertThrowsError(
            try repository.fetch(
                url: missing, refspecs: ["+refs/heads/main:refs/planmerge/partners/x"],
                timeout: .seconds(30))
        ) { error in
            XCTAssertTrue(error is GitError, "\(error)")
        }
        XCTAssertNil(try repository.reference(named: "refs/planmerge/partners/x"))
    }

    func testFetchOverGitDaemonOnLoopback() throws {
        let exec = try TestRepo.git(["--exec-path"], in: "/")
        guard FileManager.default.isExecutableFile(atPath: exec + "/git-daemon") else {
            throw XCTSkip("git daemon is not installed")
        }
        let (hub, partner, head) = try makeHubAndPartner()
        let served = hub.base + "/served"
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try TestRepo.git(["clone", "-q", "--bare", partner.path, served + "/pct.git"], in: hub.base)

        let port = try freeLoopbackPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "git", "daemon", "--export-all", "--reuseaddr", "--base-path=\(served)",
            "--port=\(port)", "--listen=127.0.0.1", served,
        ]
        process.environment = TestRepo.environment(home: hub.base)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        daemon = process
        let deadline = Date().addingTimeInterval(10)
        while !canConnect(port: port) {
            guard Date() < deadline, process.isRunning else { throw XCTSkip("git daemon did not start") }
            Thread.sleep(forTimeInterval: 0.05)
        }

        let repository = try Repository.open(at: hub.path)
        try repository.fetch(
            url: "git://127.0.0.1:\(port)/pct.git", refspecs: ["+refs/heads/main:refs/planmerge/partners/pct"],
            timeout: .seconds(60))
        XCTAssertEqual(try repository.reference(named: "refs/planmerge/partners/pct"), head)
        hub.assertFsckClean()

        XCTAssertThrowsError(
            try repository.fetch(
                url: "git://127.0.0.1:\(port)/nobody.git",
                refspec: "+refs/heads/main:refs/planmerge/partners/nobody"))
    }

    func testFetchTimesOutAgainstAServerThatNeverAnswers() throws {
        let (hub, _, _) = try makeHubAndPartner()
        let silent = try SilentListener()
        listener = silent
        let repository = try Repository.open(at: hub.path)
        let started = Date()
        XCTAssertThrowsError(
            try repository.fetch(
                url: "git://127.0.0.1:\(silent.port)/pct.git",
                refspecs: ["+refs/heads/main:refs/planmerge/partners/pct"],
                timeout: .milliseconds(800))
        ) { error in
            guard case FetchError.timedOut(let url, let after)? = error as? FetchError else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(url.contains("\(silent.port)"))
            XCTAssertEqual(after, .milliseconds(800))
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(elapsed, 0.7)
        XCTAssertLessThan(elapsed, 3)
        XCTAssertEqual(silent.connectionCount, 1, "libgit2 did connect and wait")
        XCTAssertNil(try repository.reference(named: "refs/planmerge/partners/pct"))
        // tearDown closes the connection so the abandoned fetch thread ends.
    }

    func testProgressCallbackCanCancel() throws {
        let (hub, partner, _) = try makeHubAndPartner()
        let repository = try Repository.open(at: hub.path)
        let calls = ResultBox()
        XCTAssertThrowsError(
            try repository.fetch(url: partner.path, refspec: "+refs/heads/main:refs/planmerge/partners/pct") { _ in
                calls.add("called")
                return false
            }
        ) { error in
            guard case FetchError.cancelled(let url)? = error as? FetchError else { return XCTFail("\(error)") }
            XCTAssertEqual(url, partner.path)
        }
        XCTAssertEqual(calls.values.count, 1, "no progress after cancelling")
        XCTAssertNil(try repository.reference(named: "refs/planmerge/partners/pct"))
    }
}
