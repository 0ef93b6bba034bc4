import Foundation
import PlanImport
import PlanModel
import XCTest
import ZIPFoundation

/// Spreadsheets as people save them: LibreOffice Calc's .xlsx (typed date cells, references
/// stored as numbers), and CSV in every encoding and delimiter Excel writes.
final class SpreadsheetImportTests: XCTestCase {
    /// A CSV typed into Calc and saved as .xlsx: Calc stores 6.1, 6.2 and 6.10 as numbers
    /// (6.10 becomes 6.1) and the ISO dates as date cells.
    nonisolated(unsafe) static var converted: SourceDocument?

    func calcWorkbook() throws -> SourceDocument {
        if let done = SpreadsheetImportTests.converted { return done }
        let folder = try ImportFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("calc.csv")
        try Data(
            """
            Ref,Action,Lead officer,Due date,Success criteria,RAG status
            6.1,Agree the strategy,Janis Warren,2008-09-30,Strategy agreed,On track
            6.2,Consult parents,Janis Warren,2008-10-31,Consultation report,
            6.10,Review the strategy,Janis Warren,2009-03-31,Review published,Not started

            """.utf8
        ).write(to: csv)
        let xlsx = try ImportFixture.convert(csv, to: "xlsx", extension: "xlsx")
        defer { try? FileManager.default.removeItem(at: xlsx.deletingLastPathComponent()) }
        let document = try PlanImporter.read(try Data(contentsOf: xlsx), file: "calc.xlsx")
        SpreadsheetImportTests.converted = document
        return document
    }

    func testCalcDateCellsAndNumberReferences() throws {
        let sheet = try XCTUnwrap(try calcWorkbook().tables.first)
        XCTAssertEqual(sheet.name, "calc")
        XCTAssertEqual(sheet.rows.map(\.place), ["calc!A1", "calc!A2", "calc!A3", "calc!A4"])
        XCTAssertEqual(sheet.rows[1].cells[3], SourceCell("30 September 2008", isDate: true))
        XCTAssertEqual(sheet.rows[3].cells[3], SourceCell("31 March 2009", isDate: true))
        XCTAssertEqual(sheet.rows[3].cells[0], SourceCell("6.1", isNumber: true))  // what Calc kept of "6.10"
    }

    func testANumberReferenceIsReportedNotSilentlyMisread() throws {
        let imported = try ImportFixture.importFiles(
            [try calcWorkbook()], options: ImportOptions(authority: "Leicester City Council"))
        let rows = imported.report.rows
        XCTAssertEqual(rows.map(\.outcome), [.header, .imported, .imported, .unplaced])
        XCTAssertEqual(rows[3].ref, "6.1")
        XCTAssertEqual(
            rows[3].notes,
            [
                "the reference was stored as a number and reads 6.1; if the plan wrote 6.10 (or another trailing zero), "
                    + "correct it and import again",
                "reference 6.1 is already used by calc!A2",
            ])
        XCTAssertTrue(rows[1].notes[0].hasPrefix("the reference was stored as a number and reads 6.1"))
        XCTAssertFalse(imported.isComplete)
    }

    func testCalcDatesBecomeDueDates() throws {
        var document = try calcWorkbook()
        guard case .table(var sheet) = document.items[0] else { return XCTFail("no sheet") }
        sheet.rows.removeLast()  // the 6.10 row, which the test above covers
        document.items = [.table(sheet)]
        let imported = try ImportFixture.importFiles(
            [document], options: ImportOptions(authority: "Leicester City Council"))
        XCTAssertTrue(imported.isComplete)
        XCTAssertEqual(
            imported.files["sections/leicester-city-council/6.md"],
            """
            # Recommendation 6

            ## 6.1 Agree the strategy
            Due: 30 September 2008
            Lead: Janis Warren
            Status: on track
            Success: Strategy agreed

            ## 6.2 Consult parents
            Due: 31 October 2008
            Lead: Janis Warren
            Success: Consultation report

            """)
        let (plan, _, folder) = try ImportFixture.writeAndLoad(imported)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(plan.actions.map { $0.action.due?.end?.iso }, ["2008-09-30", "2008-10-31"])
    }

