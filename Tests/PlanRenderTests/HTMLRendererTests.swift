import Foundation
import PlanModel
import PlanRender
import XCTest

final class HTMLRendererTests: XCTestCase {
    let html = HTMLRenderer.render(SamplePlan.document)

    func testMakesNoExternalRequests() throws {
        let pattern = try NSRegularExpression(
            pattern: #"(src|href|url)\s*[=(]\s*["']?\s*(https?:)?//"#, options: .caseInsensitive)
        let range = NSRange(html.startIndex..., in: html)
        XCTAssertNil(pattern.firstMatch(in: html, range: range), "the HTML must load nothing from outside")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("@import"))
    }

    func testEscapesPlanText() {
        XCTAssertTrue(
            html.contains(
                "Agree the &lt;strategy&gt; &amp; publish it: &quot;one plan&quot; for all | partners&#39; sign-off"))
        XCTAssertFalse(html.contains("<strategy>"))
        XCTAssertFalse(html.contains("<and/or>"))
        XCTAssertTrue(html.contains("Sampletown Primary Care Trust &amp; &quot;Healthy Futures&quot;"))
    }

    func testPrintsOnA4WithRepeatedHeadersAndUnsplitRows() {
        XCTAssertTrue(html.contains("@page { size: A4;"))
        XCTAssertTrue(html.contains("tr { break-inside: avoid;"))
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"))
        XCTAssertTrue(html.contains(".timescale { break-before: page;"))
    }

    func testHasContentsAnchorsForEveryRecommendationAndAction() {
        for rec in SamplePlan.document.recommendations {
            XCTAssertTrue(html.contains("href=\"#recommendation-\(rec.number)\""))
            XCTAssertTrue(html.contains("id=\"recommendation-\(rec.number)\""))
        }
        for action in SamplePlan.document.actions {
            XCTAssertTrue(html.contains("<tr id=\"action-\(action.ref)\""), "\(action.ref)")
        }
    }

    func testStatusIsWrittenAsAWordNotOnlyAColour() {
        for status in ["Not started", "On track", "At risk", "Off track", "Done", "No status"] {
            XCTAssertTrue(html.contains("\">\(status)</span>"), status)
        }
    }

    func testTimelineIsWellFormedSVGWithReferenceLines() throws {
        let start = try XCTUnwrap(html.range(of: "<svg"))
        let end = try XCTUnwrap(html.range(of: "</svg>"))
        let svg = String(html[start.lowerBound..<end.upperBound])
        let elements = XMLCheck.parse(Data(svg.utf8), "timeline SVG")
        XCTAssertEqual(elements.first, "svg")
        XCTAssertTrue(svg.contains("Statutory deadline 9 Sep 2008"))
        XCTAssertTrue(svg.contains("Cabinet 1 Sep 2008"))
        XCTAssertTrue(svg.contains("Today 10 Oct 2008"))
        // Open and unread dues are listed beside the picture, not drawn.
        XCTAssertFalse(svg.contains(">15.2<"))
        XCTAssertFalse(svg.contains(">6.3<"))
        XCTAssertTrue(html.contains("<a href=\"#action-15.2\">15.2</a> To be Confirmed"))
    }

    func testAPlanWithNoDatesStillDrawsATimeline() {
        var plan = SamplePlan.plan
        plan.manifest.committees = []
        plan.sections = []
        let doc = PlanDocument(plan: plan, context: RenderContext())
        let html = HTMLRenderer.render(doc)
        XCTAssertTrue(html.contains("No dated actions."))
        XCTAssertTrue(html.contains("No actions yet."))
    }
}
