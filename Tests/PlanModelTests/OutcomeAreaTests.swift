import Foundation
import PlanModel
import XCTest

/// Outcome areas: the Derby plan's recommendations mapped to the five Every Child Matters
/// outcomes of its Children and Young People's Plan; `Outcome area:` on an action; the
/// `outcome-area-unknown` check.
final class OutcomeAreaTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Repos/derby"), to: folder)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(relative)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    func load() throws -> (plan: Plan, diagnostics: [Diagnostic]) { try Fixtures.loadPlan(folder) }

    func refs(_ plan: Plan, recommendations: Set<Int>) -> [String] {
        plan.actions.map(\.action).filter { recommendations.contains($0.ref.recommendation) }.map(\.ref.description)
    }

    func testDerbyMapsItsRecommendationsToTheFiveOutcomes() throws {
        let (plan, diagnostics) = try load()
        XCTAssertEqual(diagnostics.filter { $0.rule.hasPrefix("outcome-area") }.map(\.message), [])
        XCTAssertEqual(
            plan.manifest.outcomeAreas.map(\.title),
            [
                "Be Healthy", "Stay Safe", "Enjoy and Achieve", "Making a Positive Contribution",
                "Achieve Economic Well-being",
            ])
        let byRecommendation = Dictionary(
            uniqueKeysWithValues: plan.manifest.recommendations.map { ($0.number, $0.outcomeAreas) })
        XCTAssertEqual(byRecommendation[1], ["positive-contribution"])
        XCTAssertEqual(byRecommendation[2], ["stay-safe"])
        XCTAssertEqual(byRecommendation[3]?.count, 5)
        XCTAssertEqual(byRecommendation[4], ["stay-safe"])
        XCTAssertEqual(byRecommendation[5], ["enjoy-and-achieve"])
        XCTAssertEqual(byRecommendation[6], ["be-healthy"])
        XCTAssertEqual(byRecommendation[7], ["economic-well-being"])
        XCTAssertEqual(byRecommendation[8], ["economic-well-being", "enjoy-and-achieve"])

        let tally = OutcomeFigures.tally(plan.actions.map(\.action), manifest: plan.manifest, today: nil)
        XCTAssertEqual(
            tally.map(\.id),
            ["be-healthy", "stay-safe", "enjoy-and-achieve", "positive-contribution", "economic-well-being"])
        XCTAssertEqual(tally.map(\.figures.actions), [13, 14, 19, 10, 17])
        XCTAssertEqual(tally[0].refs, refs(plan, recommendations: [3, 6]))
        XCTAssertEqual(tally[1].refs, refs(plan, recommendations: [2, 3, 4]))
        XCTAssertEqual(tally[2].refs, refs(plan, recommendations: [3, 5, 8]))
        XCTAssertEqual(tally[3].refs, refs(plan, recommendations: [1, 3]))
        XCTAssertEqual(tally[4].refs, refs(plan, recommendations: [3, 7, 8]))
    }

    /// An action's own `Outcome area:` (by title, any capitals) replaces its recommendation's;
    /// `Outcome:` stays an alias of Success.
    func testAnActionNamesItsOwnOutcomeArea() throws {
        try edit("sections/dcc-specialist-services/4.md") {
            $0.replacingOccurrences(
                of: "Lead: Assistant Director, Specialist Services",
                with:
                    "Lead: Assistant Director, Specialist Services\nOutcome area: enjoy and achieve; Stay Safe\nOutcome: More qualified staff"
            )
        }
        let (plan, diagnostics) = try load()
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), [])
        let action = try XCTUnwrap(plan.actions.first { $0.action.ref.description == "4.1" }?.action)
        XCTAssertEqual(action.outcomeAreas, ["enjoy and achieve", "Stay Safe"])
        XCTAssertTrue(action.success.contains("More qualified staff"))
        XCTAssertEqual(plan.manifest.outcomeAreas(of: action).map(\.id), ["stay-safe", "enjoy-and-achieve"])
        let section = try XCTUnwrap(plan.sections.first { $0.path == "sections/dcc-specialist-services/4.md" })
        XCTAssertTrue(
            SectionFormatter.format(section).contains("Outcome area: enjoy and achieve; Stay Safe"),
            "fmt keeps the field")
    }

    func testValidateReportsAnUnknownOutcomeAreaWithLineAndTheAreas() throws {
        try edit("sections/dcc-specialist-services/4.md") {
            $0.replacingOccurrences(
                of: "Lead: Assistant Director, Specialist Services",
                with: "Lead: Assistant Director, Specialist Services\nOutcome area: Stay Healthy")
        }
        try edit("plan.yaml") {
            $0.replacingOccurrences(of: "outcome-areas: [be-healthy]", with: "outcome-areas: [be-wealthy]")
        }
        let (_, diagnostics) = try load()
        let found = diagnostics.filter { $0.rule == "outcome-area-unknown" }
        XCTAssertEqual(found.count, 2, "\(found)")
        let manifest = try XCTUnwrap(found.first { $0.location.file == "plan.yaml" })
        XCTAssertEqual(manifest.severity, .error)
        XCTAssertTrue(manifest.message.contains("recommendation 6 names outcome area 'be-wealthy'"), manifest.message)
        let action = try XCTUnwrap(found.first { $0.location.file == "sections/dcc-specialist-services/4.md" })
        XCTAssertEqual(action.location.line, 61)
        XCTAssertTrue(action.message.contains("action 4.1 names outcome area 'Stay Healthy'"), action.message)
        XCTAssertEqual(
            action.hint,
            "use an id or title of the plan's outcome areas: be-healthy (Be Healthy), stay-safe (Stay Safe), "
                + "enjoy-and-achieve (Enjoy and Achieve), positive-contribution (Making a Positive Contribution), "
                + "economic-well-being (Achieve Economic Well-being)")
    }

    func testDuplicateOutcomeAreasAreCaught() throws {
        try edit("plan.yaml") {
            $0.replacingOccurrences(
                of: "  - id: stay-safe\n    title: Stay Safe", with: "  - id: stay-safe\n    title: be healthy")
        }
        let (_, diagnostics) = try load()
        XCTAssertEqual(diagnostics.filter { $0.rule == "outcome-area-duplicate" }.count, 1)
    }

    /// Leicester's seed names no outcome areas, so its manifest lists none: an action that
    /// names one is an error whose hint says where to list them.
    func testAnOutcomeAreaInAPlanWithoutAreasIsAnError() throws {
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Repos/leicester"), to: folder)
        try edit("sections/lcc-directorate/12.md") { text in
            guard let lead = text.range(of: "Lead: Directorate Management Team\n") else { return text }
            return text.replacingCharacters(
                in: lead, with: "Lead: Directorate Management Team\nOutcome area: Be Healthy\n")
        }
        let (plan, diagnostics) = try load()
        XCTAssertEqual(plan.manifest.outcomeAreas, [])
        let found = diagnostics.filter { $0.rule == "outcome-area-unknown" }
        XCTAssertEqual(found.map(\.location.line), [6])
        XCTAssertEqual(found.first?.location.file, "sections/lcc-directorate/12.md")
        XCTAssertTrue(
            found.first?.hint?.contains("list the partnership's outcome areas under 'outcome-areas:'") == true)
        XCTAssertEqual(OutcomeFigures.tally(plan.actions.map(\.action), manifest: plan.manifest, today: nil), [])
    }
}