    // MARK: CSV

    static let expectedRows = [
        ["Ref", "Action", "Lead", "Due"],
        ["1.1", "Consult the Youth Council, \"Voices\"\nthen report", "Zoë Brontë", "September 2008"],
    ]

    func cells(_ document: SourceDocument) -> [[String]] {
        document.tables.flatMap(\.rows).map { $0.cells.map(\.text) }
    }

    func testCSVUTF8WithBOMAndExcelQuoting() throws {
        let text =
            "Ref,Action,Lead,Due\r\n1.1,\"Consult the Youth Council, \"\"Voices\"\"\r\nthen report\",Zoë "
            + "Brontë,September 2008\r\n"
        let document = try PlanImporter.read(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), file: "plan.csv")
        XCTAssertEqual(cells(document), SpreadsheetImportTests.expectedRows)
        XCTAssertEqual(document.tables[0].rows.map(\.place), ["plan.csv: row 1", "plan.csv: row 2"])
    }

    func testCSVWindows1252SemicolonsAsExcelSavesThemInTheUK() throws {
        let text =
            "Ref;Action;Lead;Due\r\n1.1;\"Consult the Youth Council, \"\"Voices\"\"\r\nthen report\";Zoë "
            + "Brontë;September 2008\r\n"
        let bytes = try XCTUnwrap(text.data(using: .windowsCP1252))
        XCTAssertNil(String(data: bytes, encoding: .utf8))  // really not UTF-8: ë is one byte, 0xEB
        XCTAssertEqual(cells(try PlanImporter.read(bytes, file: "plan.csv")), SpreadsheetImportTests.expectedRows)
    }

    func testExcelUnicodeTextIsUTF16WithTabs() throws {
        let text =
            "Ref\tAction\tLead\tDue\r\n1.1\t\"Consult the Youth Council, \"\"Voices\"\"\r\nthen "
            + "report\"\tZoë Brontë\tSeptember 2008\r\n"
        let bytes = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        XCTAssertEqual(cells(try PlanImporter.read(bytes, file: "plan.txt")), SpreadsheetImportTests.expectedRows)
    }

    func testTSV() throws {
        let text =
            "Ref\tAction\tLead\tDue\n1.1\t\"Consult the Youth Council, \"\"Voices\"\"\nthen report\"\tZoë "
            + "Brontë\tSeptember 2008\n"
        XCTAssertEqual(
            cells(try PlanImporter.read(Data(text.utf8), file: "plan.tsv")), SpreadsheetImportTests.expectedRows)
    }

    func testHeadersInAnyOrderAndWording() throws {
        let text = """
            Progress,Success criteria/milestones,Responsible officer,Timescale,Actions,Ref.,Recommendation,Comments
            Completed,Poster printed,Paul Vaughan,July 2008,Print the poster,1.1,1,Printed by the council's print unit
            "Waiting for the board, due to meet in May",Board agrees,Paul Vaughan,May 2008,Ask the board,,1,

            """
        let imported = try ImportFixture.importFiles(
            [try PlanImporter.read(Data(text.utf8), file: "plan.csv")],
            options: ImportOptions(authority: "Leicester City Council"))
        XCTAssertEqual(imported.report.rows.map(\.outcome), [.header, .imported, .imported])
        XCTAssertEqual(
            imported.report.rows[2].notes,
            [
                "no reference in the source: given 1.1a",
                "progress 'Waiting for the board, due to meet in May' is not a status word: kept in the notes",
            ])
        XCTAssertEqual(
            imported.files["sections/leicester-city-council/1.md"],
            """
            # Recommendation 1

            ## 1.1 Print the poster
            Due: July 2008
            Lead: Paul Vaughan
            Status: done
            Success: Poster printed

            ### Notes
            Printed by the council's print unit

            ## 1.1a Ask the board
            Due: May 2008
            Lead: Paul Vaughan
            Success: Board agrees

            ### Notes
            Progress: Waiting for the board, due to meet in May

            """)
    }

    func testOlderFormatsAreRefusedWithWhatToDo() {
        for (file, saveAs) in [("plan.doc", "Word Document (.docx)"), ("plan.xls", "Excel Workbook (.xlsx)")] {
            XCTAssertThrowsError(try PlanImporter.read(Data([0xD0, 0xCF, 0x11, 0xE0]), file: file)) { error in
                XCTAssertEqual(error as? ImportError, .unsupportedFormat(file: file, saveAs: saveAs))
                XCTAssertEqual(
                    "\(error)",
                    "\(file): this older format cannot be read; open it in Word, Excel or "
                        + "LibreOffice and save it as \(saveAs) first")
            }
        }
        XCTAssertThrowsError(try PlanImporter.read(Data("%PDF-1.4".utf8), file: "plan.pdf")) { error in
            guard case .unsupportedFormat(let file, _) = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "plan.pdf")
        }
        XCTAssertThrowsError(try PlanImporter.read(Data("not a zip".utf8), file: "plan.docx")) { error in
            guard case .unreadable(let file, _) = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "plan.docx")
        }
    }
}

