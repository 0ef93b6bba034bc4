import Foundation
import ZIPFoundation

/// An Office Open XML package (`.docx`, `.xlsx`): its parts zipped in memory with
/// ZIPFoundation, every entry with the same fixed date, so the same parts give the same bytes.
enum OfficePackage {
    static func zip(_ parts: [(path: String, xml: String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let bytes = archive.data else { throw Archive.ArchiveError.unwritableArchive }
        return Array(bytes)
    }

    /// 2000-01-01 12:00 UTC: a date every zone's DOS time can hold.
    static let fixedDate = Date(timeIntervalSince1970: 946_728_000)
}
