import Foundation
import PlanImport
import PlanModel
import XCTest

/// A Word plan written the way councils write them, not by planmerge: a hand-written HTML
/// table that LibreOffice turns into a .docx. Its columns are named and ordered unlike
/// planmerge's; recommendations are merged rows; one cell has bullets, one a nested table
/// of milestones, one officer is merged over two rows; the table is split over a page (the
/// second part without its header) and a later table retypes its header.
final class CouncilWordTests: XCTestCase {
    static let html = """
        <html><head><meta charset="utf-8"><title>Anytown plan</title></head><body>
        <h1>Anytown Joint Area Review Action Plan</h1>
        <p>Inspection: Joint Area Review of Anytown</p>
        <h2>For immediate action</h2>
        <table border="1">
        <thead><tr><th>No.</th><th>Key actions</th><th>Lead agency</th><th>Lead officer</th><th>Target date</th>\
        <th>Outcomes</th><th>Progress</th></tr></thead>
        <tbody>
        <tr><td colspan="7"><b>Recommendation 1: Ensure that young people hear the findings of this report</b></td></tr>
        <tr><td>1.1</td><td>Publish a young people's summary of the report</td><td>Anytown Council</td>\
        <td rowspan="2">Jo Bloggs</td><td>End August 2008</td><td><ul><li>Summary published</li>\
        <li>Poster in every school</li></ul></td><td>Complete</td></tr>
        <tr><td>1.2</td><td>Open a blog page for comments</td><td>Anytown Council</td><td>September 2008</td>\
        <td>Blog page live</td><td>Draft agreed with the Youth Council in July</td></tr>
        <tr><td></td><td></td><td></td><td></td><td></td><td>Comments answered within a week</td><td></td></tr>
        <tr><td colspan="7"><b>Recommendation 2: Reduce the number of young people not in education, employment \
        or training</b></td></tr>
        <tr><td>2.1</td><td><p>Map provision for young people not in education</p><table border="1">\
        <tr><td>December 2008</td><td>Draft map</td></tr><tr><td>January 2009</td><td>Map agreed</td></tr></table></td>\
        <td>Anytown PCT</td><td>Sam Smith</td><td>Nov 08-Jan 09</td><td>Map agreed by the partnership</td>\
        <td>On track</td></tr>
        </tbody></table>
        <p style="page-break-before: always">Continued</p>
        <table border="1">
        <tr><td>2.2</td><td>Extend the mentoring scheme to every secondary school</td><td>Anytown Council</td>\
        <td>Ann Other</td><td>31.3.09</td><td>Every school has a mentor</td><td></td></tr>
        </table>
        <h2>For action over the next six months</h2>
        <table border="1">
        <tr><th>No.</th><th>Key actions</th><th>Lead agency</th><th>Lead officer</th><th>Target date</th>\
        <th>Outcomes</th><th>Progress</th></tr>
        <tr><td colspan="7"><b>Recommendation 3: Improve the evaluation of provision</b></td></tr>
        <tr><td>3.1</td><td>Audit the data held on pupils' progress</td><td>Anytown PCT</td><td>Sam Smith</td>\
        <td>December 2008</td><td>Audit report</td><td></td></tr>
        <tr><th>No.</th><th>Key actions</th><th>Lead agency</th><th>Lead officer</th><th>Target date</th>\
        <th>Outcomes</th><th>Progress</th></tr>
        <tr><td>3.2</td><td>Report the audit to the board</td><td>Anytown PCT</td><td>Sam Smith</td>\
        <td>January 2009</td><td>Board minutes</td><td></td></tr>
        </table>
        </body></html>
        """

    static let map = PartnerMap(
        defaultPartner: "anytown-council",
        names: ["anytown-council": "Anytown Council", "anytown-pct": "Anytown Primary Care Trust"],
        entries: ["Anytown Council": "anytown-council", "Anytown PCT": "anytown-pct"])

    nonisolated(unsafe) static var converted: SourceDocument?

    /// The document, converted once for the whole class.
    func councilDocument() throws -> SourceDocument {
        if let done = CouncilWordTests.converted { return done }
        let folder = try ImportFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("council.html")
        try Data(CouncilWordTests.html.utf8).write(to: html)
        let docx = try ImportFixture.convert(
            html, to: "docx:MS Word 2007 XML", extension: "docx", infilter: "HTML (StarWriter)")
        defer { try? FileManager.default.removeItem(at: docx.deletingLastPathComponent()) }
        let document = try PlanImporter.read(try Data(contentsOf: docx), file: "council.docx")
        CouncilWordTests.converted = document
        return document
    }

