import Foundation
import PlanModel

/// A plan read from a folder on disk (an example plan, a work tree).
///
/// Lists regular files below `root` with `/`-separated relative paths, skipping every
/// `.git` entry. Symbolic links are never followed out of the root: a link is listed only
/// when it resolves to a regular file inside the root, links to folders are not walked
/// (no cycles), and `read` refuses any path whose real location is outside the root.
public struct FolderSource: PlanSource, Sendable {
    /// The root folder, with symbolic links resolved.
    public let root: String
    public let label: String

    public init(root: String, label: String? = nil) {
        let resolved = FolderSource.realPath(root) ?? URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = resolved
        self.label = label ?? "folder \(root)"
    }

    public func listFiles() throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw PlanSourceError.notFound(root)
        }
        var files: [String] = []
        try walk(relative: "", into: &files)
        return files.sorted()
    }

    private func walk(relative: String, into files: inout [String]) throws {
        let folder = relative.isEmpty ? root : root + "/" + relative
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw PlanSourceError.unreadable(relative.isEmpty ? "." : relative, reason: error.localizedDescription)
        }
        for name in names where name != ".git" {
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + path
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try walk(relative: path, into: &files)
            case S_IFREG:
                files.append(path)
            case S_IFLNK:
                if let target = insideTarget(full), FolderSource.isRegularFile(target) { files.append(path) }
            default:
                continue  // sockets, fifos, devices: not plan files
            }
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw PlanSourceError.unreadable(path, reason: "not a relative path inside the plan")
        }
        let full = root + "/" + path
        guard FileManager.default.fileExists(atPath: full) else { throw PlanSourceError.notFound(path) }
        guard let target = insideTarget(full) else {
            throw PlanSourceError.unreadable(path, reason: "it leads outside \(root)")
        }
        guard FolderSource.isRegularFile(target) else {
            throw PlanSourceError.unreadable(path, reason: "not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: target) else {
            throw PlanSourceError.unreadable(path, reason: "the file could not be read")
        }
        return [UInt8](data)
    }

    /// The real path of `full` if it is inside the root, nil otherwise.
    private func insideTarget(_ full: String) -> String? {
        guard let real = FolderSource.realPath(full) else { return nil }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return real.hasPrefix(prefix) ? real : nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        let result = String(cString: resolved)
        free(resolved)
        return result
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
