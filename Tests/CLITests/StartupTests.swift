import ArgumentParser
import Foundation
import XCTest

@testable import planmerge

/// libgit2 starts on a second thread for the commands that open a repository
/// (`Planmerge.repositoryCommands`, `Libgit2.initializeInBackground`): each such command
/// still works in a fresh process, and every name in the list is a real command. HTTPS
/// certificate checks after the change are covered by `scripts/server-check` (a real
/// lighttpd with a test CA).
final class StartupTests: XCTestCase {
    var fixture: GitFixture!

    override func setUpWithError() throws { fixture = try GitFixture() }
    override func tearDown() { fixture.remove() }

    func testEveryRepositoryCommandIsARegisteredTopLevelCommand() {
        let topLevel = Set(HelpTests.allCommands().filter { $0.path.count == 1 }.map { $0.path[0] })
        XCTAssertEqual(
            Planmerge.repositoryCommands, ["consolidate", "tag", "versions", "status", "history", "hook", "sync"])
        XCTAssertTrue(Planmerge.repositoryCommands.isSubset(of: topLevel), "\(topLevel)")
    }

    func testRepositoryCommandsWorkInFreshProcesses() throws {
        let hub = try fixture.publishedHub(from: "Repos/derby").path
        let consolidated = try CLI.run(["consolidate", "--repo", hub, "--offline", "--today", "2008-07-01"])
        XCTAssertEqual(consolidated.status, 0, consolidated.stdout + consolidated.stderr)
        let main = try GitFixture.git(["rev-parse", "main"], in: URL(fileURLWithPath: hub))
        let parents = try GitFixture.git(["rev-list", "--count", "main"], in: URL(fileURLWithPath: hub))
        XCTAssertGreaterThan(Int(parents.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 1, main)

        let status = try CLI.run(["status", hub, "--today", "2008-07-01"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("Statutory deadline:"), status.stdout)

        let tagged = try CLI.run(["tag", "--repo", hub, "--name", "cabinet/2008-07-08", "--today", "2008-07-01"])
        XCTAssertEqual(tagged.status, 0, tagged.stderr)
        XCTAssertEqual(
            try GitFixture.git(["tag", "--list"], in: URL(fileURLWithPath: hub)).trimmingCharacters(
                in: .whitespacesAndNewlines), "cabinet/2008-07-08")

        // A usage error exits while libgit2 may still be starting on its thread: the
        // process still ends with the usage exit code and message, nothing else.
        let usage = try CLI.run(["consolidate", "--no-such-option"])
        XCTAssertEqual(usage.status, 2, usage.stderr)
        XCTAssertTrue(usage.stderr.contains("--no-such-option"), usage.stderr)
    }
}
