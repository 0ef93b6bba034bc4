import XCTest

@testable import PlanModel

/// The section parser reads most lines on their UTF-8 bytes; these tests hold it to the
/// `String` path it replaced, line by line, on random files full of the cases each path
/// treats differently (tabs, no-break spaces, CR and CRLF, a BOM, invalid UTF-8, control
/// characters, bullets, conflict markers, bad headings and fields).
final class ByteLevelParserTests: XCTestCase {
    /// Line fragments: each file is a random sequence of them (some already broken).
    static let fragments: [String] = [
        "# Recommendation 7", "# Recommendation 7 extra words", "# Recomendation 7", "# Recommendation ١", "#",
        "## 7.1 Agree the protocol", "## 7.2b Review\tplans", "##\t7.3 Tab after hashes", "## 7.4", "## 7.5 ",
        "## x7.6 Bad ref", "## +7.7 Plus", "## 7.0 Zero", "## 7.8B Upper", "## 7.٣ Arabic", "## 07.9 Leading zero",
        "## 99999999999999999999.1 Too big", "## 7.10  Two  spaces", "##", "#### Four", "#notheading", "###",
        "### Notes", "### Details", "### Position statement", "### Bogus block",
        "Due: End August 2008", "Due: 31.3.09", "Due:", "Due:   ", "due date : Nov 08-Jan 09", "Due: \tTBC",
        "Due: early 2009", "Due: Nov to Jan", "Due: 90% by March", "Due: ongoing \u{2014} monthly", "Due: 2009",
        "Lead: Phil Porter; Roz Olphert", "LEAD OFFICER: A; ;B", "Lead: again", "Lead:\tTabbed\tname",
        "Success: Protocol signed", "Expected outcomes: fewer referrals", "Success: caf\u{e9} \u{201C}q\u{201D}",
        "Resources: Standards Fund", "Frobnicate: what", "Rsik: typo", "Risk: Funding:  not confirmed  ",
        "Status: Amber", "Status: purple", "See also: 3.4, rec 16, R7; nonsense, 2.6b",
        "Outcome area: Be healthy; Stay safe, Enjoy", "Milestone: Dec 08 - Review done", "Milestone: | nothing",
        "Milestone: End August 2008 | Draft agreed", "Link: http://example.org/a:b", "Monitoring: termly",
        "   continued on the next line\twith tab", "\tcontinued after a tab", "- first bullet", "* second\t bullet",
        "\u{2022} third", "-", "-notabullet", "  Lead: indented field", "\u{A0}Lead: no-break space",
        "Lead:\u{A0}Phil\u{A0}", "<<<<<<< ours", "=======", ">>>>>>> theirs", "|||||||base", "=======x",
        "free text line without colon", ":", "   : x", "", "", "", "   ", "\t", "Success: a\u{1}b", "Risk: \u{7F}",
        "Risk: \u{85}", "Risk: \u{FFFE}", "Success: a:\u{301}b", "Lead\u{301}: combining", "Due: 1\u{301}.3.09",
    ]

