import Foundation
import PlanModel
import XCTest
import ZIPFoundation

@testable import PlanRender

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The meeting, version history, trend and "moved since the last Cabinet" in every format.
final class VersionsRenderTests: XCTestCase {
    static let day = SamplePlan.day

    /// The sample plan as it was at the previous Cabinet: 1.1 not started, 1.2 on track.
    static var oldPlan: Plan {
        var sections = SamplePlan.sections
        sections[0].actions[0].status = .notStarted
        sections[0].actions[1].status = .onTrack
        return Plan(manifest: SamplePlan.manifest, sections: sections)
    }

    static var model: VersionsModel {
        let old = PlanFigures(plan: oldPlan, today: day("2008-07-01"))
        let now = PlanFigures(plan: SamplePlan.plan, today: day("2008-09-01"))
        return VersionsModel(
            meeting: .init(name: "Cabinet", date: day("2008-09-08"), item: "15"),
            versions: [
                .init(
                    name: "cabinet/2008-07-01", day: day("2008-07-01"),
                    meeting: .init(name: "Cabinet", date: day("2008-07-08"), item: "9"), figures: old, isCabinet: true),
                .init(
                    name: "cabinet/2008-09-01", day: day("2008-09-01"),
                    meeting: .init(name: "Cabinet", date: day("2008-09-08"), item: "15"), figures: now,
                    isCabinet: true),
            ],
            previous: "cabinet/2008-07-01", moved: PlanDiff(from: oldPlan, to: SamplePlan.plan))
    }

    /// The version history's rows: name, day, meeting, actions, overdue as of the version's day.
    static var historyRows: [[String]] {
        [
            [
                "Version 1", "1 July 2008", "Cabinet, 8 July 2008, item 9", "\(SamplePlan.plan.actions.count)",
                "\(PlanFigures(plan: oldPlan, today: day("2008-07-01")).overdue)",
            ],
            [
                "Version 2", "1 September 2008", "Cabinet, 8 September 2008, item 15",
                "\(SamplePlan.plan.actions.count)",
                "\(PlanFigures(plan: SamplePlan.plan, today: day("2008-09-01")).overdue)",
            ],
        ]
    }

    static var document: PlanDocument {
        var context = SamplePlan.context
        context.versions = model
        return PlanDocument(plan: SamplePlan.plan, context: context)
    }

    func testTheHTMLPaperHasTheMeetingHistoryTrendAndMoves() throws {
        let html = HTMLRenderer.render(Self.document)
        XCTAssertTrue(html.contains("<dt>Meeting:</dt> <dd>Cabinet, 8 September 2008, item 15</dd>"), "cover")
        let footer = try XCTUnwrap(
            html.range(of: "<footer class=\"generated\">").map { String(html[$0.lowerBound...]) })
        XCTAssertTrue(footer.contains("for Cabinet, 8 September 2008, item 15"), footer)

        XCTAssertEqual(
            rows(html, table: "versions"),
            Self.historyRows)
        let trend = rows(html, table: "trend-table")
        XCTAssertEqual(trend.map(\.first), ["Version 1, 1 July 2008", "Version 2, 1 September 2008"])
        // Not started, On track, At risk, Off track, Done, No status, Total.
        let old = PlanFigures(plan: Self.oldPlan, today: nil).byStatus.map { "\($0.count)" }
        let now = PlanFigures(plan: SamplePlan.plan, today: nil).byStatus.map { "\($0.count)" }
        XCTAssertEqual(trend.map { Array($0.dropFirst().dropLast()) }, [old, now])
        XCTAssertNotEqual(old, now)
        XCTAssertTrue(html.contains("<svg class=\"trend-chart\" role=\"img\" aria-labelledby=\"trend-caption\""))
        XCTAssertTrue(html.contains("<title>Version 2, 1 September 2008: Done \(now[4])</title>"), "a bar per status")

        let moved = rows(html, table: "moved")
        XCTAssertEqual(
            moved,
            [
                ["1.1", "Sampletown City Council", "Status: Not started → On track"],
                ["1.2", "Sampletown City Council", "Status: On track → Done"],
            ])
    }