    func testEveryRowAccountedForWithItsPlace() throws {
        let document = try councilDocument()
        let imported = try ImportFixture.importFiles(
            [document], options: ImportOptions(authority: "Anytown Council", partnerMap: CouncilWordTests.map))
        let outcomes = imported.report.rows.map {
            "\($0.place): \($0.outcome.rawValue)" + ($0.ref.map { " \($0)" } ?? "")
        }
        XCTAssertEqual(
            outcomes,
            [
                "council.docx: table 1, row 1: header",
                "council.docx: table 1, row 2: heading",
                "council.docx: table 1, row 3: imported 1.1",
                "council.docx: table 1, row 4: imported 1.2",
                "council.docx: table 1, row 5: continuation 1.2",
                "council.docx: table 1, row 6: heading",
                "council.docx: table 1, row 7: imported 2.1",
                "council.docx: table 2, row 1: imported 2.2",
                "council.docx: table 3, row 1: header",
                "council.docx: table 3, row 2: heading",
                "council.docx: table 3, row 3: imported 3.1",
                "council.docx: table 3, row 4: header",
                "council.docx: table 3, row 5: imported 3.2",
            ])
        XCTAssertEqual(imported.report.rows.count, document.tables.flatMap(\.rows).count)
        XCTAssertEqual(imported.report.rows[11].notes, ["header row repeated"])
        XCTAssertEqual(
            imported.report.rows[7].notes,
            [
                "the table has no header row: read with the columns of "
                    + "the table above"
            ])
        XCTAssertEqual(
            imported.report.rows[3].notes,
            [
                "progress 'Draft agreed with the Youth Council in July' is not a status word: kept in the notes"
            ])
        XCTAssertTrue(imported.isComplete)
    }

    func testTheExpectedPlanComesOut() throws {
        let imported = try ImportFixture.importFiles(
            [try councilDocument()],
            options: ImportOptions(authority: "Anytown Council", partnerMap: CouncilWordTests.map))
        XCTAssertEqual(
            imported.files.keys.sorted(),
            [
                "sections/anytown-council/1.md", "sections/anytown-council/2.md", "sections/anytown-pct/2.md",
                "sections/anytown-pct/3.md",
            ])
        XCTAssertEqual(
            imported.files["sections/anytown-council/1.md"],
            """
            # Recommendation 1

            ## 1.1 Publish a young people's summary of the report
            Due: End August 2008
            Lead: Jo Bloggs
            Status: done
            Success: Summary published
            Success: Poster in every school

            ## 1.2 Open a blog page for comments
            Due: September 2008
            Lead: Jo Bloggs
            Success: Blog page live
            Success: Comments answered within a week

            ### Notes
            Progress: Draft agreed with the Youth Council in July

            """)
        XCTAssertEqual(
            imported.files["sections/anytown-pct/2.md"],
            """
            # Recommendation 2

            ## 2.1 Map provision for young people not in education
            Due: Nov 08-Jan 09
            Lead: Sam Smith
            Status: on track
            Success: Map agreed by the partnership
            Milestone: December 2008 | Draft map
            Milestone: January 2009 | Map agreed

            """)
        XCTAssertEqual(
            imported.files["sections/anytown-council/2.md"],
            """
            # Recommendation 2

            ## 2.2 Extend the mentoring scheme to every secondary school
            Due: 31.3.09
            Lead: Ann Other
            Success: Every school has a mentor

            """)
        XCTAssertEqual(
            imported.files["sections/anytown-pct/3.md"],
            """
            # Recommendation 3

            ## 3.1 Audit the data held on pupils' progress
            Due: December 2008
            Lead: Sam Smith
            Success: Audit report

            ## 3.2 Report the audit to the board
            Due: January 2009
            Lead: Sam Smith
            Success: Board minutes

            """)
        let (plan, diagnostics, folder) = try ImportFixture.writeAndLoad(imported)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), [])
        XCTAssertEqual(plan.manifest.title, "Anytown Joint Area Review Action Plan")
        XCTAssertEqual(plan.manifest.inspection.name, "Joint Area Review of Anytown")
        XCTAssertEqual(plan.manifest.recommendations.map(\.number), [1, 2, 3])
        XCTAssertEqual(plan.manifest.recommendations.map(\.timescale), ["immediate", "immediate", "six-months"])
        // Recommendation 2: one action each; the lead is the partner of the first.
        XCTAssertEqual(plan.manifest.recommendations.map(\.lead), ["anytown-council", "anytown-pct", "anytown-pct"])
        XCTAssertEqual(
            plan.manifest.recommendations[1].text,
            "Reduce the number of young people not in education, employment or training")
        XCTAssertEqual(plan.manifest.recommendations[1].partners, ["anytown-council"])
        XCTAssertEqual(plan.manifest.partners.map(\.name), ["Anytown Council", "Anytown Primary Care Trust"])
        XCTAssertEqual(plan.manifest.partners.map(\.officers), [["Jo Bloggs", "Ann Other"], ["Sam Smith"]])
    }

    func testMarkedHeaderRowsAndMergedCellsAsRead() throws {
        let table = try XCTUnwrap(try councilDocument().tables.first)
        XCTAssertTrue(table.rows[0].isMarkedHeader)  // <thead>: Word's "repeat as header row"
        XCTAssertEqual(table.rows[1].cells[0].span, 7)  // the merged recommendation row
        XCTAssertEqual(table.rows[3].text(3), "Jo Bloggs")  // merged down from the row above
        XCTAssertEqual(table.rows[2].text(5), "- Summary published\n- Poster in every school")
    }
}
