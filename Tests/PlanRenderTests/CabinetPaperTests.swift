import Foundation
import PlanModel
import PlanRender
import XCTest
import ZIPFoundation

/// The paper's frame and print quality (issue 16): front pages in every format, the status
/// key, notes only with `--notes`, separated fields, HTML tables with captions and scopes in
/// scroll containers, landmarks, contents numbered as the plan is, long words wrapping, the
/// DOCX contents as a TOC field with links, headings kept with their tables, a legible
/// timeline in both formats, and no stray section-break paragraph.
final class CabinetPaperTests: XCTestCase {
    static let introduction = FrontPage(
        path: "front/01-introduction.md", title: "Introduction",
        lines: [
            "The review took place in *October 2007*.", "", "## Grades", "", "| Theme | Grade |", "|---|---|",
            "| Safeguarding | 3 |", "| Capacity to improve | 2 |",
        ])

    static func document(notes: Bool = false, reporting: StatusReporting = .words) -> PlanDocument {
        var plan = SamplePlan.plan
        plan.frontPages = [introduction]
        plan.manifest.reporting = reporting
        var context = SamplePlan.context
        context.includeNotes = notes
        return PlanDocument(plan: plan, context: context)
    }

    static func documentXML(_ d: PlanDocument) throws -> String {
        let archive = try Archive(data: Data(try DOCXRenderer.render(d)), accessMode: .read)
        let entry = try XCTUnwrap(archive["word/document.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    // MARK: Front pages

    func testFrontPagesAreRenderedInEveryFormat() throws {
        let d = Self.document()
        let html = HTMLRenderer.render(d)
        XCTAssertTrue(html.contains("<section class=\"front\" id=\"front-01-introduction\""))
        XCTAssertTrue(html.contains("<h2 id=\"front-01-introduction-heading\">Introduction</h2>"))
        XCTAssertTrue(html.contains("The review took place in <em>October 2007</em>."))
        XCTAssertTrue(html.contains("<caption>Grades</caption>"))
        XCTAssertTrue(html.contains("<th scope=\"row\">Safeguarding</th><td>3</td>"))
        XCTAssertTrue(html.contains("<a href=\"#front-01-introduction\">Introduction</a>"))

        let xml = try Self.documentXML(d)
        XCTAssertTrue(xml.contains("<w:t xml:space=\"preserve\">Introduction</w:t>"))
        XCTAssertTrue(xml.contains("<w:t xml:space=\"preserve\">October 2007</w:t>"))
        XCTAssertTrue(xml.contains("<w:t xml:space=\"preserve\">Capacity to improve</w:t>"))
        XCTAssertTrue(xml.contains("w:name=\"_Toc_front_01_introduction\""))

        let markdown = MarkdownRenderer.render(d)
        XCTAssertTrue(markdown.contains("## Introduction\n\nThe review took place in *October 2007*."))
        XCTAssertTrue(markdown.contains("### Grades\n\n| Theme | Grade |\n|---|---|\n| Safeguarding | 3 |"))
        XCTAssertTrue(markdown.contains("- [Introduction](#introduction)"))

        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(try JSONRenderer.render(d).utf8)) as? [String: Any])
        let front = try XCTUnwrap(json["front"] as? [[String: Any]])
        XCTAssertEqual(front.count, 1)
        XCTAssertEqual(front.first?["path"] as? String, "front/01-introduction.md")
        XCTAssertEqual(front.first?["title"] as? String, "Introduction")
        XCTAssertEqual((front.first?["text"] as? String)?.hasPrefix("The review took place"), true)
    }

    // MARK: Notes and tool words

    func testNotesAndToolWordsAreLeftOutByDefaultAndPrintedWithNotes() throws {
        let plain = Self.document()
        let noted = Self.document(notes: true)
        let toolWords = ["cabinet/2008-09-01", "3f2a9c1", "Funding confirmed to 2010.", "Due dates not understood"]
        let htmlPlain = HTMLRenderer.render(plain)
        let htmlNoted = HTMLRenderer.render(noted)
        let mdPlain = MarkdownRenderer.render(plain)
        let mdNoted = MarkdownRenderer.render(noted)
        let docxPlain = try Self.documentXML(plain)
        let docxNoted = try Self.documentXML(noted)
        for word in toolWords {
            XCTAssertFalse(htmlPlain.contains(word), "HTML without --notes prints \(word)")
            XCTAssertTrue(htmlNoted.contains(word), "HTML with --notes lacks \(word)")
            XCTAssertFalse(mdPlain.contains(word), "Markdown without --notes prints \(word)")
            XCTAssertTrue(mdNoted.contains(word), "Markdown with --notes lacks \(word)")
            XCTAssertFalse(docxPlain.contains(word), "DOCX without --notes prints \(word)")
            XCTAssertTrue(docxNoted.contains(word), "DOCX with --notes lacks \(word)")
        }
        XCTAssertTrue(htmlPlain.contains("Due dates to be clarified (1)"))
        XCTAssertFalse(htmlPlain.contains(">not read<"))
        XCTAssertTrue(htmlNoted.contains(">not read<"))
        // JSON is data for other tools: it always carries the notes.
        XCTAssertTrue(try JSONRenderer.render(plain).contains("Funding confirmed to 2010."))
    }

    // MARK: Status key and separators

    func testStatusKeySaysWhatEachStatusMeansAndGivesRAGColoursWhenThePlanReportsSo() throws {
        let words = Self.document()
        let html = HTMLRenderer.render(words)
        XCTAssertTrue(html.contains("<h2 id=\"status-key-heading\">Status key</h2>"))
        XCTAssertTrue(html.contains("<td>Work on the action has not begun.</td>"))
        XCTAssertFalse(html.contains("RAG colour"))
        XCTAssertTrue(MarkdownRenderer.render(words).contains("| Off track | The action will miss its due date"))
        XCTAssertTrue(try Self.documentXML(words).contains(">Status key</w:t>"))

        let rag = Self.document(reporting: .rag)
        let ragHTML = HTMLRenderer.render(rag)
        XCTAssertTrue(ragHTML.contains("<th scope=\"col\">RAG colour</th>"))
        XCTAssertTrue(ragHTML.contains("\">Amber: at risk</span></td><td>Amber</td>"))
        XCTAssertTrue(ragHTML.contains("\">Green: on track</span>"))
        let ragXML = try Self.documentXML(rag)
        XCTAssertTrue(ragXML.contains(">Red: off track</w:t>"))
        XCTAssertTrue(ragXML.contains("w:fill=\"BDD7EE\""), "done is Blue in RAG reporting")
    }

    func testFieldsUnderAnActionAreSeparatedFromTheirValues() throws {
        let html = HTMLRenderer.render(Self.document())
        XCTAssertTrue(html.contains("<dt>See also:</dt> <dd>"))
        XCTAssertTrue(html.contains("<dt>Risk:</dt> <dd>Shift patterns</dd>"))
        XCTAssertTrue(html.contains("<dt>Inspection:</dt> <dd>"))
        XCTAssertFalse(html.contains("</dt><dd>"))
        let xml = try Self.documentXML(Self.document())
        XCTAssertTrue(xml.contains(">Risk: </w:t>"))
    }

    // MARK: HTML structure and print

    func testEveryHTMLTableHasACaptionAScrollContainerAndScopedHeaders() {
        let html = HTMLRenderer.render(Self.document(notes: true))
        let tables = Self.count("<table", in: html)
        XCTAssertGreaterThan(tables, 5)
        XCTAssertEqual(Self.count("<caption", in: html), tables)
        XCTAssertEqual(Self.count("<div class=\"table-scroll\" role=\"group\" tabindex=\"0\"", in: html), tables)
        XCTAssertEqual(Self.count("<th ", in: html) + Self.count("<th>", in: html), Self.count("<th scope=", in: html))
        XCTAssertTrue(html.contains("<caption>Recommendation 15: actions</caption>"))
        XCTAssertTrue(html.contains("<th scope=\"row\" class=\"ref\">15.1</th>"))
    }

    func testHTMLHasLandmarksAndEverythingElseInsideThem() throws {
        let html = HTMLRenderer.render(Self.document())
        let body = try XCTUnwrap(html.components(separatedBy: "<body>\n").last)
        XCTAssertTrue(body.hasPrefix("<header class=\"cover\">"))
        let afterHeader = try XCTUnwrap(body.components(separatedBy: "</header>\n").dropFirst().first)
        XCTAssertTrue(afterHeader.hasPrefix("<nav class=\"contents\""))
        XCTAssertTrue(html.contains("</nav>\n<main id=\"plan\">\n"))
        XCTAssertTrue(html.contains("</main>\n<footer class=\"generated\">"))
        XCTAssertTrue(html.hasSuffix("</footer>\n</body>\n</html>\n"))
        XCTAssertFalse(html.contains("<aside"), "an aside inside main is a landmark in a landmark")
    }

    func testContentsCarryThePlansOwnNumbersOnly() throws {
        let html = HTMLRenderer.render(Self.document())
        let start = try XCTUnwrap(html.range(of: "<nav class=\"contents\""))
        let end = try XCTUnwrap(html.range(of: "</nav>"))
        let nav = String(html[start.lowerBound..<end.upperBound])
        XCTAssertFalse(nav.contains("<ol"), "a numbered list would print 1., 2. ... against the plan's numbers")
        XCTAssertTrue(nav.contains("<a href=\"#recommendation-15\">Recommendation 15</a>"))
        XCTAssertTrue(html.contains("nav.contents ul { list-style: none;"))
    }

    func testLongWordsWrapAndOnlyTablesScrollOnANarrowScreen() {
        let css = HTMLRenderer.render(Self.document())
        XCTAssertTrue(css.contains("overflow-wrap: anywhere"))
        XCTAssertTrue(css.contains("table.actions { table-layout: fixed;"))
        XCTAssertTrue(css.contains(".table-scroll { max-width: 100%; overflow-x: auto;"))
        XCTAssertTrue(css.contains(".table-scroll { overflow: visible; }"), "in print the tables fragment across pages")
    }

    func testRecommendationHeadingIsKeptWithWhatFollowsInHTML() {
        let html = HTMLRenderer.render(Self.document())
        XCTAssertTrue(html.contains("<div class=\"rec-head\">\n<h3>Recommendation 15</h3>"))
        XCTAssertTrue(html.contains(".rec-head { break-inside: avoid; page-break-inside: avoid; break-after: avoid;"))
    }

    func testTableTextIsAtLeastNineAndAHalfPoints() throws {
        let html = HTMLRenderer.render(Self.document())
        let sizes = try NSRegularExpression(pattern: #"font-size: ([0-9.]+)pt"#)
        let found = sizes.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).flatMap { Double(html[$0]) }
        }
        XCTAssertFalse(found.isEmpty)
        XCTAssertGreaterThanOrEqual(found.min() ?? 0, 9, "no text under 9 pt: \(found)")
        XCTAssertTrue(html.contains("table { border-collapse: collapse; width: 100%; font-size: 10pt; }"))
    }

