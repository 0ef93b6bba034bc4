import Foundation
import PlanModel
import XCTest

/// Hostile input to the readers and checks (issue 9, item 7): deep or alias-expanded YAML,
/// control characters, section files named `015.md`.
final class HostileInputTests: XCTestCase {
    static var derbyManifest: [UInt8] {
        Array(
            FileManager.default.contents(
                atPath: Fixtures.packageRoot.appendingPathComponent("Repos/derby/plan.yaml").path)!)
    }

    static let smallManifest = Manifest(
        title: "T", authority: "A", inspection: Inspection(name: "I"), partners: [Partner(id: "p", name: "P")])

    // MARK: YAML depth and aliases

    func testFiveThousandNestedFlowListsAreRefusedWithTheirLine() {
        // 10 KB: the manifest that crashed validate and the push hook with SIGSEGV.
        let bytes =
            Self.derbyManifest + Array("extra: ".utf8)
            + Array(repeating: UInt8(ascii: "["), count: 5_000) + Array(repeating: UInt8(ascii: "]"), count: 5_000)
            + [0x0A]
        let result = ManifestReader().read(bytes)
        XCTAssertNil(result.manifest)
        let deep = try? XCTUnwrap(result.diagnostics.first("manifest-too-deep"))
        XCTAssertEqual(deep?.severity, .error)
        XCTAssertEqual(deep?.location.file, "plan.yaml")
        let extraLine = String(decoding: Self.derbyManifest, as: UTF8.self).split(
            separator: "\n",
            omittingEmptySubsequences: false
        ).count
        XCTAssertEqual(deep?.location.line, extraLine)
        XCTAssertEqual(deep?.location.column, 8 + 31)
        XCTAssertNotNil(deep?.hint)
    }

    func testDeepBlockNestingIsRefused() {
        var text = "planmerge: 1\nx:\n"
        for level in 0..<2_000 { text += String(repeating: " ", count: level) + "- \n" }
        let result = ManifestReader().read(Array(text.utf8))
        XCTAssertNil(result.manifest)
        XCTAssertEqual(result.diagnostics.first("manifest-too-deep")?.location.line, 3 + 31)
    }

    func testAnAliasBombIsRefusedBeforeItIsExpanded() {
        // Nine levels of ten aliases each: 10^9 values from a 1 KB file.
        var text = "planmerge: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let result = ManifestReader().read(Array(text.utf8))
        XCTAssertNil(result.manifest)
        let large = result.diagnostics.first("manifest-too-large")
        XCTAssertEqual(large?.severity, .error)
        XCTAssertEqual(large?.location.line, 7)
    }

    func testTheExampleManifestsAreWithinTheLimits() {
        for plan in ["leicester", "derby"] {
            let bytes = FileManager.default.contents(
                atPath: Fixtures.packageRoot.appendingPathComponent("Repos/\(plan)/plan.yaml").path)!
            let result = ManifestReader().read(Array(bytes))
            XCTAssertNotNil(result.manifest, plan)
            XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }, [], plan)
        }
    }

    // MARK: Control characters

    func testControlCharactersInASectionFileAreErrorsWithLineAndColumn() {
        let result = parse("# Recommendation 15\n\n## 15.1 Agree\u{0}the plan\nLead: A\u{1B}B\nSuccess: tab\tis fine\n")
        let found = result.diagnostics.filter { $0.rule == "control-character" }
        XCTAssertEqual(found.map(\.location.line), [3, 4])
        XCTAssertEqual(found.map(\.location.column), [14, 8])
        XCTAssertEqual(found.map(\.severity), [.error, .error])
        XCTAssertEqual(found.map { $0.message.contains("U+0000 NUL") }, [true, false], "\(found)")
        XCTAssertEqual(found.map { $0.message.contains("U+001B escape") }, [false, true], "\(found)")
    }

    func testControlCharactersInTheManifestAreErrorsRawOrEscaped() {
        let text = String(decoding: Self.derbyManifest, as: UTF8.self)
            .replacingOccurrences(of: "title: Derby Joint", with: "subtitle: Der\u{7}by\ntitle: Derby Joint")
        let result = ManifestReader().read(Array(text.utf8))
        let found = result.diagnostics.filter { $0.rule == "control-character" }
        let titleLine =
            text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("subtitle:") }! + 1
        XCTAssertEqual(found.map(\.location.line), [titleLine], "\(result.diagnostics)")
        XCTAssertEqual(found.first?.location.column, 14)

        let escaped = String(decoding: Self.derbyManifest, as: UTF8.self)
            .replacingOccurrences(of: "title: Derby Joint", with: "title: \"Derby\\e\" #")
        let second = ManifestReader().read(Array(escaped.utf8)).diagnostics.filter { $0.rule == "control-character" }
        XCTAssertEqual(second.map(\.location.line), [titleLine])
        XCTAssertEqual(second.first?.location.column, 8)

        // An escaped NUL likewise.
        let nul = String(decoding: Self.derbyManifest, as: UTF8.self)
            .replacingOccurrences(of: "title: Derby Joint", with: "title: \"Derby\\0\" #")
        let third = ManifestReader().read(Array(nul.utf8)).diagnostics.filter { $0.rule == "control-character" }
        XCTAssertEqual(third.map(\.location.line), [titleLine])
        XCTAssertEqual(third.first?.location.column, 8)
        XCTAssertEqual(third.first?.message.contains("U+0000 NUL"), true)
    }

    func testValidateFlagsAControlCharacterInAPlanBuiltInCode() {
        let plan = Plan(
            manifest: Self.smallManifest,
            sections: [
                SectionFile(
                    path: "sections/p/1.md", partner: "p", recommendation: 1,
                    actions: [Action(ref: ActionRef("1.1")!, text: "bell\u{7}")])
            ])
        let found = Validator().validate(plan).filter { $0.rule == "control-character" }
        XCTAssertEqual(found.map(\.location.file), ["sections/p/1.md"])
    }

    // MARK: Section file names

    func testASectionFileNameMustBeTheNumberWrittenPlainly() {
        let plan = Plan(
            manifest: Self.smallManifest,
            sections: [],
            files: [
                "plan.yaml", "sections/p/15.md", "sections/p/015.md", "sections/p/+7.md", "sections/p/0.md",
                "sections/p/99999999999999999999.md", "sections/p/7.md",
            ])
        let found = FileLayoutCheck().check(plan, context: CheckContext()).filter { $0.rule == "section-file-name" }
        XCTAssertEqual(
            found.map(\.location.file),
            [
                "sections/p/015.md", "sections/p/+7.md", "sections/p/0.md", "sections/p/99999999999999999999.md",
            ])
        XCTAssertEqual(found.map(\.severity), [.error, .error, .error, .error])
        XCTAssertEqual(found.first?.message.contains("'015.md' should be '15.md'"), true, "\(found)")
        XCTAssertEqual(found.first?.hint?.hasPrefix("rename it to sections/p/15.md"), true, "\(found)")
    }
}
