import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plan in a folder on disk (a working copy or an example plan under `Repos/`).
///
/// Paths are relative to the root with `/` separators. `.git` and other dot-folders are
/// skipped; symbolic links are listed but never followed, so a link cannot pull files from
/// outside the plan into it.
public struct FolderSource: PlanSource {
    public let root: URL
    /// `root.path`, worked out once (a URL's path is not free, and every read starts from it).
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        self.rootPath = self.root.path
    }

    public init(path: String) {
        self.init(root: URL(fileURLWithPath: path, isDirectory: true))
    }

    public var label: String { "folder \(root.path)" }

    public func listFiles() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlanSourceError.notFound(root.path)
        }
        var out: [String] = []
        try walk(rootPath, prefix: "", into: &out)
        return out.sorted()
    }

    /// Lists `folder` (a path) into `out`, on path strings: a `URL` per entry cost more than
    /// the listing itself.
    private func walk(_ folder: String, prefix: String, into out: inout [String]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        for name in names {
            let path = folder.utf8.last == UInt8(ascii: "/") ? folder + name : folder + "/" + name
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var info = stat()
            let isFolder = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR  // links are not followed
            if isFolder {
                if name.hasPrefix(".") { continue }
                try walk(path, prefix: relative, into: &out)
            } else {
                out.append(relative)
            }
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw PlanSourceError.unreadable(path, reason: "the path leaves the plan folder")
        }
        // No component may be a symbolic link: a link could pull files from outside the plan.
        var current = rootPath
        for component in components {
            current += "/" + component
            if FolderSource.isSymbolicLink(current) {
                throw PlanSourceError.unreadable(path, reason: "it is a symbolic link; plan files must be plain files")
            }
        }
        guard let bytes = FolderSource.contents(current) else { throw PlanSourceError.notFound(path) }
        return bytes
    }

    /// The bytes of the file at `path` (open, then read to the end), or nil when it cannot be
    /// opened or read (a missing file, a folder).
    static func contents(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // One byte more than the size, so that the read that finds the end needs no growing.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// `lstat`: true for a symbolic link (never followed).
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Finds the plan root at or above `start`: the nearest folder holding `plan.yaml`.
    public static func findRoot(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Manifest.fileName).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
