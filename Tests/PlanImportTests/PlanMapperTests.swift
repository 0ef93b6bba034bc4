import PlanImport
import PlanModel
import XCTest

/// The mapper's rules on tables built in code: what each row becomes, and why.
final class PlanMapperTests: XCTestCase {
    func table(_ rows: [[String]], marked: Set<Int> = [], name: String = "table 1") -> SourceItem {
        .table(
            SourceTable(
                name: name,
                rows: rows.enumerated().map { i, cells in
                    SourceRow(
                        place: "plan.docx: \(name), row \(i + 1)", cells: cells.map { SourceCell($0) },
                        isMarkedHeader: marked.contains(i))
                }))
    }

    func importItems(_ items: [SourceItem], map: PartnerMap? = nil) throws -> ImportedPlan {
        try ImportFixture.importFiles(
            [SourceDocument(file: "plan.docx", items: items)],
            options: ImportOptions(authority: "Derby City Council", partnerMap: map))
    }

    func testRowsWithoutReferencesAndPlainNumbers() throws {
        let imported = try importItems([
            .paragraph(
                "Recommendation 4: Ensure that all looked after children have qualified social "
                    + "workers", heading: 2),
            table(
                [
                    ["Area", "Comments"],
                    ["Ref", "Action", "Lead officer", "Timescale"],
                    ["1", "Convert posts to qualified posts", "Andy Smith", "October 2008"],
                    ["", "Recruit two social workers", "Andy Smith", "December 2008"],
                    ["", "", "", "ongoing"],
                    ["4.3", "Review allocation monthly", "Andy Smith", "monthly"],
                    ["", "", "", ""],
                ], marked: [0]),
        ])
        let rows = imported.report.rows
        XCTAssertEqual(
            rows.map(\.outcome), [.skipped, .header, .imported, .imported, .continuation, .imported, .skipped])
        XCTAssertEqual(rows.map(\.ref), [nil, nil, "4.1", "4.1a", "4.1a", "4.3", nil])
        XCTAssertEqual(
            rows[0].notes,
            [
                "a row Word repeats as a header on each page, but its headings name no action column: Area | Comments"
            ])
        XCTAssertEqual(rows[2].notes, ["reference '1' read as 4.1 (recommendation 4)"])
        XCTAssertEqual(rows[3].notes, ["no reference in the source: given 4.1a"])
        XCTAssertEqual(rows[6].notes, ["empty row"])
        XCTAssertEqual(
            imported.files["sections/derby-city-council/4.md"],
            """
            # Recommendation 4

            ## 4.1 Convert posts to qualified posts
            Due: October 2008
            Lead: Andy Smith

            ## 4.1a Recruit two social workers
            Due: December 2008
            Lead: Andy Smith

            ### Notes
            Due: ongoing

            ## 4.3 Review allocation monthly
            Due: monthly
            Lead: Andy Smith

            """)
    }

    func testRecommendationAndPartnerColumnsAndTheMap() throws {
        let map = PartnerMap(
            defaultPartner: "dcc", names: ["dcc": "Derby City Council"],
            entries: ["Derby Police": "police", "Jo Bloggs": "pct"])
        let imported = try importItems(
            [
                table([
                    ["Recommendation", "Timescale", "Action", "Agency", "Lead", "Due date"],
                    [
                        "Improve the evaluation of provision", "For action over the next six months", "Audit the data",
                        "Derby Police", "Sam Smith", "May 2008",
                    ],
                    ["Improve the evaluation of provision", "", "Report to the board", "", "Jo Bloggs", "June 2008"],
                    ["R2: Reduce offending", "immediate", "Agree a protocol", "Derby Youth Service", "", "July 2008"],
                    ["", "", "", "", "", ""],
                ])
            ], map: map)
        let rows = imported.report.rows
        XCTAssertEqual(rows.map(\.outcome), [.header, .imported, .imported, .imported, .skipped])
        XCTAssertEqual(rows.map(\.partner), [nil, "police", "pct", "derby-youth-service", nil])
        XCTAssertEqual(
            rows[1].notes,
            [
                "the recommendation has no number in the source: numbered 1",
                "no reference in the source: given 1.1",
            ])
        XCTAssertEqual(
            rows[3].notes,
            [
                "no reference in the source: given 2.1",
                "partner 'Derby Youth Service' is not in the map: id "
                    + "'derby-youth-service' made from the name",
            ])
        let (plan, diagnostics, folder) = try ImportFixture.writeAndLoad(imported)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), [])
        XCTAssertEqual(
            plan.manifest.recommendations.map(\.text), ["Improve the evaluation of provision", "Reduce offending"])
        XCTAssertEqual(plan.manifest.recommendations.map(\.timescale), ["six-months", "immediate"])
        XCTAssertEqual(plan.manifest.partners.map(\.id), ["police", "pct", "derby-youth-service"])
        XCTAssertEqual(plan.manifest.partners.map(\.name), ["Derby Police", "pct", "Derby Youth Service"])
    }

    func testARowWithNothingToBelongToIsNotPlaced() throws {
        let imported = try importItems([
            table([
                ["Ref", "Action", "Lead"],
                ["", "", "Jo Bloggs"],
                ["", "Agree the plan", "Jo Bloggs"],
            ])
        ])
        XCTAssertEqual(imported.report.rows.map(\.outcome), [.header, .unplaced, .unplaced])
        XCTAssertEqual(
            imported.report.rows[1].notes,
            [
                "no reference and no action text, and no action above to "
                    + "continue"
            ])
        XCTAssertEqual(
            imported.report.rows[2].notes,
            [
                "no recommendation: no reference N.M, no recommendation column and no 'Recommendation N' heading or "
                    + "merged row above"
            ])
        XCTAssertFalse(imported.isComplete)
    }

    /// A plan laid out as forms (a label beside each value) has no action table: the rows
    /// are skipped with the reason and the import fails rather than write an empty plan.
    func testNoActionTableFails() throws {
        let imported = try importItems([
            table([
                ["The action to be taken", "- Develop a poster"],
                ["Timescale / milestones", "April 2008"],
            ])
        ])
        XCTAssertEqual(imported.report.rows.map(\.outcome), [.skipped, .skipped])
        XCTAssertEqual(
            imported.report.notes.first,
            "no action was found: planmerge reads tables with one action per row "
                + "under a header row that names the action column (docs/IMPORT.md)")
        XCTAssertFalse(imported.isComplete)
    }

    func testHeaderWordsInAnyOrder() {
        XCTAssertEqual(ColumnRole(header: "Success criteria/milestones"), .field(.success))
        XCTAssertEqual(ColumnRole(header: "Lead officer (service)"), .field(.lead))
        XCTAssertEqual(ColumnRole(header: "RAG"), .field(.status))
        XCTAssertEqual(ColumnRole(header: "Progress"), .field(.status))
        XCTAssertEqual(ColumnRole(header: "Progress update"), .notes)
        XCTAssertEqual(ColumnRole(header: "Ref."), .ref)
        XCTAssertEqual(ColumnRole(header: "The action to be taken"), .text)
        XCTAssertEqual(ColumnRole(header: "Monitoring and evaluation"), .field(.monitoring))
        XCTAssertEqual(ColumnRole(header: "Budget"), .other("Budget"))
    }
}
