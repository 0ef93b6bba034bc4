import Foundation
import PlanModel
import PlanRender
import XCTest
import ZIPFoundation

/// The DOCX package: every part present and well-formed, every action in the body, the
/// landscape sections and the page-number footer. Set `PLANMERGE_DOCX_OUT=/some/file.docx`
/// to also write the sample document, to open it in Word or LibreOffice.
final class DOCXRendererTests: XCTestCase {
    static let requiredParts = [
        "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/_rels/document.xml.rels", "word/footer1.xml", "word/numbering.xml", "docProps/core.xml",
        "docProps/app.xml", "word/settings.xml",
    ]

    func unzip(_ bytes: [UInt8]) throws -> [String: Data] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }

    func testPackageHasEveryPartAndEachIsWellFormed() throws {
        let bytes = try DOCXRenderer.render(SamplePlan.document)
        if let out = ProcessInfo.processInfo.environment["PLANMERGE_DOCX_OUT"] {
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        }
        let parts = try unzip(bytes)
        XCTAssertEqual(Set(parts.keys), Set(Self.requiredParts))
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            XMLCheck.parse(data, path)
        }
    }

    func testBodyHasEveryActionLandscapeSectionsAndRepeatedHeaders() throws {
        let parts = try unzip(try DOCXRenderer.render(SamplePlan.document))
        let body = String(decoding: try XCTUnwrap(parts["word/document.xml"]), as: UTF8.self)
        for action in SamplePlan.document.actions {
            XCTAssertTrue(body.contains(">\(action.ref)</w:t>"), "\(action.ref) missing")
        }
        XCTAssertTrue(body.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        XCTAssertTrue(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        // One landscape section for the timeline, one per timescale group.
        XCTAssertEqual(
            body.components(separatedBy: "w:orient=\"landscape\"").count - 1, SamplePlan.document.groups.count + 1)
        XCTAssertTrue(body.contains("<w:tblHeader/>"))
        XCTAssertTrue(body.contains("<w:cantSplit/>"))
        XCTAssertTrue(
            body.contains(
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFC7CE\"/></w:tcPr><w:p><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Off track</w:t>"
            ))
        XCTAssertTrue(
            body.contains(
                "Agree the &lt;strategy&gt; &amp; publish it: &quot;one plan&quot; for all | partners&apos; sign-off"))
    }

    func testFooterHasPageOfPages() throws {
        let parts = try unzip(try DOCXRenderer.render(SamplePlan.document))
        let footer = String(decoding: try XCTUnwrap(parts["word/footer1.xml"]), as: UTF8.self)
        XCTAssertTrue(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        XCTAssertTrue(footer.contains("<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>"))
        let rels = String(decoding: try XCTUnwrap(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        XCTAssertTrue(rels.contains("Target=\"footer1.xml\""))
    }

    func testSameDocumentGivesSameBytes() throws {
        XCTAssertEqual(try DOCXRenderer.render(SamplePlan.document), try DOCXRenderer.render(SamplePlan.document))
    }
}
