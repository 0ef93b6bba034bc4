import Foundation
import XCTest

/// A consolidate killed at any moment leaves the hub valid (`git fsck --strict` clean) and
/// main either as it was or at a complete consolidation commit, never anything between.
final class KilledRunTests: XCTestCase {
    func testAKilledConsolidateLeavesTheHubValid() throws {
        let fixture = try GitFixture()
        defer { fixture.remove() }
        let story = fixture.root.appendingPathComponent("story")
        // The demo leaves a hub and partner clones; give every partner new work to merge.
        XCTAssertEqual(try CLI.run(["demo", "--plan", "leicester", "--keep", story.path]).status, 0)
        let partners = try FileManager.default.contentsOfDirectory(atPath: story.appendingPathComponent("partners").path)
        XCTAssertEqual(partners.count, 11)
        let hub = story.appendingPathComponent("hub.git")
        let before = try GitFixture.git(["rev-parse", "main"], in: hub)
        try GitFixture.git(["update-ref", "refs/heads/main", "\(before)~2"], in: hub)  // two consolidations to redo
        let old = try GitFixture.git(["rev-parse", "main"], in: hub)

        var outcomes: [String: Int] = [:]
        for round in 0..<12 {
            let copy = fixture.root.appendingPathComponent("round-\(round)")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: hub, to: copy.appendingPathComponent("hub.git"))
            try FileManager.default.copyItem(at: story.appendingPathComponent("partners"), to: copy.appendingPathComponent("partners"))
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
                XCTAssertEqual(parents.first.map(String.init), old, "round \(round): main moved only to a complete consolidation")
                XCTAssertTrue(try GitFixture.git(["log", "-1", "--format=%s", main], in: copyHub).hasPrefix("Consolidate "))
                outcomes["consolidated", default: 0] += 1
            }
            // A later run works (or reports a lock left behind, naming it).
            let again = try CLI.run(["consolidate", copyHub.path, "--offline", "--today", "2008-09-01"])
            XCTAssertTrue(again.status == 0 || again.status == 1 || again.stderr.contains(".lock"), again.stderr)
        }
        XCTAssertEqual(outcomes.values.reduce(0, +), 12)
        print("killed consolidate outcomes: \(outcomes.sorted { $0.key < $1.key })")
    }
}
