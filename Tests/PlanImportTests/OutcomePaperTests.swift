import Foundation
import PlanModel
import PlanRender
import XCTest
import ZIPFoundation

@testable import PlanImport

/// The Cabinet paper's "Actions by outcome area" table: in the Derby HTML and DOCX (its plan
/// lists the five outcomes), absent from Leicester's (its seed names none).
final class OutcomePaperTests: XCTestCase {
    func document(_ path: String) throws -> PlanDocument {
        PlanDocument(plan: try ImportFixture.loadPlan(path), context: RenderContext())
    }

    func testDerbyHTMLHasTheOutcomeTable() throws {
        let html = HTMLRenderer.render(try document("Repos/derby"))
        let start = try XCTUnwrap(
            html.range(of: "<section class=\"outcomes\" id=\"outcomes\" aria-labelledby=\"outcomes-heading\">"))
        let end = try XCTUnwrap(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let section = String(html[start.lowerBound..<end.upperBound])
        let rows = section.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><th scope=\"row\">") }
        XCTAssertEqual(rows.count, 5, section)
        // Stay Safe: recommendations 2, 3 and 4, 14 actions, none with a status.
        let staySafe = try XCTUnwrap(rows.first { $0.contains(">Stay Safe<") })
        XCTAssertTrue(staySafe.hasPrefix("<tr><th scope=\"row\">Stay Safe</th><td class=\"num\">14</td>"), staySafe)
        XCTAssertTrue(staySafe.contains("<a href=\"#action-2.1\">2.1</a>"), staySafe)
        XCTAssertTrue(staySafe.contains("<a href=\"#action-4.1\">4.1</a>"), staySafe)
        XCTAssertFalse(staySafe.contains("#action-5.1\""), staySafe)
        XCTAssertTrue(section.contains("<caption>Actions by outcome area and status</caption>"))
        XCTAssertTrue(section.contains("<div class=\"table-scroll\""), "on a phone only the table scrolls")
        XCTAssertLessThan(
            try XCTUnwrap(html.range(of: "id=\"summary\"")).lowerBound, start.lowerBound, "after the summary")
    }

    func testDerbyDOCXHasTheOutcomeTableAndLeicesterHasNone() throws {
        let bytes = try DOCXRenderer.render(try document("Repos/derby"))
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try XCTUnwrap(archive["word/document.xml"])) { xml.append($0) }
        XCTAssertNoThrow(try XMLNode.parse(xml), "well-formed")
        let text = String(decoding: xml, as: UTF8.self)
        for title in ["Actions by outcome area", "Making a Positive Contribution", "Achieve Economic Well-being"] {
            XCTAssertTrue(text.contains(title), title)
        }

        let leicester = try document("Repos/leicester")
        XCTAssertEqual(leicester.outcomes, [])
        XCTAssertFalse(HTMLRenderer.render(leicester).contains("by-outcome"))
    }
}
