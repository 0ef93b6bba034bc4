import PlanModel
import XCTest

/// parse(format(x)) == x and format(format(x)) == format(x), over generated section files,
/// and a fuzzed parser that never crashes.
final class FormatterPropertyTests: XCTestCase {
    func testParseOfFormatGivesBackTheModel() {
        var generator = SectionGenerator(seed: 0x5EED)
        for round in 0..<400 {
            let section = generator.section()
            let text = SectionFormatter.format(section)
            let reparsed = SectionParser(dueReference: SectionGenerator.reference).parse(text, path: section.path)
            // A milestone kept as written is read back the same, with its warning.
            let problems = reparsed.diagnostics.filter { $0.rule != "milestone-unsplit" }
            XCTAssertEqual(problems, [], "round \(round):\n\(text)")
            XCTAssertEqual(reparsed.section, section, "round \(round):\n\(text)")
            XCTAssertEqual(SectionFormatter.format(reparsed.section), text, "round \(round): format is idempotent")
            if reparsed.section != section { return }
        }
    }

    func testHandEditedVariantsParseToTheSameModel() {
        var generator = SectionGenerator(seed: 42)
        for round in 0..<200 {
            let section = generator.section()
            let canonical = SectionFormatter.format(section)
            let edited = generator.handEdit(canonical)
            let reparsed = SectionParser(dueReference: SectionGenerator.reference).parse(edited, path: section.path)
            let problems = reparsed.diagnostics.filter { $0.rule != "milestone-unsplit" }
            XCTAssertEqual(problems, [], "round \(round):\n\(edited)")
            XCTAssertEqual(reparsed.section, section, "round \(round):\n\(edited)")
            XCTAssertEqual(SectionFormatter.format(reparsed.section), canonical)
            if reparsed.section != section { return }
        }
    }

