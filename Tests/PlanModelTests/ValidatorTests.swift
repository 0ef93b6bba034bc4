import Foundation
import PlanModel
import XCTest

/// Each check on its own: a plan that breaks exactly one rule reports exactly that rule,
/// at the right place.
final class ValidatorTests: XCTestCase {
    var plan: URL!

    override func setUpWithError() throws {
        plan = try Fixtures.copy("small-plan")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: plan)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = plan.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let url = plan.appendingPathComponent(relative)
        try write(relative, change(try String(contentsOf: url, encoding: .utf8)))
    }

    /// Diagnostics except the due-reading ones (those depend on the due reader, tested apart).
    func findings(today: Day? = nil) throws -> [Diagnostic] {
        let loaded = try PlanLoader().load(from: FolderSource(root: plan))
        let plan = try XCTUnwrap(loaded.plan)
        return (loaded.diagnostics + Validator().validate(plan, context: CheckContext(today: today)))
            .filter { !["due-unread"].contains($0.rule) }
    }

    func testTheSmallPlanIsClean() throws {
        XCTAssertEqual(try findings().map(\.rule), [])
    }

    func testRequiredFieldsFollowThePolicy() throws {
        try edit("sections/uhl/15.md") { $0.replacingOccurrences(of: "Lead: Jane Porter; Mel Meggs\n", with: "") }
        let found = try findings()
        XCTAssertEqual(found.map(\.rule), ["action-missing-field"])
        XCTAssertEqual(found[0].severity, .error)
        XCTAssertEqual(found[0].location, SourceLocation(file: "sections/uhl/15.md", line: 3, column: 4))
        XCTAssertEqual(found[0].message, "action 15.4 does not name a lead officer")
        try edit("plan.yaml") { $0.replacingOccurrences(of: "missing: error", with: "missing: warning") }
        XCTAssertEqual(try findings().map(\.severity), [.warning])
    }

    func testDuplicateReferenceAcrossPartners() throws {
        try edit("sections/uhl/15.md") { $0.replacingOccurrences(of: "## 15.4", with: "## 15.2") }
        let found = try findings()
        XCTAssertEqual(found.map(\.rule), ["duplicate-reference", "duplicate-reference"], "both holders are named")
        XCTAssertEqual(found.map(\.location.file).sorted(), ["sections/leicester-pct/15.md", "sections/uhl/15.md"])
        let atUHL = try XCTUnwrap(found.first { $0.location.file == "sections/uhl/15.md" })
        XCTAssertEqual(atUHL.message, "action 15.2 is also defined at sections/leicester-pct/15.md (leicester-pct)")
    }

    func testReferenceInTheWrongRecommendation() throws {
        try edit("sections/uhl/15.md") { $0.replacingOccurrences(of: "## 15.4", with: "## 14.4") }
        XCTAssertEqual(try findings().map(\.rule), ["reference-wrong-recommendation"])
    }

    func testCrossReferenceToNothing() throws {
        try edit("sections/lcc-learning/1.md") {
            $0.replacingOccurrences(of: "See also: 15.1", with: "See also: 15.9, recommendation 3")
        }
        let found = try findings()
        XCTAssertEqual(found.map(\.rule), ["cross-reference-unknown", "cross-reference-unknown"])
        XCTAssertEqual(found[0].location.line, 17)
        // An action not (yet) in the plan may be another partner's still to come: a warning,
        // so a partner's first commit is not refused. A recommendation the manifest lacks is an error.
        XCTAssertEqual(found.map(\.severity), [.warning, .error])
        XCTAssertEqual(found[0].message, "action 1.2 refers to 15.9, which is not (yet) in the plan")
    }

    func testRecommendationWithNoActions() throws {
        try FileManager.default.removeItem(at: plan.appendingPathComponent("sections/lcc-learning/1.md"))
        try edit("sections/leicester-pct/15.md") {
            $0.replacingOccurrences(of: "See also: 1.1, recommendation 1\n", with: "")
        }
        let found = try findings()
        XCTAssertEqual(found.map(\.rule), ["recommendation-no-actions"])
        XCTAssertEqual(found[0].location, SourceLocation(file: "plan.yaml", line: 20, column: 5))
    }

    func testSectionForUnknownPartnerOrRecommendation() throws {
        try write(
            "sections/police/15.md", "# Recommendation 15\n\n## 15.9 Patrol\nDue: 31.3.09\nLead: PC\nSuccess: ok\n")
        try write("sections/uhl/7.md", "# Recommendation 7\n\n## 7.1 Something\nDue: 31.3.09\nLead: PC\nSuccess: ok\n")
        try write("sections/uhl/8.md", "# Recommendation 9\n")
        XCTAssertEqual(
            Set(try findings().map(\.rule)),
            Set(["section-unknown-partner", "section-unknown-recommendation", "section-recommendation-mismatch"]))
    }

    func testFilesOutsideTheirPlace() throws {
        try write("sections/notes.md", "hello\n")
        try write("sections/uhl/draft.md", "# Recommendation 15\n")
        try write("budget.xlsx", "binary")
        try write("README.md", "about the plan\n")
        let found = try findings()
        XCTAssertEqual(
            found.map { "\($0.location.file) \($0.rule) \($0.severity)" }.sorted(),
            [
                "budget.xlsx file-outside-sections warning", "sections/notes.md file-outside-sections error",
                "sections/uhl/draft.md section-file-name error",
            ])
    }

    func testOnlyTheLeadPartnerWritesRecommendationText() throws {
        try edit("sections/uhl/15.md") {
            $0.replacingOccurrences(
                of: "# Recommendation 15\n", with: "# Recommendation 15\n\n### Position statement\nOur view.\n")
        }
        let found = try findings()
        XCTAssertEqual(found.map(\.rule), ["recommendation-text-not-lead"])
        XCTAssertEqual(found[0].location.line, 3)
    }

    func testManifestReferencesAndDuplicates() throws {
        try edit("plan.yaml") {
            $0.replacingOccurrences(of: "timescale: longer-term", with: "timescale: later")
                .replacingOccurrences(of: "partners: [uhl]", with: "partners: [uhl, police]")
                .replacingOccurrences(of: "  - id: uhl\n", with: "  - id: UHL Trust\n    name: dup\n  - id: uhl\n")
        }
        let found = try findings()
        XCTAssertEqual(
            found.map(\.rule).sorted(), ["manifest-partner-id", "manifest-reference", "manifest-reference"])
    }

    func testConflictMarkersBlock() throws {
        try edit("sections/uhl/15.md") {
            $0.replacingOccurrences(
                of: "Success: early bookings\n",
                with: "<<<<<<< ours\nSuccess: early bookings\n=======\nSuccess: earlier bookings\n>>>>>>> theirs\n")
        }
        XCTAssertEqual(try findings().map(\.rule), ["conflict-marker", "conflict-marker", "conflict-marker"])
    }

    func testOverdueOnlyWithToday() throws {
        try edit("sections/lcc-learning/1.md") { $0.replacingOccurrences(of: "End August 2008", with: "31.8.08") }
        XCTAssertEqual(try findings().map(\.rule), [])
        let found = try findings(today: Day(year: 2008, month: 10, day: 1))
        XCTAssertTrue(found.contains { $0.rule == "action-overdue" && $0.message.hasPrefix("action 1.1 ") }, "\(found)")
        XCTAssertFalse(
            found.contains { $0.rule == "action-overdue" && $0.message.hasPrefix("action 15.1 ") },
            "done is not overdue")
    }

    func testSymlinkIsRefusedNotFollowed() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent(
            "planmerge-secret-\(UUID().uuidString).md")
        try Data("# Recommendation 15\n\n## 15.9 leaked\n".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createSymbolicLink(
            at: plan.appendingPathComponent("sections/uhl/1.md"), withDestinationURL: secret)
        let found = try findings()
        XCTAssertEqual(found.map(\.rule), ["file-unreadable"])
    }
}
