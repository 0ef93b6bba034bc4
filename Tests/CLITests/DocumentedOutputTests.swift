import Foundation
import PlanModel
import XCTest

/// The documents say what the code does: docs/JSON.md lists every key of every JSON output
/// (each is present, `null` when empty), and docs/RULES.md lists exactly the rule ids the code
/// reports.
final class DocumentedOutputTests: XCTestCase {
    var fixture: GitFixture!

    override func setUpWithError() throws { fixture = try GitFixture() }
    override func tearDown() { fixture.remove() }

    // MARK: docs/JSON.md

    /// Runs every command docs/JSON.md documents on real plans and checks every documented key.
    func testEveryJSONOutputHasTheKeysDocsJSONLists() throws {
        let shapes = try Self.documentedShapes()
        let hub = try fixture.publishedHub(from: "Repos/leicester")
        let changed = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: changed) }
        let file = changed.appendingPathComponent("sections/lsc/8.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(
            of: "Due: ", with: "Due: March 2010 (was ", options: [], range: text.range(of: "Due: ")
        )
        .write(to: file, atomically: true, encoding: .utf8)

        let runs: [(doc: String, arguments: [String])] = [
            ("show --format json", ["show", "Repos/leicester", "--format", "json", "--today", "2008-09-01"]),
            ("render --format json", ["render", "Repos/leicester", "--format", "json", "--today", "2008-09-01"]),
            ("validate --format json", ["validate", "Repos/derby", "--format", "json"]),
            (
                "consolidate --format json",
                ["consolidate", "--repo", hub.path, "--format", "json", "--today", "2008-09-01"]
            ),
            ("status --format json", ["status", "--repo", hub.path, "--format", "json", "--today", "2008-09-01"]),
            (
                "status --partner ID --format json",
                ["status", "--repo", hub.path, "--partner", "uhl", "--format", "json", "--today", "2008-09-01"]
            ),
            ("due --format json", ["due", "Nov 08-Jan 09", "ongoing", "--format", "json"]),
            (
                "deadline --format json",
                ["deadline", "--from", "2008-06-03", "--working-days", "70", "--format", "json"]
            ),
            ("diff A B --format json", ["diff", "Repos/derby", changed.path, "--format", "json"]),
            ("tag", ["tag", "--repo", hub.path, "--name", "cabinet/2008-09-01", "--today", "2008-09-01"]),
            ("versions --format json", ["versions", "--repo", hub.path, "--format", "json"]),
            ("history REF --format json", ["history", "1.1", "--repo", hub.path, "--format", "json"]),
            ("partner list --format json", ["partner", "list", "--repo", hub.path, "--format", "json"]),
        ]
        var checked = Set<String>()
        for (doc, arguments) in runs {
            let result = try CLI.run(arguments)
            XCTAssertTrue(
                result.status == 0 || (doc.hasPrefix("validate") && result.status == 1),
                "\(arguments): \(result.stderr)")
            guard doc != "tag" else { continue }
            let shape = try XCTUnwrap(shapes[doc], "docs/JSON.md documents no `planmerge \(doc)`")
            let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
            var found = 0
            Self.check(value, against: shape, path: doc, found: &found)
            XCTAssertGreaterThanOrEqual(found, shape.keys.count, "\(doc): the documented keys were checked")
            checked.insert(doc)
        }
        XCTAssertEqual(Set(shapes.keys), checked, "every documented output is run")
    }

    /// Every object the shape describes has every documented key; a key marked `?` may be
    /// left out (docs/JSON.md says where), a map with free keys ("<kind>", "partner-id") is
    /// not checked key by key.
    static func check(_ value: Any, against shape: Shape, path: String, found: inout Int) {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                check(element, against: shape, path: "\(path)[\(index)]", found: &found)
            }
            return
        }
        guard !(value is NSNull) else { return }
        guard let object = value as? [String: Any] else {
            return XCTFail("\(path): documented as an object, got \(value)")
        }
        guard !shape.isMap else { return }
        for (key, child) in shape.keys {
            guard let member = object[key] else {
                if !shape.optional.contains(key) {
                    XCTFail("\(path): no key '\(key)' (docs/JSON.md lists it) in \(object.keys.sorted())")
                }
                continue
            }
            found += 1
            if let child { check(member, against: child, path: "\(path).\(key)", found: &found) }
        }
    }

    /// The documented shape of an object: its keys, each with the shape of its value when that
    /// is an object or a list of objects.
    final class Shape {
        var keys: [String: Shape?] = [:]
        var optional: Set<String> = []
        var isMap = false
    }

    /// The shapes docs/JSON.md gives, by the command line that prints them.
    static func documentedShapes() throws -> [String: Shape] {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/JSON.md"), encoding: .utf8)
        var shapes: [String: Shape] = [:]
        // The plan (show and render): the indented block after "Shape".
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let start = lines.firstIndex(where: { $0.hasPrefix("Shape") }) {
            let block = lines[(start + 1)...].drop { $0.isEmpty }.prefix { $0.isEmpty || $0.hasPrefix("    ") }
            var parser = ShapeParser(text: block.joined(separator: "\n"))
            let plan = parser.value()
            shapes["show --format json"] = plan
            shapes["render --format json"] = plan
        }
        // The others: "- `planmerge COMMAND`: `SHAPE`".
        let pattern = try NSRegularExpression(
            pattern: #"^- `planmerge ([^`]+)`: `([^`]+)`"#, options: [.anchorsMatchLines])
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let command = String(text[Range(match.range(at: 1), in: text)!])
            var parser = ShapeParser(text: String(text[Range(match.range(at: 2), in: text)!]))
            shapes[command] = parser.value()
        }
        return shapes.compactMapValues { $0 }
    }

    /// Reads docs/JSON.md's notation: `{key, key: value, key (note), key?}` with bare or
    /// quoted keys; values are objects, `[ object ]`, or anything else (skipped).
    struct ShapeParser {
        let characters: [Character]
        var index = 0

        init(text: String) { characters = Array(text) }

        mutating func value() -> Shape? {
            skipSpace()
            var shape: Shape?
            if peek == "{" {
                shape = object()
            } else if peek == "[" {
                index += 1
                skipSpace()
                if peek == "{" { shape = object() }
                skipRest(closing: "]")
                index += 1
            }
            skipRest(closing: nil)
            return shape
        }

        /// Skips to the next `,` or closing bracket at this depth (not consuming it).
        mutating func skipRest(closing: Character?) {
            var depth = 0
            var quoted = false
            while index < characters.count {
                let c = characters[index]
                if quoted {
                    if c == "\\" { index += 1 } else if c == "\"" { quoted = false }
                } else if c == "\"" {
                    quoted = true
                } else if "{[(".contains(c) {
                    depth += 1
                } else if "}])".contains(c) {
                    if depth == 0 { return }
                    depth -= 1
                } else if c == ",", depth == 0, closing == nil {
                    return
                }
                index += 1
            }
        }

        mutating func object() -> Shape {
            let shape = Shape()
            index += 1  // {
            while true {
                skipSpace()
                guard let c = peek, c != "}" else { break }
                if c == "," {
                    index += 1
                    continue
                }
                let key = self.key()
                skipSpace()
                if peek == "?" {
                    shape.optional.insert(key)
                    index += 1
                    skipSpace()
                }
                if peek == "(" {
                    index += 1
                    skipRest(closing: ")")
                    index += 1
                    skipSpace()
                }
                var child: Shape?
                if peek == ":" {
                    index += 1
                    child = value()
                } else {
                    skipRest(closing: nil)
                }
                if key.isEmpty || key.contains(where: { !($0.isLetter || $0.isNumber) }) {
                    shape.isMap = true
                } else {
                    shape.keys[key] = child
                }
            }
            index += 1  // }
            return shape
        }

        mutating func key() -> String {
            if peek == "\"" {
                index += 1
                var key = ""
                while let c = peek, c != "\"" {
                    key.append(c)
                    index += 1
                }
                index += 1
                return key
            }
            var key = ""
            while let c = peek, c.isLetter || c.isNumber || c == "." || c == "-" || c == "<" || c == ">" {
                key.append(c)
                index += 1
            }
            if key.isEmpty { skipRest(closing: nil) }
            return key
        }

        var peek: Character? { index < characters.count ? characters[index] : nil }

        mutating func skipSpace() {
            while let c = peek, c.isWhitespace { index += 1 }
        }
    }

    // MARK: docs/RULES.md

    func testRulesDocListsExactlyTheRuleIdsTheCodeHas() throws {
        let documented = try Self.documentedRules()
        let code = try Self.ruleIdsInCode()
        XCTAssertGreaterThanOrEqual(code.count, 40, "the rule ids were found in the code: \(code.sorted())")
        XCTAssertEqual(documented.subtracting(code).sorted(), [], "docs/RULES.md lists rules the code never reports")
        XCTAssertEqual(code.subtracting(documented).sorted(), [], "the code reports rules docs/RULES.md does not list")
    }

    /// The first column of docs/RULES.md's tables.
    static func documentedRules() throws -> Set<String> {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/RULES.md"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"^\| `([a-z0-9-]+)` \|"#, options: [.anchorsMatchLines])
        return Set(
            pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range(at: 1), in: text)!])
            })
    }

    /// Every check's `rules`, and every rule id the sources pass to a diagnostic as a literal:
    /// `Diagnostic(.error, "rule-id", ...)`, `report(.warning, "rule-id", ...)`, `rule: "rule-id"`.
    static func ruleIdsInCode() throws -> Set<String> {
        var rules = Set(Validator.standardChecks.flatMap(\.rules))
        let pattern = try NSRegularExpression(
            pattern: #"(?:\.(?:error|warning)\s*,\s*|\brule:\s*)"([a-z0-9]+(?:-[a-z0-9]+)+)""#)
        let sources = CLI.packageRoot.appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                rules.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return rules
    }
}
