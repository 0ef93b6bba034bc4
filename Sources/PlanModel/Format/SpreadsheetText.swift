/// Text written into a spreadsheet cell (CSV or XLSX) so that no spreadsheet runs it as a
/// formula, and read back exactly. The convention is the one spreadsheet vendors and OWASP
/// recommend: a cell whose text begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// written with a leading apostrophe. To stay reversible, text that already begins with an
/// apostrophe gets one more. `restore` removes exactly one leading apostrophe.
public enum SpreadsheetText {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// The cell text for `text`.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) else { return text }
        return "'" + text
    }

    /// The original text of a cell that `neutralised` wrote.
    public static func restored(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first, triggers.contains(second) else { return cell }
        return String(cell.dropFirst())
    }
}
