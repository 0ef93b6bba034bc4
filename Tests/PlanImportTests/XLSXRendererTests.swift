import Foundation
import PlanImport
import PlanModel
import PlanRender
import XCTest
import ZIPFoundation

/// `render --format xlsx`: text cells for references and due texts, real date cells, a
/// status list, a frozen header with an autofilter; LibreOffice Calc opens it.
final class XLSXRendererTests: XCTestCase {
    func sheetXML() throws -> (sheet: String, styles: String, actions: Int) {
        let plan = try ImportFixture.loadPlan("Repos/leicester")
        let bytes = try XLSXRenderer.render(PlanDocument(plan: plan, context: RenderContext()))
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        func part(_ path: String) throws -> String {
            var out = Data()
            _ = try archive.extract(try XCTUnwrap(archive[path], path)) { out.append($0) }
            return String(decoding: out, as: UTF8.self)
        }
        return (try part("xl/worksheets/sheet1.xml"), try part("xl/styles.xml"), plan.actions.count)
    }

    func testReferencesAndDueTextsAreTextAndDatesAreDates() throws {
        let (sheet, styles, count) = try sheetXML()
        // 6.10 is a text cell (never the number 6.1); its due text too.
        XCTAssertNotNil(
            sheet.range(
                of: #"<c r="A\d+" s="3" t="inlineStr"><is><t xml:space="preserve">6.10</t>"#,
                options: .regularExpression))
        XCTAssertFalse(sheet.contains("<v>6.1</v>"))
        // Due start and due end (columns I and J) are date cells with the date style.
        XCTAssertTrue(sheet.contains("<c r=\"J2\" s=\"1\"><v>"))
        XCTAssertTrue(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"d mmm yyyy\"/>"))
        XCTAssertTrue(
            sheet.contains(
                "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                    + "state=\"frozen\"/>"))
        XCTAssertTrue(sheet.contains("<autoFilter ref=\"A1:Y\(count + 1)\"/>"))
        XCTAssertTrue(
            sheet.contains(
                "sqref=\"N2:N\(count + 1)\"><formula1>\"not started,on track,at risk,off "
                    + "track,done\"</formula1>"))
    }

    /// Calc opens the workbook and saves it again: dates are still the same days, references
    /// still text, and the import gives the same actions.
    func testCalcResavedWorkbookImportsToTheSamePlan() throws {
        let plan = try ImportFixture.loadPlan("Repos/derby")
        let bytes = try XLSXRenderer.render(PlanDocument(plan: plan, context: RenderContext()))
        let folder = try ImportFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = folder.appendingPathComponent("derby.xlsx")
        try Data(bytes).write(to: xlsx)
        let resaved = try ImportFixture.convert(xlsx, to: "xlsx:Calc MS Excel 2007 XML", extension: "xlsx")
        defer { try? FileManager.default.removeItem(at: resaved.deletingLastPathComponent()) }
        let document = try PlanImporter.read(try Data(contentsOf: resaved), file: "derby.xlsx")
        let rows = try XCTUnwrap(document.tables.first).rows
        XCTAssertEqual(rows.count, plan.actions.count + 1)
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        let index = try XCTUnwrap(plan.actions.firstIndex { $0.action.due?.end != nil })
        let end = try XCTUnwrap(plan.actions[index].action.due?.end)
        XCTAssertEqual(rows[index + 1].text(0), plan.actions[index].action.ref.description)
        XCTAssertFalse(rows[index + 1].cells[0].isNumber)
        XCTAssertTrue(rows[index + 1].cells[9].isDate)
        XCTAssertEqual(rows[index + 1].text(9), "\(end.day) \(months[end.month - 1]) \(end.year)")

        let imported = try ImportFixture.importFiles(
            [document], options: ImportOptions(partnerMap: ImportFixture.partnerMap(for: plan)))
        XCTAssertTrue(imported.isComplete)
        let (back, _, out) = try ImportFixture.writeAndLoad(imported)
        defer { try? FileManager.default.removeItem(at: out) }
        XCTAssertEqual(back.actions.map(ImportFixture.Compared.init), plan.actions.map(ImportFixture.Compared.init))
    }
}
