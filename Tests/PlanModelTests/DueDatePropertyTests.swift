import XCTest

@testable import PlanModel

/// A reading never invents a year: over generated texts in the forms spreadsheets and Word
/// tables produce, mixed with numbers that are not dates (ages, percentages, money, counts),
/// every year a reading starts or ends in is a year the text writes, or, when the text
/// writes no year at all, the year the reference date gives (the reference's or the next).
final class DueDatePropertyTests: XCTestCase {
    func testEveryYearReadIsWrittenInTheText() {
        var generator = DueTextGenerator(seed: 0xDA7E_5EEE)
        var readCount = 0
        for round in 0..<8_000 {
            let sample = generator.text()
            let reference = generator.bool() ? DueTextGenerator.reference : nil
            let due = DueDateReader.read(sample.text, reference: reference)
            let allowed =
                sample.years.isEmpty
                ? Set(reference.map { [$0.year, $0.year + 1] } ?? []) : sample.years
            for day in [due.start, due.end].compactMap({ $0 }) {
                XCTAssertTrue(
                    allowed.contains(day.year),
                    "round \(round): “\(sample.text)” read as \(due.start?.iso ?? "nil")..\(due.end?.iso ?? "nil"); "
                        + "written years \(sample.years.sorted()) (\(due.note ?? ""))")
            }
            if due.end != nil { readCount += 1 }
        }
        // The generator is not mostly unreadable noise: a good share of its texts are read.
        XCTAssertGreaterThan(readCount, 2_000)
    }

    func testNumbersThatAreNotDatesAloneAreNeverRead() {
        var generator = DueTextGenerator(seed: 99)
        for _ in 0..<2_000 {
            let text = (0..<generator.int(1...3)).map { _ in generator.noise() }.joined(separator: " ")
            let due = DueDateReader.read(text, reference: DueTextGenerator.reference)
            XCTAssertNil(due.start, "“\(text)”")
            XCTAssertNil(due.end, "“\(text)”")
        }
    }
}

/// Texts with the years they write, as the documented rule reads them: a four-digit year is
/// itself; a two-digit year is 20yy, or 19yy when the text writes a four-digit 19xx year; in
/// a pair such as "1999/00" the second is the year after the first.
struct DueTextGenerator {
    static let reference = Day(year: 2008, month: 6, day: 1)
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func bool() -> Bool { Bool.random(using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    static let monthNames = [
        ["January", "Jan", "JAN"], ["February", "Feb", "Feb."], ["March", "Mar", "MAR"], ["April", "Apr", "Apr."],
        ["May", "MAY"], ["June", "Jun"], ["July", "Jul"], ["August", "Aug", "Aug."],
        ["September", "Sept", "Sep", "Sept."], ["October", "Oct"], ["November", "Nov", "Nov."],
        ["December", "Dec", "DEC"],
    ]

    /// A year as written: four digits, or two (with the two-digit value for the rule).
    private enum Written {
        case four(Int)
        case two(Int)
        case pairNext(Int)
    }

    private var written: [Written] = []

    mutating func text() -> (text: String, years: Set<Int>) {
        written = []
        // Pieces are never joined by a bare space: "June 24 November 1995" is ambiguous to
        // people too ("24" a year of June, or the day of November).
        let joiners = [" - ", " – ", " to ", "; ", " and ", ", "]
        var parts: [String] = []
        for _ in 0..<int(1...3) {
            switch int(0...9) {
            case 0...6: parts.append(dated())
            case 7: parts.append(yearless())
            default: parts.append(noise())
            }
        }
        if int(0...4) == 0 { parts.insert(pick(["by", "End", "from", "By end of", "w/c", "Monthly until"]), at: 0) }
        if int(0...5) == 0 { parts.append(pick(["onwards", "review", "(draft)", "ongoing"])) }
        var text = parts[0]
        for part in parts.dropFirst() { text += pick(joiners) + part }
        return (text, years())
    }

    private func years() -> Set<Int> {
        let fours = written.compactMap { if case .four(let y) = $0 { return y } else { return nil } }
        let nineteen = fours.contains { (1900...1999).contains($0) }
        let twenty = fours.contains { (2000...2199).contains($0) }
        var years = Set(fours)
        for item in written {
            switch item {
            case .four: break
            case .two(let yy):
                if nineteen { years.insert(1900 + yy) }
                if twenty || !nineteen { years.insert(2000 + yy) }
            case .pairNext(let year): years.insert(year)
            }
        }
        return years
    }

    private mutating func year() -> String {
        let year = int(1995...2030)
        if bool() {
            written.append(.four(year))
            return String(year)
        }
        written.append(.two(year % 100))
        return twoDigits(year)
    }

    private mutating func fourDigitYear() -> String {
        let year = int(1995...2030)
        written.append(.four(year))
        return String(year)
    }

    private func twoDigits(_ year: Int) -> String {
        let yy = year % 100
        return yy < 10 ? "0\(yy)" : "\(yy)"
    }

    /// "2008/09", "08-09", "FY 2008/09", "1999/00".
    private mutating func financialYear() -> String {
        let first = int(1995...2029)
        let separator = pick(["/", "-"])
        if bool() {
            written.append(.four(first))
            written.append(.pairNext(first + 1))
            return pick(["", "FY ", "financial year "]) + "\(first)\(separator)\(twoDigits(first + 1))"
        }
        written.append(.two(first % 100))
        written.append(.two((first + 1) % 100))
        return "\(twoDigits(first))\(separator)\(twoDigits(first + 1))"
    }

    private mutating func month() -> String { pick(pick(DueTextGenerator.monthNames)) }

    mutating func dated() -> String {
        switch int(0...12) {
        case 0: return "\(month()) \(year())"
        case 1: return "\(month())\(pick(["-", "/", " '"]))\(year())"
        case 12: return "\(month()), \(fourDigitYear())"
        case 2: return "\(int(1...28)) \(month()) \(year())"
        case 3: return "\(int(1...28)).\(int(1...12)).\(year())"
        case 4: return "\(int(1...9))-\(int(10...28)) \(month()) \(year())"
        case 5: return "Q\(int(1...4)) \(pick([true, false]) ? financialYear() : year())"
        case 6: return "\(pick(["Spring", "Summer", "Autumn"])) \(pick(["", "term "]))\(year())"
        case 7: return "\(pick(["Autumn term", "Spring term", "Summer term", "Winter"])) \(financialYear())"
        case 8: return financialYear()
        case 9: return "\(pick(["w/c", "week commencing", "w/b"])) \(int(1...24)) \(month()) \(year())"
        case 10: return fourDigitYear()
        default: return "\(month()) \(year())\(pick([" - ", " to "]))\(month()) \(year())"
        }
    }

    mutating func yearless() -> String {
        pick(["End July", "September", "3-7 March", "w/c 14 July", "19 th June", "Nov to Jan", "end of Sept."])
    }

    mutating func noise() -> String {
        let age = int(5...19)
        return pick([
            "\(age)-\(age + int(1...3)) year olds", "aged \(age)-\(age + 2)", "\(int(1...99))%",
            "£\(int(1...9)),\(int(100...999))",
            "\(int(2...40)) schools", "under-\(age)s", "\(age) to \(age + 2) year olds", "review", "report to Cabinet",
            "\(int(2...9)) staff trained",
        ])
    }
}
