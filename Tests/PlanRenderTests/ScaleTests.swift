import Foundation
import PlanModel
import PlanRender
import XCTest
import ZIPFoundation

/// A Leicester-sized plan (16 recommendations, 160 actions, 10 partners) renders in every
/// format with well-formed SVG and DOCX parts. Not timed: this guards layout, not speed.
final class ScaleTests: XCTestCase {
    static func leicesterSized() -> Plan {
        let partners = (1...10).map { Partner(id: "partner-\($0)", name: "Partner body \($0)") }
        let recs = (1...16).map { n in
            Recommendation(
                number: n, text: "Recommendation text \(n)",
                timescale: n <= 5 ? "immediate" : n <= 14 ? "six-months" : "longer-term",
                lead: partners[n % 10].id)
        }
        let start = Day(iso: "2008-06-01")!
        let sections = (1...16).flatMap { n in
            (0..<2).map { half in
                let partner = partners[(n + half) % 10].id
                let actions = (1...5).map { i -> Action in
                    let item = half * 5 + i
                    let end = start.adding(days: (n * 37 + item * 23) % 600)
                    let due =
                        item % 3 == 0
                        ? DueDate(text: "period", kind: .period, start: end.adding(days: -90), end: end)
                        : item % 7 == 0
                            ? DueDate(text: "ongoing", kind: .open, open: .ongoing)
                            : DueDate(text: end.iso, kind: .date, start: end, end: end)
                    return Action(
                        ref: ActionRef(recommendation: n, item: item), text: "Action \(n).\(item)", due: due,
                        leads: ["Officer \(item)"], status: ActionStatus.allCases[item % 5])
                }
                return SectionFile(
                    path: "sections/\(partner)/\(n).md", partner: partner, recommendation: n, actions: actions)
            }
        }
        let manifest = Manifest(
            title: "Leicester-sized plan", authority: "A Council",
            inspection: Inspection(name: "Joint Area Review", published: Day(iso: "2008-06-03")),
            committees: [Committee(name: "Cabinet", date: Day(iso: "2008-09-01")!)],
            timescales: SamplePlan.manifest.timescales, recommendations: recs, partners: partners)
        return Plan(manifest: manifest, sections: sections)
    }

    func testRendersEveryFormatWellFormed() throws {
        let doc = PlanDocument(
            plan: Self.leicesterSized(),
            context: RenderContext(today: Day(iso: "2008-11-01"), deadline: Day(iso: "2008-09-12")))
        XCTAssertEqual(doc.actions.count, 160)
        let html = HTMLRenderer.render(doc)
        let svgStart = try XCTUnwrap(html.range(of: "<svg"))
        let svgEnd = try XCTUnwrap(html.range(of: "</svg>"))
        let svg = String(html[svgStart.lowerBound..<svgEnd.upperBound])
        XMLCheck.parse(Data(svg.utf8), "timeline SVG")
        if let out = ProcessInfo.processInfo.environment["PLANMERGE_SVG_OUT"] {
            try svg.write(toFile: out, atomically: true, encoding: .utf8)
        }

        let archive = try Archive(data: Data(try DOCXRenderer.render(doc)), accessMode: .read)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            XMLCheck.parse(data, entry.path)
        }
        XCTAssertEqual(try CSVRenderer.render(doc).filter { $0 == 0x0A }.count, 161)
        XCTAssertFalse(MarkdownRenderer.render(doc).isEmpty)
        XCTAssertFalse(try JSONRenderer.render(doc).isEmpty)
    }
}
