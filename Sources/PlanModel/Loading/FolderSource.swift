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

    public init(root: URL) {
        self.root = root.standardizedFileURL
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
        try walk(root, prefix: "", into: &out)
        return out.sorted()
    }

    private func walk(_ folder: URL, prefix: String, into out: inout [String]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names {
            let url = folder.appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var info = stat()
            let isFolder = lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR  // links are not followed
            if isFolder {
                if name.hasPrefix(".") { continue }
                try walk(url, prefix: relative, into: &out)
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
        var current = root.path
        for component in components {
            current += "/" + component
            if FolderSource.isSymbolicLink(current) {
                throw PlanSourceError.unreadable(path, reason: "it is a symbolic link; plan files must be plain files")
            }
        }
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PlanSourceError.notFound(path)
        }
        return [UInt8](data)
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