    /// The contents list the new sections, linked, in both formats.
    func testTheContentsLinkToTheHistorySections() throws {
        let html = HTMLRenderer.render(Self.document)
        for (anchor, title) in [
            ("moved-since", "Moved since the last Cabinet"), ("version-history", "Version history"), ("trend", "Trend"),
        ] {
            XCTAssertTrue(html.contains("<li><a href=\"#\(anchor)\">\(title)</a></li>"), anchor)
            XCTAssertTrue(html.contains("id=\"\(anchor)\""), anchor)
        }
        let contents = DOCXContents(Self.document)
        let titles = contents.entries.map(\.text)
        let summary = try XCTUnwrap(titles.firstIndex(of: "Summary"))
        XCTAssertEqual(
            Array(titles[(summary + 1)...].prefix(4)),
            ["Moved since the last Cabinet", "Version history", "Trend", "Timeline of due dates"])
        let archive = try Archive(data: Data(try DOCXRenderer.render(Self.document)), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try XCTUnwrap(archive["word/document.xml"]), consumer: { data.append($0) })
        let body = String(decoding: data, as: UTF8.self)
        for anchor in ["moved-since", "version-history", "trend"] {
            let bookmark = try XCTUnwrap(contents.bookmark(anchor))
            XCTAssertTrue(body.contains("w:name=\"\(bookmark.name)\""), anchor)
        }
    }

    /// The tags' names are tool words: the paper names versions by their place and day,
    /// and prints the names only with `render --notes`.
    func testTagNamesAppearOnlyWithNotes() throws {
        XCTAssertFalse(HTMLRenderer.render(Self.document).contains("cabinet/"))
        XCTAssertFalse(MarkdownRenderer.render(Self.document).contains("cabinet/"))
        var noted = Self.document
        noted.includesNotes = true
        let html = HTMLRenderer.render(noted)
        XCTAssertEqual(rows(html, table: "versions").map(\.first), ["cabinet/2008-07-01", "cabinet/2008-09-01"])
        XCTAssertTrue(html.contains("Changes since cabinet/2008-07-01 (1 July 2008): 2 action(s)."), html)
    }

    func testTheDOCXPaperDrawsTheHistoryTrendAndMovesNatively() throws {
        let archive = try Archive(data: Data(try DOCXRenderer.render(Self.document)), accessMode: .read)
        func part(_ path: String) throws -> Data {
            var data = Data()
            _ = try archive.extract(try XCTUnwrap(archive[path]), consumer: { data.append($0) })
            return data
        }
        let tables = try WordTables.read(try part("word/document.xml"))
        let history = try XCTUnwrap(tables.first { $0.first?.map(\.text).prefix(2) == ["Version", "As of"] })
        XCTAssertEqual(
            history.dropFirst().map { $0.map(\.text) },
            Self.historyRows)
        // The chart: one row per version, its bar a run of cells in the status colours.
        let chart = try XCTUnwrap(tables.first { $0.first?.count == DOCXVersions.barColumns + 2 })
        let now = PlanFigures(plan: SamplePlan.plan, today: nil)
        let bar = chart[2].dropFirst().dropLast().compactMap(\.fill)
        XCTAssertEqual(chart[2].first?.text, "Version 2, 1 September 2008")
        XCTAssertEqual(chart[2].last?.text, "\(now.actions)")
        let coloured = now.byStatus.filter { $0.count > 0 }.map { DisplayText.statusColour($0.status) }
        XCTAssertEqual(bar.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }, coloured)
        let doneShare = Double(now.byStatus[4].count) * Double(DOCXVersions.barCells) / Double(now.actions)
        XCTAssertEqual(bar.filter { $0 == DisplayText.statusColour(.done) }.count, max(1, Int(doneShare.rounded())))
        let figures = try XCTUnwrap(tables.first { $0.first?.last?.text == "Total" && $0.first?.count == 8 })
        XCTAssertEqual(
            figures.last?.map(\.text),
            ["Version 2, 1 September 2008"] + now.byStatus.map { "\($0.count)" } + ["\(now.actions)"])

