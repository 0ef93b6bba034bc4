import Foundation
import PlanModel
import XCTest

@testable import PlanRender

/// The files planmerge writes, read back by the programs people open them with: the XLSX by
/// openpyxl and by LibreOffice Calc, the iCalendar file by the `icalendar` package.
/// (scripts/import-tools installs them; the tests skip only when they are truly absent.)
final class RealReaderTests: XCTestCase {
    static let plans = ["Repos/leicester", "Repos/derby"]

    /// Runs `python3 -c script args...` and decodes its standard output as JSON; skips when
    /// python3 or `module` is missing.
    func python(_ script: String, module: String, _ arguments: [String]) throws -> Any {
        let check = try run("/usr/bin/env", ["python3", "-c", "import \(module)"])
        guard check.status == 0 else { throw XCTSkip("python3 with \(module) is not installed") }
        let result = try run("/usr/bin/env", ["python3", "-c", script] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ImportFixture.run(URL(fileURLWithPath: executable), arguments)
    }

    func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let folder = try ImportFixture.temporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    // MARK: XLSX

    /// openpyxl reads the "ref" and "due" columns: every cell a Python str equal to the plan's
    /// text (6.10 stays "6.10", "Nov 08-Jan 09" stays text), in the document's order.
    func testOpenpyxlReadsEveryRefAndDueTextAsTheSameString() throws {
        let script = """
            import json, sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            rows = list(sheet.iter_rows(values_only=True))
            head = list(rows[0])
            ref, due = head.index("ref"), head.index("due")
            print(json.dumps([[r[ref], type(r[ref]).__name__, r[due], type(r[due]).__name__] for r in rows[1:]]))
            """
        for path in Self.plans {
            let plan = try ImportFixture.loadPlan(path)
            let document = PlanDocument(plan: plan, context: RenderContext())
            let xlsx = try write(try XLSXRenderer.render(document), named: "plan.xlsx")
            let rows = try XCTUnwrap(try python(script, module: "openpyxl", [xlsx.path]) as? [[Any]])
            XCTAssertEqual(rows.count, plan.actions.count, path)
            for (row, expected) in zip(rows, document.actions) {
                let ref = expected.action.ref.description
                XCTAssertEqual(row[0] as? String, ref, "\(path): ref")
                XCTAssertEqual(row[1] as? String, "str", "\(path) \(ref): the ref is a \(row[1])")
                if let due = expected.action.due, !due.text.isEmpty {
                    XCTAssertEqual(row[2] as? String, due.text, "\(path) \(ref): due text")
                    XCTAssertEqual(row[3] as? String, "str", "\(path) \(ref): the due text is a \(row[3])")
                } else {
                    XCTAssertEqual(row[3] as? String, "NoneType", "\(path) \(ref): no due, empty cell")
                }
            }
        }
        let leicester = PlanDocument(plan: try ImportFixture.loadPlan("Repos/leicester"), context: RenderContext())
        XCTAssertTrue(leicester.actions.contains { $0.action.ref.description == "6.10" })
    }

    /// LibreOffice Calc opens the workbook and saves it as CSV: the refs are the plan's refs,
    /// as written (6.10 is not 6.1), and the due texts did not become dates.
    func testCalcConvertsTheWorkbookToCSVWithRefsIntact() throws {
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            head = rows[0]
            print(json.dumps([[r[head.index("ref")], r[head.index("due")]] for r in rows[1:]]))
            """
        for path in Self.plans {
            let plan = try ImportFixture.loadPlan(path)
            let document = PlanDocument(plan: plan, context: RenderContext())
            let xlsx = try write(try XLSXRenderer.render(document), named: "plan.xlsx")
            let csv = try ImportFixture.convert(xlsx, to: "csv:Text - txt - csv (StarCalc):44,34,76", extension: "csv")
            addTeardownBlock { try? FileManager.default.removeItem(at: csv.deletingLastPathComponent()) }
            let rows = try XCTUnwrap(try python(script, module: "csv", [csv.path]) as? [[String]])
            XCTAssertEqual(rows.map { $0[0] }, document.actions.map(\.action.ref.description), path)
            XCTAssertEqual(rows.map { $0[1] }, document.actions.map { $0.action.due?.text ?? "" }, path)
        }
    }

    // MARK: iCalendar

    /// The events a plan must give: one per action and per milestone whose due reads as a day,
    /// on that day (the end of a period).
    func expectedEvents(_ document: PlanDocument) -> [(summaryPrefix: String, day: String)] {
        document.actions.flatMap { row -> [(String, String)] in
            let a = row.action
            var out: [(String, String)] = []
            if let end = a.due?.end { out.append(("\(a.ref) \(a.text)", end.iso)) }
            for m in a.milestones { if let end = m.due.end { out.append(("\(a.ref) milestone: \(m.text)", end.iso)) } }
            return out
        }
    }

    /// `icalendar` parses the file: one VEVENT per dated action and milestone, all-day on the
    /// due day, the ref and text in the summary, unique UIDs that are the same in a second
    /// render made later.
    func testICalendarReadsOneEventPerDatedActionAndMilestoneWithStableUIDs() throws {
        let script = """
            import json, sys, icalendar
            out = []
            for name in sys.argv[1:]:
                cal = icalendar.Calendar.from_ical(open(name, "rb").read())
                assert cal.get("VERSION") == "2.0" and cal.get("PRODID")
                out.append([[str(e.get("UID")), e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat(),
                             str(e.get("SUMMARY")), type(e.decoded("DTSTART")).__name__, bool(e.get("DTSTAMP"))]
                            for e in cal.walk("VEVENT")])
            print(json.dumps(out))
            """
        for path in Self.plans {
            let plan = try ImportFixture.loadPlan(path)
            let document = PlanDocument(plan: plan, context: RenderContext())
            let first = try write(
                CalendarRenderer.render(document, stamp: Date(timeIntervalSince1970: 1_220_000_000)), named: "a.ics")
            let second = try write(CalendarRenderer.render(document, stamp: Date()), named: "b.ics")
            let parsed = try XCTUnwrap(
                try python(script, module: "icalendar", [first.path, second.path]) as? [[[Any]]])
            let expected = expectedEvents(document)
            XCTAssertGreaterThan(expected.count, 10, path)
            XCTAssertEqual(parsed[0].count, expected.count, path)
            for (event, want) in zip(parsed[0], expected) {
                XCTAssertEqual(event[1] as? String, want.day, "\(path): \(want.summaryPrefix)")
                XCTAssertEqual(event[3] as? String, want.summaryPrefix, path)
                XCTAssertEqual(event[4] as? String, "date", "\(path): an all-day event")
                XCTAssertEqual(event[5] as? Bool, true, "\(path): DTSTAMP")
                let day = try XCTUnwrap(Day(iso: want.day))
                XCTAssertEqual(event[2] as? String, day.adding(days: 1).iso, "\(path): DTEND is the next day")
            }
            let uids = parsed[0].compactMap { $0[0] as? String }
            XCTAssertEqual(Set(uids).count, uids.count, "\(path): UIDs are unique")
            XCTAssertEqual(parsed[1].compactMap { $0[0] as? String }, uids, "\(path): same UIDs in a later render")
        }
    }

    /// RFC 5545's lexical rules, on the bytes: CRLF only, no line over 75 octets, a fold
    /// never inside a UTF-8 character, and TEXT escaped.
    func testICalendarLinesAreFoldedAndEscaped() throws {
        let plan = try ImportFixture.loadPlan("Repos/leicester")
        let document = PlanDocument(plan: plan, context: RenderContext())
        let bytes = CalendarRenderer.render(document, stamp: Date(timeIntervalSince1970: 0))
        let text = try XCTUnwrap(String(bytes: bytes, encoding: .utf8))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        XCTAssertTrue(lines.allSatisfy { $0.utf8.count <= 75 }, "a line over 75 octets")
        XCTAssertTrue(lines.contains { $0.hasPrefix(" ") }, "long summaries are folded")
        XCTAssertTrue(text.contains("DTSTAMP:19700101T000000Z"))
        XCTAssertEqual(CalendarRenderer.escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
        let folded = String(
            decoding: CalendarRenderer.fold("SUMMARY:" + String(repeating: "é", count: 80)), as: UTF8.self)
        XCTAssertEqual(
            folded.replacingOccurrences(of: "\r\n ", with: ""), "SUMMARY:" + String(repeating: "é", count: 80) + "\r\n")
        XCTAssertTrue(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
