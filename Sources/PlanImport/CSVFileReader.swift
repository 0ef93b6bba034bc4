import CSV
import Foundation

/// Reads a CSV or TSV file with CSV.swift: UTF-8 with or without a byte-order mark, the
/// Windows-1252 that Excel's plain "CSV" save writes in the UK, or the UTF-16 of its
/// "Unicode Text" save; the delimiter (comma,
/// semicolon, tab or bar) found from the first line, outside quotes; Excel's quoting
/// (doubled quotes, line breaks inside quoted cells).
public enum CSVFileReader {
    /// The file as one table named after it, rows placed `plan.csv: row N`.
    public static func read(_ data: Data, file: String) throws -> SourceDocument {
        let text = decode(data)
        let delimiter = file.lowercased().hasSuffix(".tsv") ? "\t" : self.delimiter(text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, delimiter: delimiter)
        } catch {
            throw ImportError.unreadable(file: file, reason: "\(error)")
        }
        var rows: [SourceRow] = []
        while let fields = reader.next() {
            let cells = fields.map {
                SourceCell(
                    $0.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
            }
            rows.append(SourceRow(place: "\(file): row \(rows.count + 1)", cells: cells))
        }
        if let error = reader.error {
            throw ImportError.unreadable(file: file, reason: "after row \(rows.count): \(error)")
        }
        return SourceDocument(file: file, items: [.table(SourceTable(name: file, rows: rows))])
    }

    /// UTF-16 with its byte-order mark (Excel's "Unicode Text"); UTF-8 (a byte-order mark
    /// dropped) when the bytes are valid UTF-8; else Windows-1252.
    static func decode(_ data: Data) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian) {
            return text
        }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data.dropFirst(2), encoding: .utf16BigEndian) {
            return text
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The candidate that occurs most often in the first line, outside quotes; comma on a tie.
    static func delimiter(_ text: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [:]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
                continue
            }
            if !inQuotes, scalar == "\n" || scalar == "\r" { break }
            if !inQuotes, [",", ";", "\t", "|"].contains(scalar) { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }
        return best?.key ?? ","
    }
}