/// A workbook with two sheets, shared strings and a custom date format, built part by part.
final class XLSXSheetsTests: XCTestCase {
    func workbook() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts = [
            "xl/workbook.xml": "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets>"
                + "<sheet name=\"Immediate\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Six months\" "
                + "sheetId=\"2\" r:id=\"rId2\"/>"
                + "</sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships "
                + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
                + "</Relationships>",
            "xl/sharedStrings.xml": "<sst xmlns=\"\(ns)\"><si><t>Ref</t></si><si><t>Action</t></si><si>"
                + "<t>Deadline</t></si>"
                + "<si><r><t>Agree the </t></r><r><rPr><b/></rPr><t>strategy</t></r></si><si><t>7.2</t></si></sst>",
            "xl/styles.xml": "<styleSheet xmlns=\"\(ns)\"><numFmts count=\"1\"><numFmt numFmtId=\"170\" "
                + "formatCode=\"[$-809]dd\\ mmmm\\ yyyy;@\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                + "<xf numFmtId=\"170\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
            "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(ns)\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" "
                + "t=\"s\"><v>2</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>6.10</t></is></c><c r=\"B3\" t=\"s\"><v>3</v></c>"
                + "<c r=\"C3\" s=\"1\"><v>39721</v></c></row></sheetData></worksheet>",
            "xl/worksheets/sheet2.xml": "<worksheet xmlns=\"\(ns)\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" "
                + "t=\"s\"><v>2</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"str\"><v>Report to the board</v></c>"
                + "<c r=\"C2\"><v>39813</v></c></row></sheetData></worksheet>",
        ]
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try XCTUnwrap(archive.data)
    }

    func testEverySheetSharedStringsAndACustomDateFormat() throws {
        let document = try PlanImporter.read(try workbook(), file: "plan.xlsx")
        XCTAssertEqual(document.tables.map(\.name), ["Immediate", "Six months"])
        XCTAssertEqual(document.tables[0].rows.map(\.place), ["Immediate!A1", "Immediate!A3"])
        XCTAssertEqual(
            document.tables[0].rows[1].cells,
            [
                SourceCell("6.10"), SourceCell("Agree the strategy"),
                SourceCell(
                    "30 September "
                        + "2008", isDate: true),
            ])
        // A number without a date format stays a number.
        XCTAssertEqual(document.tables[1].rows[1].cells[2], SourceCell("39813", isNumber: true))
        let imported = try ImportFixture.importFiles(
            [document],
            options: ImportOptions(
                authority: "Derby City "
                    + "Council"))
        XCTAssertEqual(imported.report.rows.map(\.outcome), [.header, .imported, .header, .imported])
        XCTAssertEqual(imported.report.rows.compactMap(\.ref), ["6.10", "7.2"])
    }
}
