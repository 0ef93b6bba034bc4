import XCTest

@testable import PlanModel

final class SpreadsheetTextTests: XCTestCase {
    func testFormulaStartsAreNeutralisedAndRestoredExactly() {
        let cases = [
            "=HYPERLINK(\"http://evil\",\"x\")", "+44 116", "-", "@SUM(A1)", "\tx", "\rx", "'quoted", "''",
            "'=already", "plain", "", "6.10", "Sept-2008",
        ]
        for text in cases {
            let cell = SpreadsheetText.neutralised(text)
            if let first = cell.first { XCTAssertFalse("=+-@\t\r".contains(first), "\(text) -> \(cell)") }
            XCTAssertEqual(SpreadsheetText.restored(cell), text, "round trip of \(text)")
        }
        XCTAssertEqual(SpreadsheetText.neutralised("=1+1"), "'=1+1")
        XCTAssertEqual(SpreadsheetText.neutralised("plain"), "plain")
        XCTAssertEqual(SpreadsheetText.restored("'plain"), "'plain")
    }
}
