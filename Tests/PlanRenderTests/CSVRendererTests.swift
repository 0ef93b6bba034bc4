import CSV
import PlanModel
import PlanRender
import XCTest

final class CSVRendererTests: XCTestCase {
    func testStartsWithByteOrderMarkAndUsesCRLF() throws {
        let bytes = try CSVRenderer.render(SamplePlan.document)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("ref,recommendation,"))
        XCTAssertTrue(text.hasSuffix("\r\n"))
    }

    func testParsesBackIntoTheSameRowsAndFields() throws {
        let bytes = try CSVRenderer.render(SamplePlan.document)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        XCTAssertNil(reader.error)
        XCTAssertEqual(reader.headerRow, CSVRenderer.header)
        XCTAssertEqual(rows.count, SamplePlan.document.actions.count)
        XCTAssertTrue(rows.allSatisfy { $0.count == CSVRenderer.header.count })

        let success = try XCTUnwrap(CSVRenderer.header.firstIndex(of: "success"))
        let first = try XCTUnwrap(rows.first)
        XCTAssertEqual(first[0], "1.1")
        XCTAssertEqual(
            first[success], "Leaflet sent to every school\nRead by 1,000 young people, \"quoted\" in the press")
        let action = try XCTUnwrap(CSVRenderer.header.firstIndex(of: "action"))
        let row61 = try XCTUnwrap(rows.first { $0[0] == "6.1" })
        XCTAssertEqual(row61[action], "Agree the <strategy> & publish it: \"one plan\" for all | partners' sign-off")
    }
}
