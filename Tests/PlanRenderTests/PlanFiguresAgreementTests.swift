import PlanModel
import XCTest

@testable import PlanRender

/// The plan's figures are counted once (PlanModel's `PlanFigures`): validate, status, tags
/// and every document agree. Regression for a drift where a done action still "to be
/// confirmed" was a warning nowhere but listed in the Cabinet paper, and the JSON key for
/// no status was "none" in one output and "no status" in another.
final class PlanFiguresAgreementTests: XCTestCase {
    /// The sample plan with action 15.2 ("To be Confirmed") marked done.
    func planWithDoneToBeConfirmed() -> Plan {
        var sections = SamplePlan.sections
        for s in sections.indices {
            for a in sections[s].actions.indices where sections[s].actions[a].ref.description == "15.2" {
                sections[s].actions[a].status = .done
            }
        }
        return Plan(manifest: SamplePlan.manifest, sections: sections)
    }

    func testADoneActionIsNotToBeConfirmedAnywhere() {
        let plan = planWithDoneToBeConfirmed()
        let warnings = Validator().validate(plan, context: CheckContext(today: SamplePlan.day("2008-09-01")))
            .filter { $0.rule == "due-to-be-confirmed" }
        XCTAssertEqual(warnings.count, 0)
        XCTAssertEqual(PlanFigures(plan: plan, today: nil).toBeConfirmedRefs, [])
        let document = PlanDocument(plan: plan, context: SamplePlan.context)
        XCTAssertEqual(document.summary.toBeConfirmed, [])
        let markdown = MarkdownRenderer.render(document)
        XCTAssertFalse(markdown.contains("15.2](#"), "15.2 listed under dates to be confirmed:\n\(markdown)")

        // Not done: listed by all three.
        let open = SamplePlan.plan
        XCTAssertEqual(
            Validator().validate(open, context: CheckContext()).filter { $0.rule == "due-to-be-confirmed" }.count, 1)
        XCTAssertEqual(PlanFigures(plan: open, today: nil).toBeConfirmedRefs, ["15.2"])
        XCTAssertEqual(SamplePlan.document.summary.toBeConfirmed.map(\.description), ["15.2"])
    }

    func testStatusKeysAreOneVocabularyInOneOrder() throws {
        let figures = PlanFigures(plan: SamplePlan.plan, today: nil)
        let expected = ["not started", "on track", "at risk", "off track", "done", "no status"]
        XCTAssertEqual(figures.byStatus.map { ActionStatus.label($0.status) }, expected)
        XCTAssertEqual(SamplePlan.document.summary.byStatus.map { ActionStatus.label($0.status) }, expected)

        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(figures)) as? [String: Any]
        XCTAssertEqual((encoded?["byStatus"] as? [String: Int]).map { Set($0.keys) }, Set(expected))
        let rendered = try XCTUnwrap(try JSONRenderer.render(SamplePlan.document).data(using: .utf8))
        let summary = (try JSONSerialization.jsonObject(with: rendered) as? [String: Any])?["summary"] as? [String: Any]
        XCTAssertEqual((summary?["byStatus"] as? [String: Int]).map { Set($0.keys) }, Set(expected))
        XCTAssertEqual(summary?["byStatus"] as? [String: Int], figures.countsByLabel)
    }
}
