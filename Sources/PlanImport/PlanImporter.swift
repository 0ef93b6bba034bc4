import Foundation

/// Reads each file with the reader for its type and maps them all into one plan.
public enum PlanImporter {
    /// The reader's view of one file, by its extension; older formats get a clear refusal.
    public static func read(_ data: Data, file: String) throws -> SourceDocument {
        let name = (file as NSString).lastPathComponent
        switch (file as NSString).pathExtension.lowercased() {
        case "docx": return try DOCXReader.read(data, file: name)
        case "xlsx", "xlsm": return try XLSXReader.read(data, file: name)
        case "csv", "tsv", "txt": return try CSVFileReader.read(data, file: name)
        case "doc", "rtf", "odt": throw ImportError.unsupportedFormat(file: name, saveAs: "Word Document (.docx)")
        case "xls", "ods": throw ImportError.unsupportedFormat(file: name, saveAs: "Excel Workbook (.xlsx)")
        case "pdf":
            throw ImportError.unsupportedFormat(
                file: name, saveAs: "a Word Document (.docx), from the original the PDF was made from")
        default: throw ImportError.unknownFormat(file: name)
        }
    }

    /// Reads the files at `paths` and maps them into one plan.
    public static func importPlan(paths: [String], options: ImportOptions) throws -> ImportedPlan {
        var documents: [SourceDocument] = []
        for path in paths {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ImportError.unreadable(file: path, reason: "no such file, or it cannot be opened")
            }
            documents.append(try read(data, file: path))
        }
        var mapper = PlanMapper(options: options)
        return try mapper.map(documents)
    }
}
