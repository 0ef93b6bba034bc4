import PlanGit
import XCTest

@testable import GitKit

final class ObjectIDTests: XCTestCase {
    func testHexRoundTrip() throws {
        let hex = "0123456789abcdef0123456789ABCDEF01234567"
        let id = try XCTUnwrap(ObjectID(hex: hex))
        XCTAssertEqual(id.hex, hex.lowercased())
        XCTAssertEqual(id.short, "0123456")
        XCTAssertEqual(id.description, id.hex)
        XCTAssertEqual(id.bytes.count, 20)
        XCTAssertEqual(id.bytes.first, 0x01)
        XCTAssertEqual(id.bytes.last, 0x67)
        XCTAssertEqual(ObjectID(bytes: id.bytes), id)
        XCTAssertEqual(ObjectID(hex: hex.lowercased()), id)
        XCTAssertFalse(id.isZero)
        XCTAssertTrue(try XCTUnwrap(ObjectID(hex: String(repeating: "0", count: 40))).isZero)
    }

    func testInvalidHexIsRejected() {
        XCTAssertNil(ObjectID(hex: ""))
        XCTAssertNil(ObjectID(hex: "0123456"))
        XCTAssertNil(ObjectID(hex: String(repeating: "g", count: 40)))
        XCTAssertNil(ObjectID(hex: String(repeating: "a", count: 41)))
    }

    func testOrderingAndHashing() throws {
        let a = try XCTUnwrap(ObjectID(hex: "00" + String(repeating: "f", count: 38)))
        let b = try XCTUnwrap(ObjectID(hex: "01" + String(repeating: "0", count: 38)))
        XCTAssertLessThan(a, b)
        XCTAssertEqual(Set([a, b, a]).count, 2)
    }
}
