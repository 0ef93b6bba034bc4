import Foundation
import XCTest

/// Compares output with a golden file in `Fixtures/`; with `PLANMERGE_UPDATE_GOLDEN=1` in
/// the environment, writes the output there instead (into the source tree, via `#filePath`).
enum Golden {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func check(_ bytes: [UInt8], named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PLANMERGE_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("missing golden file \(name): run with PLANMERGE_UPDATE_GOLDEN=1", file: file, line: line)
            return
        }
        if Array(expected) != bytes {
            let actual = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            let wanted = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let first = zip(actual, wanted).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ =
                first.map { "line \($0.offset + 1):\n  got:      \($0.element.0)\n  expected: \($0.element.1)" }
                ?? "lengths differ (\(actual.count) vs \(wanted.count) lines)"
            XCTFail(
                "\(name) differs from the golden file at \(where_)\n(PLANMERGE_UPDATE_GOLDEN=1 regenerates it)",
                file: file, line: line)
        }
    }

    static func check(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try check(Array(text.utf8), named: name, file: file, line: line)
    }
}
