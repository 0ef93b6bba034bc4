import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// Cabinet versions: made only on a clean plan, recording each partner's commit, never moved.
final class CabinetTagTests: XCTestCase {
    var fx: HubFixture!

    override func setUpWithError() throws { fx = try HubFixture() }
    override func tearDown() {
        fx.hub.assertFsckClean()
        fx = nil
    }

    let today = Day(year: 2008, month: 9, day: 1)!
    let tagger = Signature(name: "Coordinator", email: "coord@example.org", time: 1_220_270_400)

    func tagger(_ repo: Repository) -> CabinetTag { CabinetTag(repository: repo) }

    func testATagRecordsThePlanAndEachPartnersCommit() throws {
        let pct = try fx.edit("pct", "sections/pct/15.md", author: "Paul Vaughan <pv@example.org>") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: September 2008\nStatus: on track")
        }
        _ = try fx.consolidate()
        let repo = try Repository.open(at: fx.hub.path)
        let made = try tagger(repo).make(
            revision: "main", name: "cabinet/2008-09-01", note: "Cabinet, 8 September 2008", today: today,
            tagger: tagger)
        XCTAssertEqual(made.commit.hex, fx.main)
        XCTAssertTrue(made.message.contains("Cabinet, 8 September 2008"))
        XCTAssertTrue(
            made.message.contains(
                "Plan: 4 actions (on track 1, no status 3); 1 overdue; 0 to be confirmed as of 2008-09-01"),
            made.message)
        XCTAssertTrue(made.message.contains("  pct \(pct) 2008-09-01 10:00"), made.message)
        XCTAssertTrue(made.message.contains("  uhl (nothing accepted from it yet)"), made.message)
        XCTAssertEqual(try fx.hub.git("cat-file", "-t", "cabinet/2008-09-01"), "tag", "an annotated tag")
        XCTAssertEqual(try fx.hub.git("rev-parse", "cabinet/2008-09-01^{commit}"), fx.main)
        XCTAssertEqual(try tagger(repo).versions().map(\.name), ["cabinet/2008-09-01"])
    }

    func testATagIsNeverMoved() throws {
        let repo = try Repository.open(at: fx.hub.path)
        let first = try tagger(repo).make(
            revision: "main", name: "cabinet/2008-09-01", note: nil, today: today, tagger: tagger)
        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        _ = try fx.consolidate()
        XCTAssertThrowsError(
            try tagger(repo).make(revision: "main", name: "cabinet/2008-09-01", note: nil, today: today, tagger: tagger)
        ) { error in
            XCTAssertTrue("\(error)".contains("already exists and points at \(first.commit.short)"), "\(error)")
        }
        XCTAssertEqual(try fx.hub.git("rev-parse", "cabinet/2008-09-01^{commit}"), first.commit.hex)
    }

    func testATagIsRefusedWhenThePlanHasErrors() throws {
        try fx.coordinatorEdit("sections/uhl/15.md") { $0 + "Sucess: typo\n" }
        let repo = try Repository.open(at: fx.hub.path)
        XCTAssertThrowsError(
            try tagger(repo).make(revision: "main", name: "cabinet/x", note: nil, today: today, tagger: tagger)
        ) { error in
            let refusal = error as? CabinetTag.Refusal
            XCTAssertEqual(refusal?.reasons.count, 1)
            XCTAssertTrue(refusal?.reasons.first?.contains("[field-unknown]") == true, "\(error)")
        }
        XCTAssertEqual(try fx.hub.git("tag", "-l"), "")
    }

    func testATagIsRefusedWhileAPartnerIsHeldBackWithConflicts() throws {
        try fx.coordinatorEdit("sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: August 2008")
        }
        try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: October 2008")
        }
        _ = try fx.consolidate()
        let repo = try Repository.open(at: fx.hub.path)
        XCTAssertThrowsError(
            try tagger(repo).make(revision: "main", name: "cabinet/x", note: nil, today: today, tagger: tagger)
        ) { error in
            XCTAssertTrue(
                "\(error)".contains("pct is held back with 1 conflict(s): action 15.1, field Due"), "\(error)")
        }
    }
}
