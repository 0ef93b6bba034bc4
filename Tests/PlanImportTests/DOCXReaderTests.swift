import Foundation
import PlanImport
import XCTest
import ZIPFoundation

/// The Word reader on WordprocessingML written part by part: what Word writes that
/// LibreOffice's output does not show.
final class DOCXReaderTests: XCTestCase {
    func docx(_ body: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let xml =
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>\(body)</w:body>"
            + "</w:document>"
        let data = Data(xml.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count)) {
            position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
        return try XCTUnwrap(archive.data)
    }

    func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }
    func tc(_ inner: String, props: String = "") -> String { "<w:tc><w:tcPr>\(props)</w:tcPr>\(inner)</w:tc>" }

    func testTextBoxesRowsInContentControlsGridBeforeAndDeletions() throws {
        let textBox =
            "<w:p><w:r><w:t>Lead: </w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>"
            + p("Jo") + "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>" + p("Jo")
            + "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>"
            + "<w:del><w:r><w:delText>Sam</w:delText></w:r></w:del></w:p>"
        let table =
            "<w:tbl>"
            + "<w:tr>" + tc(p("Ref")) + tc(p("Action")) + tc(p("Lead")) + "</w:tr>"
            + "<w:sdt><w:sdtContent><w:tr>" + tc(p("1.1")) + tc(p("Agree it")) + tc(p("Jo"))
            + "</w:tr></w:sdtContent></w:sdt>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>"
            + tc(
                p("Continue"),
                props: "<w:gridSpan "
                    + "w:val=\"2\"/>")
            + "</w:tr></w:tbl>"
        let document = try PlanImporter.read(try docx(textBox + table), file: "plan.docx")
        XCTAssertEqual(document.items.first, .paragraph("Lead: Jo", heading: nil))
        let rows = try XCTUnwrap(document.tables.first).rows
        XCTAssertEqual(
            rows.map(\.place),
            [
                "plan.docx: table 1, row 1", "plan.docx: table 1, row 2",
                "plan.docx: "
                    + "table 1, row 3",
            ])
        XCTAssertEqual(rows[1].cells.map(\.text), ["1.1", "Agree it", "Jo"])
        XCTAssertEqual(rows[2].cells.map(\.text), ["", "Continue", ""])
        XCTAssertEqual(rows[2].cells[1].span, 2)
    }
}
