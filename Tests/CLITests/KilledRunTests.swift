import Foundation
import XCTest

/// A consolidate killed at any moment leaves the hub valid (`git fsck --strict` clean) and
/// main either as it was or at a complete consolidation commit, never anything between.
final class KilledRunTests: XCTestCase {
    func testAKilledConsolidateLeavesTheHubValid() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        // Every one of the 11 Leicester partners has published work that main does not have yet.
        let hub = try fixture.publishedHub(from: "Repos/leicester")
        let published = try GitFixture.git(["for-each-ref", "--format=%(refname)", "refs/heads/partners/"], in: hub)
        XCTAssertEqual(published.split(separator: "\n").count, 11)
        let old = try GitFixture.git(["rev-parse", "main"], in: hub)

        var outcomes: [String: Int] = [:]
        for round in 0..<12 {
            let copy = fixture.root.appendingPathComponent("round-\(round)")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: hub, to: copy.appendingPathComponent("hub.git"))
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["consolidate", copy.appendingPathComponent("hub.git").path, "--today", "2008-09-01"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(round * 30_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let copyHub = copy.appendingPathComponent("hub.git")
            try GitFixture.git(["fsck", "--strict", "--no-progress"], in: copyHub)
            let main = try GitFixture.git(["rev-parse", "main"], in: copyHub)
            if main == old {
                outcomes["unchanged", default: 0] += 1
            } else {
                let parents = try GitFixture.git(["log", "-1", "--format=%P", main], in: copyHub).split(separator: " ")
                XCTAssertEqual(
                    parents.first.map(String.init), old, "round \(round): main moved only to a complete consolidation")
                XCTAssertTrue(
                    try GitFixture.git(["log", "-1", "--format=%s", main], in: copyHub).hasPrefix("Consolidate "))
                outcomes["consolidated", default: 0] += 1
            }
            // A later run completes the consolidation (or reports a lock left behind, naming it).
            let again = try CLI.run(["consolidate", "--repo", copyHub.path, "--today", "2008-09-01"])
            if again.status == 2 {
                XCTAssertTrue(again.stderr.contains(".lock"), "round \(round): \(again.stderr)")
            } else {
                XCTAssertEqual(again.status, 0, "round \(round): \(again.stdout)\(again.stderr)")
                let after = try GitFixture.git(["rev-parse", "main"], in: copyHub)
                if main != old { XCTAssertEqual(after, main, "round \(round): nothing was left to merge") }
                let parents = try GitFixture.git(["log", "-1", "--format=%P", after], in: copyHub).split(separator: " ")
                XCTAssertEqual(
                    parents.first.map(String.init), old, "round \(round): the consolidation follows the old main")
                XCTAssertEqual(parents.count, 12, "round \(round): the old main and the 11 partner heads")
            }
        }
        print("killed consolidate outcomes: \(outcomes.sorted { $0.key < $1.key })")
    }
}
