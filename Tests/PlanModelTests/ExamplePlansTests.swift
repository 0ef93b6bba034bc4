import Foundation
import PlanModel
import XCTest

/// The two real plans in Repos/ (transcribed from the 2008 seed documents) load, validate
/// with no errors, are canonical, and keep their counts (see each plan's COUNTS.md).
final class ExamplePlansTests: XCTestCase {
    func load(_ name: String) throws -> (plan: Plan, diagnostics: [Diagnostic]) {
        try Fixtures.loadPlan(Fixtures.packageRoot.appendingPathComponent("Repos/\(name)"))
    }

    func actionsPerRecommendation(_ plan: Plan) -> [Int: Int] {
        Dictionary(grouping: plan.actions, by: \.action.ref.recommendation).mapValues(\.count)
    }

    func testLeicesterCounts() throws {
        let (plan, diagnostics) = try load("leicester")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(plan.manifest.recommendations.count, 16)
        XCTAssertEqual(plan.manifest.partners.count, 11)
        XCTAssertEqual(plan.sections.count, 27)
        XCTAssertEqual(plan.actions.count, 114)
        XCTAssertEqual(
            actionsPerRecommendation(plan),
            [
                1: 2, 2: 12, 3: 8, 4: 3, 5: 4, 6: 11, 7: 5, 8: 6, 9: 5, 10: 10, 11: 8, 12: 12, 13: 1, 14: 2, 15: 5,
                16: 20,
            ])
        XCTAssertEqual(
            plan.manifest.recommendations.map(\.timescale),
            Array(repeating: "immediate", count: 5) + Array(repeating: "six-months", count: 9)
                + ["longer-term", "longer-term"])
        let byPartner = Dictionary(grouping: plan.actions, by: \.partner).mapValues(\.count)
        XCTAssertEqual(byPartner["uhl"], 2)
        XCTAssertEqual(byPartner["leicester-pct"], 6)
        XCTAssertEqual(byPartner["youth-offending-service"], 3)
        XCTAssertEqual(byPartner["connexions"], 4)
        // Facts straight from the seed.
        let a151 = try XCTUnwrap(plan.actions.first { $0.action.ref.description == "15.4" })
        XCTAssertEqual(a151.partner, "uhl")
        XCTAssertEqual(a151.action.leads.first, "Jane Porter")
        let a21 = try XCTUnwrap(plan.actions.first { $0.action.ref.description == "1.1" })
        XCTAssertEqual(a21.action.due?.text, "End August 2008")
        XCTAssertEqual(plan.manifest.inspection.published, Day(year: 2008, month: 6, day: 3))
    }

    func testDerbyCounts() throws {
        let (plan, diagnostics) = try load("derby")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(plan.manifest.recommendations.count, 8)
        XCTAssertEqual(plan.manifest.partners.count, 10)
        XCTAssertEqual(plan.sections.count, 11)
        XCTAssertEqual(plan.actions.count, 42)
        XCTAssertEqual(actionsPerRecommendation(plan), [1: 4, 2: 7, 3: 6, 4: 1, 5: 6, 6: 7, 7: 4, 8: 7])
        // Derby's plan is the rich shape: every recommendation has its lead's texts.
        for rec in plan.manifest.recommendations {
            XCTAssertNotNil(plan.block(.positionStatement, recommendation: rec.number), "recommendation \(rec.number)")
            XCTAssertNotNil(plan.block(.keyRequirements, recommendation: rec.number), "recommendation \(rec.number)")
        }
        XCTAssertEqual(plan.manifest.committees.first?.date, Day(year: 2008, month: 7, day: 8))
    }

    func testWhatTheSeedsLackIsReportedAsWarningsByPolicy() throws {
        for name in ["leicester", "derby"] {
            let (plan, diagnostics) = try load(name)
            XCTAssertEqual(plan.manifest.policy.missing, .warning)
            let missing = diagnostics.filter { $0.rule == "action-missing-field" }
            XCTAssertFalse(missing.isEmpty)
            XCTAssertTrue(missing.allSatisfy { $0.severity == .warning })
            XCTAssertTrue(
                missing.allSatisfy { $0.message.contains("the risk of failing") }, "no seed action names a risk")
        }
    }

    func testBothPlansAreCanonical() throws {
        for name in ["leicester", "derby"] {
            let source = FolderSource(root: Fixtures.packageRoot.appendingPathComponent("Repos/\(name)"))
            for path in try source.listFiles() where PlanLoader.isSectionFile(path) {
                let bytes = try source.read(path)
                let result = SectionParser().parse(bytes, path: path)
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), SectionFormatter.format(result.section), path)
            }
        }
    }
}
