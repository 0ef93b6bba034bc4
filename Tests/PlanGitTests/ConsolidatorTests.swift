import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// `planmerge consolidate` on real repositories: each scenario of the consolidate issue,
/// with `git fsck --strict` clean after every one.
final class ConsolidatorTests: XCTestCase {
    var fx: HubFixture!

    override func setUpWithError() throws { fx = try HubFixture() }
    override func tearDown() {
        fx.hub.assertFsckClean()
        fx = nil
    }

    func testAcceptedPartnersBecomeParentsOfOneMergeCommit() throws {
        let before = fx.main
        let pct = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: September 2008")
        }
        let uhl = try fx.edit("uhl", "sections/uhl/15.md") {
            $0 + "\n## 15.5 Breastfeeding\nDue: 31.3.10\nLead: Jane Porter\n"
        }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .accepted)
        XCTAssertEqual(report.outcome("uhl")?.state, .accepted)
        XCTAssertEqual(report.outcome("council")?.state, .unchanged)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(
            try fx.hub.git("log", "--format=%P", "-1", "main").split(separator: " ").map(String.init),
            [before, pct, uhl])
        XCTAssertEqual(report.newMain, fx.main)
        XCTAssertTrue(try fx.file("sections/pct/15.md").contains("Due: September 2008"))
        XCTAssertTrue(try fx.file("sections/uhl/15.md").contains("## 15.5 Breastfeeding"))
        let message = try fx.hub.git("log", "--format=%B", "-1", "main")
        XCTAssertTrue(message.contains("Planmerge-Accepted: pct \(pct)"), message)
        XCTAssertTrue(
            try fx.hub.git("log", "--format=%s", "main").contains("pct: edit sections/pct/15.md"),
            "partners' own commits are in main's history")

        let again = try fx.consolidate()
        XCTAssertNil(again.newMain, "nothing new: nothing written")
        XCTAssertEqual(again.outcome("pct")?.state, .unchanged)
        XCTAssertEqual(again.outcome("pct")?.accepted, pct)
    }

    func testCoordinatorAndPartnerEditingDifferentFieldsOfOneActionMergeCleanly() throws {
        try fx.coordinatorEdit("sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: August 2008")
        }
        try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Lead: Paul Vaughan", with: "Lead: Paul Vaughan; Liz Rodrigo")
        }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .accepted, "\(report.outcome("pct")!)")
        let merged = try fx.file("sections/pct/15.md")
        XCTAssertTrue(merged.contains("Due: August 2008\nLead: Paul Vaughan; Liz Rodrigo\n"), merged)
    }

    func testTheSameFieldIsAConflictNamingBothValuesAndAuthors() throws {
        let before = try fx.file("sections/pct/15.md")
        try fx.coordinatorEdit("sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: August 2008")
        }
        let mainBefore = fx.main
        try fx.edit("pct", "sections/pct/15.md", author: "Paul Vaughan <pv@example.org>") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: October 2008")
        }
        let report = try fx.consolidate()
        let pct = try XCTUnwrap(report.outcome("pct"))
        XCTAssertEqual(pct.state, .heldBack)
        XCTAssertEqual(pct.conflicts.count, 1)
        let conflict = try XCTUnwrap(pct.conflicts.first)
        XCTAssertEqual(conflict.file, "sections/pct/15.md")
        XCTAssertEqual(conflict.action, "15.1")
        XCTAssertEqual(conflict.field, "Due")
        XCTAssertEqual(conflict.hub.value, ["August 2008"])
        XCTAssertEqual(conflict.partner.value, ["October 2008"])
        XCTAssertEqual(conflict.base, ["July 2008"])
        XCTAssertEqual(conflict.hub.change?.author, "Coordinator")
        XCTAssertEqual(conflict.partner.change?.author, "Paul Vaughan")
        XCTAssertFalse(report.isClean)
        XCTAssertEqual(fx.main, mainBefore, "nothing else to accept: main unchanged")
        XCTAssertNotEqual(try fx.file("sections/pct/15.md"), before)
    }

    func testReorderingAloneChangesNothingInMain() throws {
        try fx.edit("pct", "sections/pct/15.md") { _ in
            "# Recommendation 15\n\n## 15.2 Sustain support services\nLead: Annette Hogarth\nDue: April 2008 – March 2009\n\n## 15.1 Complete the local self assessment\nSuccess: self assessment completed\nLead: Paul Vaughan\nDue: July 2008\n"
        }
        let before = try fx.hub.git("rev-parse", "main^{tree}")
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .accepted)
        XCTAssertEqual(try fx.hub.git("rev-parse", "main^{tree}"), before, "the plan's tree is unchanged")
    }

    func testAPartnerTouchingAnotherFolderIsRejectedWhole() throws {
        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        try fx.edit("pct", "sections/uhl/15.md") { $0.replacingOccurrences(of: "Jane Porter", with: "Someone Else") }
        try fx.edit("pct", "plan.yaml") { $0.replacingOccurrences(of: "Test plan", with: "Our plan") }
        let before = fx.main
        let report = try fx.consolidate()
        let pct = try XCTUnwrap(report.outcome("pct"))
        XCTAssertEqual(pct.state, .rejected)
        XCTAssertEqual(pct.reasons.count, 2)
        XCTAssertTrue(
            pct.reasons.contains { $0.contains("sections/uhl/15.md") && $0.contains("University Hospitals (uhl)") },
            "\(pct.reasons)")
        XCTAssertTrue(
            pct.reasons.contains { $0.contains("plan.yaml") && $0.contains("the coordinator") }, "\(pct.reasons)")
        XCTAssertEqual(fx.main, before, "taken whole or not at all")
    }

    func testRewrittenHistoryIsRefusedUnlessAccepted() throws {
        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        XCTAssertEqual(try fx.consolidate().outcome("pct")?.state, .accepted)
        // Rewrite: drop the accepted commit and publish another one instead (a force-push).
        try fx.clone("pct").git("reset", "-q", "--hard", "HEAD~1")
        try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Lead: Annette Hogarth", with: "Lead: Mel Meggs")
        }
        let refused = try fx.consolidate()
        XCTAssertEqual(refused.outcome("pct")?.state, .rejected)
        XCTAssertTrue(refused.outcome("pct")?.reasons.first?.contains("history was rewritten") == true)
        let taken = try fx.consolidate { $0.acceptRewrite = ["pct"] }
        XCTAssertEqual(taken.outcome("pct")?.state, .accepted, "\(taken.outcome("pct")!)")
        let merged = try fx.file("sections/pct/15.md")
        XCTAssertTrue(merged.contains("Due: June 2008") && merged.contains("Lead: Mel Meggs"), merged)
    }

    func testAnUnreachableRemoteIsReportedAndTheOthersGoOn() throws {
        try FileManager.default.removeItem(atPath: fx.clone("uhl").path)
        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("uhl")?.state, .fetchFailed)
        XCTAssertTrue(
            report.outcome("uhl")?.reasons.first?.contains("no repository at") == true,
            "\(report.outcome("uhl")!.reasons)")
        XCTAssertEqual(report.outcome("pct")?.state, .accepted)
        XCTAssertNotNil(report.newMain)
        XCTAssertTrue(try fx.file("sections/uhl/15.md").contains("Jane Porter"), "the last accepted version stands")

        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "June 2008", with: "May 2008") }
        let strict = try fx.consolidate { $0.strict = true }
        XCTAssertEqual(strict.outcome("pct")?.state, .accepted)
        XCTAssertNil(strict.newMain, "--strict: a partner could not be fetched, so nothing is written")
    }

    func testDuplicateReferencesFromTwoPartnersHoldBackTheLater() throws {
        try fx.edit("pct", "sections/pct/15.md") { $0 + "\n## 15.9 A new action\nDue: 31.3.09\nLead: Paul Vaughan\n" }
        try fx.edit("uhl", "sections/uhl/15.md") {
            $0 + "\n## 15.9 Another new action\nDue: 31.3.09\nLead: Jane Porter\n"
        }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .accepted)
        let uhl = try XCTUnwrap(report.outcome("uhl"))
        XCTAssertEqual(uhl.state, .heldBack)
        XCTAssertEqual(uhl.errors.map(\.rule), ["duplicate-reference"])
        XCTAssertEqual(uhl.errors.first?.location.file, "sections/uhl/15.md")
        XCTAssertEqual(report.errors, [], "the plan that was written has no errors")
    }

    func testAnInvalidContributionIsHeldBack() throws {
        try fx.edit("uhl", "sections/uhl/15.md") { $0 + "Sucess: typo\n" }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("uhl")?.state, .heldBack)
        XCTAssertEqual(report.outcome("uhl")?.errors.map(\.rule), ["field-unknown"])
        XCTAssertNil(report.newMain)
    }

    func testOnlyTheLeadPartnerWritesRecommendationText() throws {
        try fx.edit("uhl", "sections/uhl/15.md") {
            $0.replacingOccurrences(
                of: "# Recommendation 15\n", with: "# Recommendation 15\n\n### Position statement\nOur own view.\n")
        }
        try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(
                of: "# Recommendation 15\n", with: "# Recommendation 15\n\n### Position statement\nThe lead's view.\n")
        }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .accepted, "pct leads recommendation 15")
        XCTAssertEqual(report.outcome("uhl")?.state, .heldBack)
        XCTAssertEqual(report.outcome("uhl")?.errors.map(\.rule), ["recommendation-text-not-lead"])
    }

    func testUnsafeContentIsRefused() throws {
        let uhl = fx.clone("uhl")
        try FileManager.default.createSymbolicLink(
            atPath: uhl.path + "/sections/uhl/1.md", withDestinationPath: "/etc/passwd")
        try uhl.write("sections/uhl/big.md", String(repeating: "x", count: 2 << 20))
        try uhl.git("add", "-A")
        try uhl.git("commit", "-q", "-m", "hostile")
        let report = try fx.consolidate()
        let outcome = try XCTUnwrap(report.outcome("uhl"))
        XCTAssertEqual(outcome.state, .rejected)
        XCTAssertTrue(outcome.reasons.contains { $0.contains("symbolic link") }, "\(outcome.reasons)")
        XCTAssertTrue(outcome.reasons.contains { $0.contains("big.md is") }, "\(outcome.reasons)")
    }

    func testBinaryFilesAndSubmodulesAreRefused() throws {
        let uhl = fx.clone("uhl")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]).write(
            to: URL(fileURLWithPath: uhl.path + "/sections/uhl/plan.docx"))
        try uhl.git("add", "-A")
        try uhl.git(
            "update-index", "--add", "--cacheinfo",
            "160000,1111111111111111111111111111111111111111,sections/uhl/vendor")
        try uhl.git("commit", "-q", "-m", "hostile")
        let outcome = try XCTUnwrap(try fx.consolidate().outcome("uhl"))
        XCTAssertEqual(outcome.state, .rejected)
        XCTAssertTrue(outcome.reasons.contains { $0.contains("plan.docx is a binary file") }, "\(outcome.reasons)")
        XCTAssertTrue(outcome.reasons.contains { $0.contains("vendor is a submodule") }, "\(outcome.reasons)")
    }

    func testMainMovingDuringTheRunWritesNothing() throws {
        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        let hubPath = fx.hub.path
        let intruder = try fx.coordinatorEdit("sections/council/1.md") { $0 }  // a commit to move main to
        try fx.hub.git("update-ref", "refs/heads/main", "\(intruder)~1")
        let before = fx.main
        XCTAssertThrowsError(
            try fx.consolidate { options in
                options.beforeUpdatingMain = {
                    _ = try TestRepo.git(["update-ref", "refs/heads/main", intruder], in: hubPath)
                }
            }
        ) { error in
            guard case ConsolidationError.mainMoved = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(fx.main, intruder, "the other writer's main stands")
        XCTAssertNotEqual(fx.main, before)
    }

    func testDryRunWritesNothing() throws {
        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        let before = fx.main
        let report = try fx.consolidate { $0.dryRun = true }
        XCTAssertEqual(report.outcome("pct")?.state, .accepted)
        XCTAssertNil(report.newMain)
        XCTAssertEqual(fx.main, before)
    }
}
