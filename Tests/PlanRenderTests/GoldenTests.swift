import PlanModel
import PlanRender
import XCTest

/// Each text renderer's output for the sample plan, byte for byte.
final class GoldenTests: XCTestCase {
    func testHTML() throws {
        try Golden.check(HTMLRenderer.render(SamplePlan.document), named: "expected.html")
    }

    func testMarkdown() throws {
        try Golden.check(MarkdownRenderer.render(SamplePlan.document), named: "expected.md")
    }

    func testCSV() throws {
        try Golden.check(CSVRenderer.render(SamplePlan.document), named: "expected.csv")
    }

    func testJSON() throws {
        try Golden.check(JSONRenderer.render(SamplePlan.document), named: "expected.json")
    }

    func testRenderingIsDeterministic() throws {
        let again = PlanDocument(plan: SamplePlan.plan, context: SamplePlan.context)
        XCTAssertEqual(again, SamplePlan.document)
        XCTAssertEqual(HTMLRenderer.render(again), HTMLRenderer.render(SamplePlan.document))
        XCTAssertEqual(try JSONRenderer.render(again), try JSONRenderer.render(SamplePlan.document))
    }
}
