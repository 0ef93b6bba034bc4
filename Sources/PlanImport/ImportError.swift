/// Why a source file could not be read at all (a row-level problem is a report entry instead).
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A format planmerge does not read (`.doc`, `.xls`, PDF), with what to do instead.
    case unsupportedFormat(file: String, saveAs: String)
    /// Not a file type planmerge knows.
    case unknownFormat(file: String)
    /// The file is damaged or not what its name says.
    case unreadable(file: String, reason: String)

    /// The message, naming the file.
    public var description: String {
        switch self {
        case .unsupportedFormat(let file, let saveAs):
            "\(file): this older format cannot be read; open it in Word, Excel or LibreOffice and save it as "
                + "\(saveAs) first"
        case .unknownFormat(let file):
            "\(file): not a file planmerge imports; give a .docx, .xlsx, .csv or .tsv file"
        case .unreadable(let file, let reason):
            "\(file): cannot be read: \(reason)"
        }
    }

    /// What to do next, for the `hint:` line.
    public var hint: String {
        switch self {
        case .unsupportedFormat(_, let saveAs):
            "File > Save As, choose \(saveAs), then run 'planmerge import' on the new file"
        case .unknownFormat:
            "save the plan as a Word document (.docx), an Excel workbook (.xlsx) or CSV"
        case .unreadable:
            "check that the file opens in Word, Excel or LibreOffice, and save it again"
        }
    }
}