        let moved = try XCTUnwrap(tables.first { $0.first?.map(\.text) == ["Action", "Partner", "Change"] })
        XCTAssertEqual(
            moved.dropFirst().map { $0.map(\.text) },
            [
                ["1.1", "Sampletown City Council", "Status: Not started → On track"],
                ["1.2", "Sampletown City Council", "Status: On track → Done"],
            ])
        let body = String(decoding: try part("word/document.xml"), as: UTF8.self)
        XCTAssertTrue(
            body.contains(">Meeting: </w:t></w:r><w:r><w:t xml:space=\"preserve\">Cabinet, 8 September 2008, item 15<"))
        // The two white statuses are patterned, and a bar's cells have no borders between them.
        XCTAssertTrue(body.contains("<w:shd w:val=\"pct20\" w:color=\"7F7F7F\" w:fill=\"FFFFFF\"/>"), "no status")
        XCTAssertTrue(body.contains("<w:shd w:val=\"ltDiagStripe\" w:color=\"7F7F7F\" w:fill=\"FFFFFF\"/>"), "key")
        XCTAssertTrue(body.contains("<w:tcBorders><w:left w:val=\"nil\"/><w:right w:val=\"nil\"/></w:tcBorders>"))
        let footer = String(decoding: try part("word/footer1.xml"), as: UTF8.self)
        XCTAssertTrue(footer.contains("for Cabinet, 8 September 2008, item 15"), footer)
    }

    func testMarkdownAndJSONCarryTheHistoryAsData() throws {
        let md = MarkdownRenderer.render(Self.document)
        XCTAssertTrue(md.contains("| 1.2 | Sampletown City Council | Status: On track → Done |"), md)
        XCTAssertTrue(md.contains("| Version 1 | 1 July 2008 | Cabinet, 8 July 2008, item 9 |"), md)
        let json =
            try JSONSerialization.jsonObject(with: Data(try JSONRenderer.render(Self.document).utf8)) as? [String: Any]
        let versions = try XCTUnwrap(json?["versions"] as? [String: Any])
        let history = try XCTUnwrap(versions["history"] as? [[String: Any]])
        XCTAssertEqual(history.map { $0["name"] as? String }, ["cabinet/2008-07-01", "cabinet/2008-09-01"])
        XCTAssertEqual(
            (history[1]["byStatus"] as? [String: Int])?["done"],
            PlanFigures(plan: SamplePlan.plan, today: nil).byStatus[4].count)
        let moved = try XCTUnwrap(versions["movedSince"] as? [String: Any])
        XCTAssertEqual(moved["version"] as? String, "cabinet/2008-07-01")
        XCTAssertEqual((moved["actions"] as? [[String: Any]])?.map { $0["ref"] as? String }, ["1.1", "1.2"])
        XCTAssertEqual((versions["meeting"] as? [String: Any])?["item"] as? String, "15")
        // Without a history (a folder), the key is null and no section is drawn.
        let plain =
            try JSONSerialization.jsonObject(with: Data(try JSONRenderer.render(SamplePlan.document).utf8))
            as? [String: Any]
        XCTAssertTrue(plain?["versions"] is NSNull)
        XCTAssertFalse(HTMLRenderer.render(SamplePlan.document).contains("Version history"))
    }

    /// The body rows of the HTML table with `class`, each cell's text (tags removed).
    func rows(_ html: String, table name: String) -> [[String]] {
        guard let start = html.range(of: "<table class=\"\(name)\">"),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex),
            let body = html.range(of: "<tbody>", range: start.upperBound..<end.lowerBound)
        else { return [] }
        let text = String(html[body.upperBound..<end.lowerBound])
        let cell = try! NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>")
        let tag = try! NSRegularExpression(pattern: "<[^>]+>")
        return text.components(separatedBy: "</tr>").compactMap { row -> [String]? in
            let cells = cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match -> String in
                let inner = String(row[Range(match.range(at: 1), in: row)!])
                return tag.stringByReplacingMatches(
                    in: inner, range: NSRange(inner.startIndex..., in: inner), withTemplate: ""
                ).replacingOccurrences(of: "&amp;", with: "&")
            }
            return cells.isEmpty ? nil : cells
        }
    }
}

/// The tables of a `word/document.xml`: rows of cells, each its text and fill colour.
enum WordTables {
    struct Cell {
        var text: String
        var fill: String?
    }

    static func read(_ data: Data) throws -> [[[Cell]]] {
        let document = try XMLDocument(data: data)
        return try document.nodes(forXPath: "//*[local-name()='tbl']").map { table in
            try table.nodes(forXPath: "./*[local-name()='tr']").map { row in
                try row.nodes(forXPath: "./*[local-name()='tc']").map { cell in
                    let text = try cell.nodes(forXPath: ".//*[local-name()='t']").compactMap(\.stringValue).joined()
                    let fill = try cell.nodes(forXPath: "./*[local-name()='tcPr']/*[local-name()='shd']").first
                        .flatMap { ($0 as? XMLElement)?.attribute(forName: "w:fill")?.stringValue }
                    return Cell(text: text, fill: fill)
                }
            }
        }
    }
}
