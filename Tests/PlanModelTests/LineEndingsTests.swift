import PlanModel
import XCTest

/// The repository's line endings: no BOM, LF; every other byte kept.
final class LineEndingsTests: XCTestCase {
    func testNotepadBytesBecomeTheCanonicalBytes() {
        let notepad: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# Recommendation 15\r\n\r\nDue: July 2008\r\n".utf8)
        XCTAssertEqual(LineEndings.canonical(notepad), Array("# Recommendation 15\n\nDue: July 2008\n".utf8))
        XCTAssertFalse(LineEndings.isCanonical(notepad))
        XCTAssertTrue(LineEndings.isCanonical(LineEndings.canonical(notepad)))
    }

    func testLoneCarriageReturnsEndLinesAndOtherBytesAreKept() {
        XCTAssertEqual(LineEndings.canonical(Array("a\rb\r\n\rc".utf8)), Array("a\nb\n\nc".utf8))
        let odd: [UInt8] = [0x61, 0xFF, 0xEF, 0xBB, 0xBF, 0x0A]  // invalid UTF-8 and a BOM not at the start
        XCTAssertEqual(LineEndings.canonical(odd), odd)
        XCTAssertEqual(LineEndings.canonical([]), [])
    }

    /// What the formatter writes is already canonical, so `fmt --check` and the filter agree.
    func testTheFormattersOutputIsCanonical() {
        let text = SectionFormatter.format(
            SectionFile(path: "sections/uhl/15.md", partner: "uhl", recommendation: 15))
        XCTAssertTrue(LineEndings.isCanonical(Array(text.utf8)))
        XCTAssertEqual(LineEndings.canonical(Array(text.utf8)), Array(text.utf8))
    }
}
