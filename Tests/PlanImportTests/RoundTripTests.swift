import Foundation
import PlanImport
import PlanModel
import PlanRender
import XCTest

/// What `render --format docx|xlsx|csv` writes, `import` reads back into the same plan.
final class RoundTripTests: XCTestCase {
    func testLeicesterDOCX() throws { try roundTrip("Repos/leicester", format: "docx") }
    func testLeicesterXLSX() throws { try roundTrip("Repos/leicester", format: "xlsx") }
    func testLeicesterCSV() throws { try roundTrip("Repos/leicester", format: "csv") }
    func testDerbyDOCX() throws { try roundTrip("Repos/derby", format: "docx") }
    func testDerbyXLSX() throws { try roundTrip("Repos/derby", format: "xlsx") }
    func testDerbyCSV() throws { try roundTrip("Repos/derby", format: "csv") }

    func roundTrip(_ relative: String, format: String) throws {
        let original = try ImportFixture.loadPlan(relative)
        // With the working notes (render --notes): the notes under actions come back too.
        let document = PlanDocument(plan: original, context: RenderContext(includeNotes: true))
        let bytes: [UInt8] =
            switch format {
            case "docx": try DOCXRenderer.render(document)
            case "xlsx": try XLSXRenderer.render(document)
            default: try CSVRenderer.render(document)
            }
        let source = try PlanImporter.read(Data(bytes), file: "plan.\(format)")
        let imported = try ImportFixture.importFiles(
            [source],
            options: ImportOptions(
                title: original.manifest.title, authority: original.manifest.authority,
                partnerMap: ImportFixture.partnerMap(for: original)))

        // Every source row accounted for, each once, and none left unplaced.
        let sourceRows = source.tables.flatMap(\.rows).map(\.place)
        XCTAssertEqual(imported.report.rows.map(\.place), sourceRows)
        XCTAssertEqual(imported.report.unplaced, [])
        XCTAssertEqual(imported.report.count(.imported), original.actions.count)
        XCTAssertTrue(imported.isComplete, "\(imported.diagnostics)")

        let (plan, diagnostics, folder) = try ImportFixture.writeAndLoad(imported)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), [])
        XCTAssertEqual(plan.manifest.policy.missing, .warning)
        XCTAssertEqual(plan.actions.map(ImportFixture.Compared.init), original.actions.map(ImportFixture.Compared.init))
        // Canonical: fmt --check finds nothing to rewrite.
        for (path, text) in imported.files {
            let parsed = SectionParser().parse(text, path: path)
            XCTAssertEqual(SectionFormatter.format(parsed.section), text, path)
        }
        if format == "docx" {  // "Actions in this group are due by ...": the groups' ends
            XCTAssertEqual(plan.manifest.timescales.map(\.end), original.manifest.timescales.map(\.end))
            XCTAssertEqual(plan.manifest.inspection, original.manifest.inspection)
        }
        // Recommendations keep their timescale group; DOCX also carries their text.
        for rec in original.manifest.recommendations {
            let back = try XCTUnwrap(plan.manifest.recommendation(rec.number))
            if format == "docx" {
                XCTAssertEqual(back.text, rec.text)
                XCTAssertEqual(back.timescale, rec.timescale)
                XCTAssertEqual(back.lead, rec.lead)
            } else {
                XCTAssertEqual(back.timescale, rec.timescale)
            }
        }
    }

    /// Text the CSV and XLSX writers neutralised against formula injection comes back as written.
    func testNeutralisedCellsReadBack() throws {
        var original = try ImportFixture.loadPlan("Repos/derby")
        var section = original.sections[0]
        section.actions[0].text = "=HYPERLINK(\"http://example.org\") is not a formula"
        section.actions[0].success = ["+5% attendance", "-2 exclusions", "'quoted' already", "@mention"]
        original.sections[0] = section
        // With the working notes (render --notes): the notes under actions come back too.
        let document = PlanDocument(plan: original, context: RenderContext(includeNotes: true))
        for (file, bytes) in [
            ("p.csv", try CSVRenderer.render(document)), ("p.xlsx", try XLSXRenderer.render(document)),
        ] {
            let imported = try ImportFixture.importFiles(
                [try PlanImporter.read(Data(bytes), file: file)],
                options: ImportOptions(partnerMap: ImportFixture.partnerMap(for: original)))
            let (plan, _, folder) = try ImportFixture.writeAndLoad(imported)
            defer { try? FileManager.default.removeItem(at: folder) }
            let back = try XCTUnwrap(plan.actions.first { $0.action.ref == section.actions[0].ref })
            XCTAssertEqual(back.action.text, section.actions[0].text, file)
            XCTAssertEqual(back.action.success, section.actions[0].success, file)
        }
    }
}
