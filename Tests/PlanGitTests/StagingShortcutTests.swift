import Foundation
import PlanModel
import XCTest

@testable import GitKit
@testable import PlanGit

/// Issue 15, the fetch of 200 remotes of which one changed: a partner whose published head
/// is a commit the hub already has (main, or one in main's history) is neither fetched nor
/// checked, and no staging repository is made for it; a changed head still is fetched,
/// checked in staging and copied; a head that moved back or was force-pushed ends as before.
/// `git fsck --strict` on the hub is clean after every scenario.
final class StagingShortcutTests: XCTestCase {
    var fx: HubFixture!

    override func setUpWithError() throws { fx = try HubFixture() }
    override func tearDown() {
        fx.hub.assertFsckClean()
        fx = nil
    }

    private func stage(_ id: String, in area: StagingArea) throws -> StageOutcome {
        Staging.stage(
            Partner(id: id, name: id, remote: "../\(id)"), url: fx.clone(id).path,
            hub: try Repository.open(at: fx.hub.path), in: area, timeout: .seconds(20), limits: FetchLimits(),
            progress: { _, _, _ in })
    }

    private func hubRef(_ id: String) throws -> String? {
        try Repository.open(at: fx.hub.path).reference(named: "refs/planmerge/partners/\(id)")?.hex
    }

    private func stagingFolders() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: fx.hub.path + "/planmerge/staging")) ?? []
    }

    /// The partners' clones hold main as the hub has it: nothing is fetched, no staging
    /// repository is made, and the hub's reference to each head is main.
    func testAHeadTheHubHasIsNotFetchedAndMakesNoStaging() throws {
        let area = StagingArea(hubGitDir: fx.hub.path)
        defer { area.remove() }
        for id in ["council", "pct", "uhl"] {
            XCTAssertEqual(try stage(id, in: area), .inHub, id)
            XCTAssertEqual(try hubRef(id), fx.main, id)
        }
        XCTAssertFalse(area.wasMade)
        XCTAssertEqual(stagingFolders(), [])
        XCTAssertEqual(try stage("pct", in: area), .unchanged, "the second time it is the head fetched last")
    }

    /// A partner whose repository has lost its objects but whose branch still names main:
    /// the hub has every object of it, so nothing is read from the partner (as git's fetch
    /// finds such a reference up to date) and the run accepts nothing and refuses nothing.
    func testAHeadTheHubHasIsNotReadFromThePartner() throws {
        let objects = fx.clone("uhl").path + "/.git/objects"
        try FileManager.default.removeItem(atPath: objects)
        try FileManager.default.createDirectory(atPath: objects, withIntermediateDirectories: true)
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("uhl")?.state, .unchanged, "\(report.outcome("uhl")!)")
        XCTAssertEqual(report.outcome("uhl")?.reasons, [])
        XCTAssertEqual(try hubRef("uhl"), fx.main)
        XCTAssertNil(report.newMain)
    }

    /// One partner changed: it alone is fetched (its new commit, root folder, sections
    /// folder, own folder and file: 5 objects) through one staging repository; the others
    /// are not.
    func testOnlyTheChangedHeadIsFetchedAndChecked() throws {
        let head = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: May 2008")
        }
        let area = StagingArea(hubGitDir: fx.hub.path)
        XCTAssertEqual(try stage("council", in: area), .inHub)
        XCTAssertFalse(area.wasMade)
        XCTAssertEqual(try stage("pct", in: area), .fetched(objects: 5))
        XCTAssertTrue(area.wasMade)
        XCTAssertEqual(try stage("uhl", in: area), .inHub)
        XCTAssertEqual(try hubRef("pct"), head)
        XCTAssertTrue(fx.hub.has(head))
        XCTAssertEqual(stagingFolders().count, 1)
        area.remove()
        XCTAssertEqual(stagingFolders(), [])

        let again = StagingArea(hubGitDir: fx.hub.path)
        XCTAssertEqual(try stage("pct", in: again), .unchanged)
        XCTAssertFalse(again.wasMade)
    }

    /// A partner that was accepted and then resets its branch to the older main (a commit
    /// in main's history): its reference moves back without a fetch, and the run finds it
    /// unchanged (main already holds that commit), as it did when the head was fetched.
    func testABranchMovedBackToAnOlderMainMovesTheReferenceWithoutAFetch() throws {
        let start = fx.main
        let head = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "July 2008", with: "June 2008")
        }
        XCTAssertEqual(try fx.consolidate().outcome("pct")?.state, .accepted)
        let merged = fx.main
        try fx.clone("pct").git("reset", "-q", "--hard", start)

        let area = StagingArea(hubGitDir: fx.hub.path)
        XCTAssertEqual(try stage("pct", in: area), .inHub)
        XCTAssertFalse(area.wasMade)
        XCTAssertEqual(try hubRef("pct"), start)
        area.remove()

        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .unchanged, "\(report.outcome("pct")!)")
        XCTAssertEqual(report.outcome("pct")?.accepted, head)
        XCTAssertNil(report.newMain)
        XCTAssertEqual(fx.main, merged)
        XCTAssertTrue(try fx.file("sections/pct/15.md").contains("June 2008"))
    }

    /// A force-push to a new commit (not in the hub) is fetched and checked as before.
    func testAForcePushedHeadIsFetchedAndChecked() throws {
        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        XCTAssertEqual(try fx.consolidate().outcome("pct")?.state, .accepted)
        try fx.clone("pct").git("reset", "-q", "--hard", "HEAD~1")
        let rewritten = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Lead: Annette Hogarth", with: "Lead: Mel Meggs")
        }
        let area = StagingArea(hubGitDir: fx.hub.path)
        defer { area.remove() }
        XCTAssertEqual(try stage("pct", in: area), .fetched(objects: 5))
        XCTAssertTrue(area.wasMade)
        XCTAssertEqual(try hubRef("pct"), rewritten)
    }
}