    /// Byte-level damage: what editors and tools do to files.
    static func damage(_ text: String, using rng: inout SplitMix64) -> [UInt8] {
        var bytes = Array(text.utf8)
        switch rng.next() % 6 {
        case 0: bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case 1: bytes = bytes.map { $0 == 0x0A ? 0x0D : $0 }
        default: break
        }
        if rng.next() % 8 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        if rng.next() % 6 == 0, !bytes.isEmpty {
            let at = Int(rng.next() % UInt64(bytes.count))
            let bad: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF]]
            bytes.insert(contentsOf: bad[Int(rng.next() % UInt64(bad.count))], at: at)
        }
        return bytes
    }

    func testByteLevelPathReadsEveryLineAsTheStringPathDoes() {
        var rng = SplitMix64(seed: 15)
        let parser = SectionParser(dueReference: Day(year: 2008, month: 6, day: 3))
        for round in 0..<1500 {
            var lines = ["# Recommendation 7"]
            for _ in 0..<Int(rng.next() % 40) {
                lines.append(Self.fragments[Int(rng.next() % UInt64(Self.fragments.count))])
            }
            if round % 7 == 0 { lines.removeFirst() }
            let text = lines.joined(separator: "\n") + (round % 5 == 0 ? "" : "\n")
            let bytes = Self.damage(text, using: &rng)
            let fast = parser.parse(bytes, path: "sections/p001/7.md", byteLevel: true)
            let slow = parser.parse(bytes, path: "sections/p001/7.md", byteLevel: false)
            XCTAssertEqual(fast.section, slow.section, "round \(round): \(text.debugDescription)")
            XCTAssertEqual(fast.diagnostics, slow.diagnostics, "round \(round): \(text.debugDescription)")
            XCTAssertEqual(
                fast.section.actions.map { $0.fieldPositions.byField },
                slow.section.actions.map { $0.fieldPositions.byField },
                "round \(round)")
        }
    }

    func testLineRangesCutAsTextLinesDoes() {
        var rng = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x61, 0x20, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9]
        for _ in 0..<3000 {
            var bytes = (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            if rng.next() % 3 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            let cut = bytes.withUnsafeBufferPointer { buffer in
                var ranges = LineRanges(buffer)
                var lines: [String] = []
                while let range = ranges.next() {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
                }
                return lines
            }
            XCTAssertEqual(cut, TextLines(bytes: bytes).lines, "\(bytes)")
        }
    }

    /// The reading of `ActionRef(_:)` before it read bytes (on characters, with `Int(_:)`).
    static func referenceByCharacters(_ text: String) -> ActionRef? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int(parts[0]), n > 0, !parts[0].contains("+") else { return nil }
        let digits = parts[1].prefix { $0.isASCII && $0.isNumber }
        let rest = parts[1].dropFirst(digits.count)
        guard let m = Int(digits), m > 0, rest.count <= 1, rest.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return nil
        }
        return ActionRef(recommendation: n, item: m, suffix: String(rest))
    }

    func testActionRefReadsAsTheCharacterReadingDid() {
        var rng = SplitMix64(seed: 3)
        let pieces = [
            "1", "0", "7", "12", ".", ".", "a", "b", "B", "+", "-", " ", "\u{663}", "\u{301}", "9999999999", "z",
        ]
        var accepted = 0
        for _ in 0..<20000 {
            let text = (0..<Int(rng.next() % 6)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let expected = Self.referenceByCharacters(text)
            XCTAssertEqual(ActionRef(text), expected, text.debugDescription)
            XCTAssertEqual(ActionRef(Substring(text)), expected, text.debugDescription)
            if expected != nil { accepted += 1 }
        }
        XCTAssertGreaterThan(accepted, 20)
        XCTAssertEqual(ActionRef("2.6b"), ActionRef(recommendation: 2, item: 6, suffix: "b"))
        XCTAssertEqual(ActionRef("02.01"), ActionRef(recommendation: 2, item: 1))
        XCTAssertNil(ActionRef("9223372036854775808.1"))
        XCTAssertEqual(ActionRef("9223372036854775807.1")?.recommendation, Int.max)
    }

    func testSplitPathReadsAsTheCharacterSplitDid() {
        func reference(_ path: String) -> (partner: String, name: String)? {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 3, parts[0] == "sections", !parts[1].isEmpty else { return nil }
            return (String(parts[1]), parts.dropFirst(2).joined(separator: "/"))
        }
        var rng = SplitMix64(seed: 11)
        let pieces = ["sections", "p001", "/", "/", "15.md", "\u{301}", "caf\u{e9}", "", "x"]
        for _ in 0..<20000 {
            let path = (0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let expected = reference(path)
            let folder = SectionFile.splitFolder(path)
            XCTAssertEqual(folder?.partner, expected?.partner, path.debugDescription)
            XCTAssertEqual(folder?.name, expected?.name, path.debugDescription)
            let file = SectionFile.splitPath(path)
            let expectedFile = expected.flatMap { $0.name.isEmpty || $0.name.contains("/") ? nil : $0 }
            XCTAssertEqual(file?.partner, expectedFile?.partner, path.debugDescription)
            XCTAssertEqual(file?.name, expectedFile?.name, path.debugDescription)
        }
    }

    func testFieldPositionsKeepOneSlotPerField() {
        XCTAssertEqual(ActionField.allCases.map(\.slot), Array(ActionField.allCases.indices))
        var positions = FieldPositions()
        XCTAssertNil(positions[.due])
        positions[.due] = nil
        XCTAssertTrue(positions.byField.isEmpty)
        positions[.outcomeArea] = Position(line: 3, column: 7)
        positions[.due] = Position(line: 2, column: 6)
        XCTAssertEqual(positions[.due], Position(line: 2, column: 6))
        XCTAssertEqual(
            positions.byField, [.due: Position(line: 2, column: 6), .outcomeArea: Position(line: 3, column: 7)])
        positions[.due] = nil
        XCTAssertEqual(positions.byField, [.outcomeArea: Position(line: 3, column: 7)])
        var copy = FieldPositions()
        copy.byField = positions.byField
        XCTAssertEqual(copy[.outcomeArea], Position(line: 3, column: 7))
        XCTAssertNil(copy[.lead])
    }

    func testFieldPositionsEncodeAsTheirDictionary() throws {
        var positions = FieldPositions()
        positions[.lead] = Position(line: 4, column: 7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(positions), as: UTF8.self)
        XCTAssertEqual(json, #"{"byField":{"lead":{"column":7,"line":4}}}"#)
        let decoded = try JSONDecoder().decode(FieldPositions.self, from: Data(json.utf8))
        XCTAssertEqual(decoded.byField, positions.byField)
    }

    func testDueDateMemoReadsAsTheReader() {
        let reference = Day(year: 2008, month: 6, day: 3)
        let memo = DueDateMemo(reference: reference, capacity: 3)
        let texts = ["End August 2008", "End July", "ongoing", "Nov to Jan", "End July", "31.2.09", "End August 2008"]
        for text in texts {
            let read = DueDateReader.read(text, reference: reference)
            XCTAssertEqual(memo.read(text), read, text)
            XCTAssertEqual(memo.read(text).note, read.note, text)
        }
    }

    func testParserReadsWithTheReferenceItHasWhenItParses() {
        var parser = SectionParser(dueReference: Day(year: 2008, month: 6, day: 3))
        let text = "# Recommendation 7\n\n## 7.1 Act\nDue: End July\n"
        XCTAssertEqual(parser.parse(text, path: "sections/p/7.md").section.actions.first?.due?.end?.iso, "2008-07-31")
        parser.dueReference = Day(year: 2009, month: 9, day: 1)
        XCTAssertEqual(parser.parse(text, path: "sections/p/7.md").section.actions.first?.due?.end?.iso, "2010-07-31")
    }
}

extension ByteLevelParserTests {
    func testCanonicalFieldNamesAreReadFromBytes() {
        for field in ActionField.allCases {
            let read = Array(field.label.utf8).withUnsafeBufferPointer { ActionField.canonical($0) }
            XCTAssertEqual(read, field, field.label)
        }
        for name in ["due", "DUE", "Lead ", "Lind", "Rusk", "Statu", "See Also", "Milestones", "Resourcez", "", "Dux"] {
            XCTAssertNil(Array(name.utf8).withUnsafeBufferPointer { ActionField.canonical($0) }, name)
        }
    }
}
