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

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `[Content_Types].xml`: the two default types every package has, then one override per
    /// part (path, content type).
    static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.part)\" ContentType=\"\($0.type)\"/>" }.joined()
            + "</Types>"
    }

    /// A `.rels` part: one relationship per (id, type, target).
    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    /// 2000-01-01 12:00 UTC: a date every zone's DOS time can hold.
    static let fixedDate = Date(timeIntervalSince1970: 946_728_000)
}
