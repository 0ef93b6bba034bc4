import Foundation
import ZIPFoundation

/// The parts of an Office Open XML package (a `.docx` or `.xlsx` is a zip archive), read
/// with ZIPFoundation.
struct ZipParts {
    let file: String
    private let archive: Archive

    init(data: Data, file: String) throws {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ImportError.unreadable(file: file, reason: "it is not a zip package (\(error))")
        }
        self.file = file
    }

    /// The bytes of the part at `path`, nil when the package has no such part.
    func data(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var out = Data()
        _ = try archive.extract(entry, skipCRC32: false) { out.append($0) }
        return out
    }

    /// The part parsed as XML, nil when absent.
    func xml(_ path: String) throws -> XMLNode? {
        guard let data = try data(path) else { return nil }
        do {
            return try XMLNode.parse(data)
        } catch {
            throw ImportError.unreadable(file: file, reason: "\(path) is not well-formed XML (\(error))")
        }
    }
}