    func testTimelinePrintsLandscapeWithPrintableLabelsAndOverdueMarked() throws {
        let html = HTMLRenderer.render(Self.document())
        XCTAssertTrue(html.contains(".timeline-section { page: wide; }"))
        let svgStart = try XCTUnwrap(html.range(of: "<svg"))
        let svgEnd = try XCTUnwrap(html.range(of: "</svg>", options: .backwards))
        let svg = String(html[svgStart.lowerBound..<svgEnd.upperBound])
        let sizes = try NSRegularExpression(pattern: #"font-size="([0-9]+)""#)
        let found = sizes.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap {
            Range($0.range(at: 1), in: svg).flatMap { Int(svg[$0]) }
        }
        // 1000 units across a landscape A4 text width of 267 mm: 11 units print at 8.3 pt.
        XCTAssertGreaterThanOrEqual(found.min() ?? 0, 11)
        XCTAssertTrue(svg.contains("stroke=\"#c00000\" stroke-width=\"2.5\""), "an overdue action is outlined")
        XCTAssertTrue(svg.contains(">1.1 overdue</text>"))
        // Labels sit on a white halo and are drawn after the reference lines.
        let todayLine = try XCTUnwrap(svg.range(of: ">Today 10 Oct 2008</text>"))
        let firstItem = try XCTUnwrap(svg.range(of: "<g><title>"))
        XCTAssertLessThan(todayLine.lowerBound, firstItem.lowerBound)
        XCTAssertTrue(svg.contains("paint-order=\"stroke\""))
    }

    // MARK: DOCX

    func testDOCXContentsIsATOCFieldLinkingEveryHeadingBookmark() throws {
        let xml = try Self.documentXML(Self.document())
        XCTAssertTrue(xml.contains("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText>"))
        XCTAssertEqual(Self.count("w:fldCharType=\"begin\" w:dirty=\"true\"", in: xml), 1)
        for rec in SamplePlan.document.recommendations {
            let name = "_Toc_recommendation_\(rec.number)"
            XCTAssertTrue(xml.contains("<w:hyperlink w:anchor=\"\(name)\""), name)
            XCTAssertTrue(
                xml.contains("w:name=\"\(name)\"/><w:r><w:t xml:space=\"preserve\">Recommendation \(rec.number)"))
        }
        XCTAssertTrue(xml.contains("<w:pStyle w:val=\"TOC2\"/>"))
    }

    func testDOCXKeepsHeadingsWithTheirTables() throws {
        let xml = try Self.documentXML(Self.document())
        // The recommendation text and its partners lines keep with the next paragraph ...
        XCTAssertTrue(
            xml.contains(
                "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr>"
                    + "<w:t xml:space=\"preserve\">Lead partner: </w:t>"))
        // ... and every header row keeps with the first row (each paragraph of the row).
        let tables = xml.components(separatedBy: "<w:tbl>").dropFirst()
        XCTAssertFalse(tables.isEmpty)
        for table in tables {
            let header = try XCTUnwrap(table.components(separatedBy: "</w:tr>").first)
            XCTAssertTrue(header.contains("<w:tblHeader/>"))
            XCTAssertEqual(Self.count("<w:p>", in: header), Self.count("<w:keepNext/>", in: header))
        }
        let styles = try DOCXStyleProbe.styles()
        XCTAssertTrue(styles.contains("w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"))
        XCTAssertTrue(styles.contains("<w:qFormat/><w:pPr><w:keepNext/>"))
    }

    func testDOCXTableTextIsTenPointAndSectionBreaksCannotMakeABlankPage() throws {
        XCTAssertTrue(
            try DOCXStyleProbe.styles().contains("<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr><w:tblPr>"))
        let xml = try Self.documentXML(Self.document())
        // Every section break sits in a one-point paragraph with no spacing.
        let breaks = xml.components(separatedBy: "<w:sectPr>").count - 1
        XCTAssertEqual(
            Self.count("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>", in: xml),
            breaks - 1)
    }

    func testDOCXTimelineIsANativeTableOnALandscapePage() throws {
        let xml = try Self.documentXML(Self.document())
        let start = try XCTUnwrap(xml.range(of: "w:name=\"_Toc_timeline\"/>"))
        let rest = xml[start.upperBound...]
        let sectionEnd = try XCTUnwrap(rest.range(of: "<w:sectPr>"))
        let section = String(rest[..<sectionEnd.lowerBound])
        XCTAssertTrue(
            rest[sectionEnd.lowerBound...].hasPrefix(
                "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:type w:val=\"nextPage\"/>"
                    + "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        XCTAssertTrue(section.contains("<w:tbl>"))
        XCTAssertTrue(section.contains(">Key dates</w:t>"))
        XCTAssertTrue(section.contains(">Statutory deadline 9 Sep 2008</w:t>"))
        XCTAssertTrue(section.contains(">1.1 overdue</w:t>"))
        XCTAssertTrue(section.contains("<w:sz w:val=\"16\"/>"), "labels at 8 pt")
        XCTAssertFalse(section.contains("<w:sz w:val=\"14\"/>"))
    }

    func testDiffHTMLPrintsOnA4InsideMain() {
        let html = DiffHTMLRenderer.render(
            PlanDiff(from: SamplePlan.plan, to: SamplePlan.plan), labels: DiffLabels(from: "a", to: "b"))
        XCTAssertTrue(html.contains("@page { size: A4;"))
        XCTAssertTrue(html.contains("<body>\n<main>\n<article class=\"plan-diff\">"))
    }
}

/// The styles part, read through the package as Word reads it.
enum DOCXStyleProbe {
    static func styles() throws -> String {
        let archive = try Archive(data: Data(try DOCXRenderer.render(SamplePlan.document)), accessMode: .read)
        let entry = try XCTUnwrap(archive["word/styles.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
