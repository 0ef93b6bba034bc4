import Foundation
import PlanModel

/// Renders a plan as an Excel workbook (`.xlsx`): one sheet, one row per action, the columns
/// of the CSV output. References, due texts and every other text are inline-string cells
/// (through `SpreadsheetText.neutralised`, so nothing is run as a formula and `6.10` stays
/// `6.10`); the due reading's start and end are real date cells with a date format; status
/// is a drop-down list (data validation); the header row is frozen and has an autofilter.
///
/// SpreadsheetML written by hand and zipped by `OfficePackage` (ZIPFoundation), as the DOCX
/// is: the same document gives the same bytes.
public enum XLSXRenderer {
    /// The `.xlsx` file's bytes.
    public static func render(_ document: PlanDocument) throws -> [UInt8] {
        try OfficePackage.zip(parts(document))
    }

    static let sheetName = "Actions"
    /// The columns holding a day: written as date cells.
    static let dateColumns: Set<String> = ["due start", "due end"]
    /// Column widths in characters, by header; 14 for the rest.
    static let widths: [String: Int] = [
        "ref": 7, "recommendation": 8, "action": 60, "due": 22, "lead": 24, "status": 12, "success": 50,
        "milestones": 40, "partner": 30, "details": 40, "notes": 40, "file": 30, "overdue": 8,
    ]

    static func parts(_ d: PlanDocument) -> [(path: String, xml: String)] {
        [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(rows: d.actions.count + 1)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet(d)),
        ]
    }

    static func sheet(_ d: PlanDocument) -> String {
        let header = CSVRenderer.header
        let last = column(header.count - 1)
        let rowCount = d.actions.count + 1
        let statusColumn = column(header.firstIndex(of: "status") ?? 0)
        var rows = [row(1, header.enumerated().map { textCell(column($0.offset) + "1", $0.element, style: 2) })]
        for (index, action) in d.actions.enumerated() {
            let number = index + 2
            let cells = zip(header, CSVRenderer.fields(action)).enumerated().compactMap { i, pair -> String? in
                let (name, value) = pair
                let ref = column(i) + "\(number)"
                if value.isEmpty { return nil }
                if dateColumns.contains(name), let day = Day(iso: value) {
                    return "<c r=\"\(ref)\" s=\"1\"><v>\(day.ordinal + 25_569)</v></c>"  // 1970-01-01 is serial 25569
                }
                return textCell(ref, value, style: 3)
            }
            rows.append(row(number, cells))
        }
        let cols = header.enumerated().map { i, name in
            "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(widths[name] ?? 14)\" customWidth=\"1\"/>"
        }.joined()
        let statuses = ActionStatus.allCases.map(\.rawValue).joined(separator: ",")
        return xmlHeader + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
            + "<dimension ref=\"A1:\(last)\(rowCount)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
            + "state=\"frozen\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>\(cols)</cols>"
            + "<sheetData>\(rows.joined())</sheetData>"
            + "<autoFilter ref=\"A1:\(last)\(rowCount)\"/>"
            + "<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" "
            + "sqref=\"\(statusColumn)2:\(statusColumn)\(max(rowCount, 2))\"><formula1>\"\(statuses)\"</formula1>"
            + "</dataValidation></dataValidations></worksheet>"
    }

    static func row(_ number: Int, _ cells: [String]) -> String { "<row r=\"\(number)\">\(cells.joined())</row>" }

    /// A text cell, neutralised so that no spreadsheet runs it as a formula.
    static func textCell(_ ref: String, _ text: String, style: Int) -> String {
        "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
            + Escaping.xml(SpreadsheetText.neutralised(text)) + "</t></is></c>"
    }

    /// `A` for 0, `Z` for 25, `AA` for 26.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    static let xmlHeader = OfficePackage.xmlHeader
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = OfficePackage.contentTypes([
        ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
        ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
    ])

    static let packageRelationships = OfficePackage.relationships([
        (
            "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "xl/workbook.xml"
        )
    ])

    static let workbookRelationships = OfficePackage.relationships([
        (
            "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
            "worksheets/sheet1.xml"
        ),
        ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
    ])

    static func workbook(rows: Int) -> String {
        xmlHeader + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
            + "<sheet name=\"\(sheetName)\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames>"
            + "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
            + "\(sheetName)!$A$1:$\(column(CSVRenderer.header.count - 1))$\(rows)</definedName>"
            + "</definedNames></workbook>"
    }

    /// Styles: 0 default, 1 a date (`d mmm yyyy`), 2 the bold header, 3 wrapped text at the top.
    static let styles =
        xmlHeader + "<styleSheet xmlns=\"\(mainNS)\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"d mmm yyyy\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"10\"/><name val=\"Arial\"/></font>"
        + "<font><b/><sz val=\"10\"/><name val=\"Arial\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9E2F3\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
