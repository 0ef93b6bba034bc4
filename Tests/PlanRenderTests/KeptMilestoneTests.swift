import PlanModel
import XCTest

@testable import PlanRender

/// A milestone the reader could not split into "when | what" is kept as written (issue 13);
/// every document shows its line as it is, never ": text" with an empty date.
final class KeptMilestoneTests: XCTestCase {
    func testEveryDocumentShowsAKeptMilestoneAsWritten() throws {
        var sections = SamplePlan.sections
        let line = "Report to Cabinet once the review is in"
        sections[0].actions[0].milestones = [Milestone(keptAsWritten: line)]
        let document = PlanDocument(
            plan: Plan(manifest: SamplePlan.manifest, sections: sections), context: SamplePlan.context)

        let markdown = MarkdownRenderer.render(document)
        XCTAssertTrue(markdown.contains("Milestone: \(line)"), markdown)
        XCTAssertFalse(markdown.contains(": : \(line)") || markdown.contains("Milestone: : "), markdown)
        let html = HTMLRenderer.render(document)
        XCTAssertTrue(html.contains(line), "html")
        XCTAssertFalse(html.contains(": \(line)"), "html shows an empty date before the line")
        let csv = String(decoding: try CSVRenderer.render(document), as: UTF8.self)
        XCTAssertTrue(csv.contains(line), csv)
        XCTAssertFalse(csv.contains(" | \(line)"), csv)
    }
}