    func testRandomBytesNeverCrashTheParser() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array(
            "# Recommendation 15\n## 15.1 Due: Lead; Status: done | <<<<<<< ======= >>>>>>> ### Notes\r\n\t".utf8)
        for _ in 0..<3000 {
            let count = Int(rng.next() % 400)
            let bytes: [UInt8] = (0..<count).map { _ in
                rng.next() % 4 == 0
                    ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
            }
            let result = SectionParser().parse(bytes, path: "sections/p/15.md")
            for d in result.diagnostics {
                XCTAssertGreaterThanOrEqual(d.location.line, 1)
                XCTAssertGreaterThanOrEqual(d.location.column, 1)
            }
            if !result.diagnostics.hasErrors {
                let again = SectionParser().parse(SectionFormatter.format(result.section), path: "sections/p/15.md")
                XCTAssertEqual(again.section, result.section)
            }
        }
    }

    func testAHugeFileIsReadInOnePass() {
        var text = "# Recommendation 9\n"
        for i in 1...5000 {
            text += "\n## 9.\(i) Action number \(i)\nDue: 31.3.09\nLead: Officer \(i)\nSuccess: done\n"
        }
        let result = SectionParser().parse(text, path: "sections/p/9.md")
        XCTAssertEqual(result.section.actions.count, 5000)
        XCTAssertEqual(SectionFormatter.format(result.section), text)
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so property tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates valid section files: every value as the parser would produce it.
struct SectionGenerator {
    static let reference = Day(year: 2008, month: 6, day: 3)
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let words = [
        "Teenage", "Pregnancy", "£26,000", "Board:", "a|b", "#7", "ESF", "café", "–", "2008/09", "review",
        "Connexions", "NEET", "8.4%", "(PCT)", "Sept.", "\"quoted\"", "it's", "<b>", "&", "see:", "x",
    ]
    static let dueTexts = [
        "End August 2008", "Nov 08-Jan 09", "31.3.09", "To be Confirmed", "ongoing", "Sept 08 onwards",
        "2008/09 financial year", "Quarterly intervals during 08-09", "End July", "something odd", "Immediate",
    ]

    /// Milestones written without "|" whose date cannot be told apart: kept as written.
    static let unsplitMilestones = [
        "Review of progress", "Nov 08 - Jan 09", "Plan agreed: by the Board", "Dec 08 review",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func bool() -> Bool { Bool.random(using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func phrase(_ max: Int = 8) -> String {
        (0..<int(1...max)).map { _ in pick(SectionGenerator.words) }.joined(separator: " ")
    }

    mutating func blockLines() -> [String] {
        var lines: [String] = []
        for _ in 0..<int(0...5) {
            switch int(0...4) {
            case 0: lines.append("")
            case 1: lines.append("- " + phrase())
            case 2: lines.append("  - " + phrase())
            default: lines.append(phrase(12))
            }
        }
        return BlockText.normalise(lines)
    }

    mutating func due() -> DueDate {
        DueDateReader.read(pick(SectionGenerator.dueTexts), reference: SectionGenerator.reference)
    }

    mutating func section() -> SectionFile {
        let n = int(1...20)
        var section = SectionFile(path: "sections/p/\(n).md", partner: "p", recommendation: n)
        let kinds = BlockKind.allCases.filter { _ in int(0...3) == 0 }
        section.blocks = kinds.map { TextBlock(kind: $0, lines: blockLines()) }
        var refs = Set<ActionRef>()
        for _ in 0..<int(0...6) {
            refs.insert(
                ActionRef(recommendation: n, item: int(1...12), suffix: int(0...4) == 0 ? pick(["a", "b"]) : ""))
        }
        section.actions = refs.sorted().map { action($0) }
        return section
    }

    mutating func action(_ ref: ActionRef) -> Action {
        var a = Action(ref: ref, text: phrase(15))
        if bool() { a.due = due() }
        if bool() { a.leads = (0..<int(1...3)).map { _ in phrase(3) } }
        if bool() { a.status = pick(ActionStatus.allCases) }
        a.success = (0..<int(0...3)).map { _ in phrase() }
        a.milestones = (0..<int(0...2)).map { _ in
            int(0...4) == 0
                ? Milestone(keptAsWritten: pick(SectionGenerator.unsplitMilestones))
                : Milestone(due: due(), text: phrase())
        }
        if bool() { a.resources = phrase() }
        if bool() { a.risk = phrase() }
        if int(0...3) == 0 { a.monitoring = phrase() }
        if int(0...3) == 0 {
            a.crossReferences = Array(
                Set([
                    CrossReference.action(ActionRef(recommendation: int(1...16), item: int(1...9))),
                    .recommendation(int(1...16)),
                ])
            ).sorted { $0.description < $1.description }
        }
        a.links = (0..<int(0...2)).map { _ in phrase() }
        if int(0...3) == 0 { a.details = blockLines() }
        if int(0...3) == 0 { a.notes = blockLines() }
        return a
    }

    /// What people do to a file in Notepad: CRLF, a BOM, trailing spaces, other field-name
    /// case and aliases, extra blank lines, fields in another order.
    mutating func handEdit(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inBlock = false
        var blockLine = Set<Int>()
        for i in lines.indices {
            let line = lines[i]
            if line.hasPrefix("### ") { inBlock = true } else if line.hasPrefix("## ") { inBlock = false }
            if inBlock { blockLine.insert(i) }
            if !inBlock, let colon = line.firstIndex(of: ":"), !line.hasPrefix("#"), !line.hasPrefix(" "),
                !line.hasPrefix("-"),
                let field = ActionField(named: String(line[..<colon]))
            {
                let name =
                    int(0...2) == 0 ? field.label.uppercased() : (int(0...2) == 0 ? aliasFor(field) : field.label)
                lines[i] = name + " :   " + line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            if int(0...3) == 0, !lines[i].isEmpty { lines[i] += "  " }
        }
        // Swap two adjacent field lines of different fields (order does not matter).
        if lines.count > 3 {
            let i = int(1...(lines.count - 2))
            if !blockLine.contains(i), !blockLine.contains(i + 1), isField(lines[i]), isField(lines[i + 1]),
                fieldOf(lines[i]) != fieldOf(lines[i + 1])
            {
                lines.swapAt(i, i + 1)
            }
        }
        // Wrap one field value onto an indented continuation line, as a Word cell does.
        if let i = lines.indices.filter({ !blockLine.contains($0) && isField(lines[$0]) }).randomElement(using: &rng) {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            let colon = line.firstIndex(of: ":")!
            let valueStart = line.index(colon, offsetBy: 2)
            let spaces = line[line.index(after: colon)...].indices.filter { line[$0] == " " && $0 > valueStart }
            if let cut = spaces.randomElement(using: &rng) {
                let rest = String(line[line.index(after: cut)...])
                let looksLikeField =
                    rest.firstIndex(of: ":").map { ActionField(named: String(rest[..<$0])) != nil } ?? false
                if !rest.isEmpty, !rest.hasPrefix(" "), !line[..<cut].hasSuffix(" "), !looksLikeField {
                    lines[i] = String(line[..<cut])
                    lines.insert(pick(["  ", "\t", "    "]) + rest, at: i + 1)
                }
            }
        }
        var joined = lines.joined(separator: int(0...1) == 0 ? "\r\n" : "\n")
        if bool() { joined = "\u{FEFF}" + joined }
        return joined
    }

    private func isField(_ line: String) -> Bool { fieldOf(line) != nil }
    private func fieldOf(_ line: String) -> ActionField? {
        guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("#") else { return nil }
        return ActionField(named: String(line[..<colon]))
    }

    private func aliasFor(_ field: ActionField) -> String {
        switch field {
        case .due: "due date"
        case .lead: "Lead Officer"
        case .success: "success criteria"
        case .resources: "Resources Required"
        case .risk: "risks"
        case .seeAlso: "see"
        default: field.label.lowercased()
        }
    }
}
