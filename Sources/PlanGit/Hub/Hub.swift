import GitKit
import Foundation
import PlanModel

#if canImport(Glibc)
import Glibc
#endif

/// The coordinator's hub: a bare repository whose main holds the plan.
public struct Hub {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// Opens the hub at `path`. Refuses, before libgit2 reads anything, when the current
    /// user is not the repository's owner: files written as another user (root, say) would
    /// leave objects the server's user cannot write, and every later push would fail.
    public static func open(_ path: String) throws -> Hub {
        try checkOwner(path)
        return Hub(repository: try Repository.open(at: path))
    }

    /// Throws `HubError.wrongOwner` when `path` (or its `.git`) is owned by another user.
    public static func checkOwner(_ path: String) throws {
        let folder = FileManager.default.fileExists(atPath: path + "/.git") ? path + "/.git" : path
        var info = stat()
        guard stat(folder, &info) == 0 else { return }  // missing: opening reports it
        let current = geteuid()
        guard info.st_uid != current else { return }
        throw HubError.wrongOwner(path: path, owner: userName(info.st_uid), current: userName(current))
    }

    private static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    /// Creates a bare hub at `path` whose first commit on main holds `files` (the manifest,
    /// and optionally section files). Refuses a path that already holds anything. The
    /// author defaults to the user git is configured with.
    public static func create(at path: String, files: [String: [UInt8]], author: Signature? = nil) throws -> Hub {
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: path), !contents.isEmpty {
            throw HubError.notEmpty(path)
        }
        let repository = try Repository(at: path, bare: true)
        let hub = Hub(repository: repository)
        try BranchCommitter(repository: repository).commit(
            files.mapValues { Optional($0) }, on: HubLayout.mainRef, message: "Start the plan",
            author: author ?? repository.defaultSignature())
        return hub
    }

    /// The manifest on main, as text.
    public func manifestText() throws -> String {
        guard let bytes = try BranchCommitter(repository: repository).read(Manifest.fileName, on: HubLayout.mainRef) else {
            throw HubError.noManifest
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The plan on main, loaded and validated.
    public func plan(today: Day? = nil) throws -> (plan: Plan?, diagnostics: [Diagnostic], commit: ObjectID) {
        guard let head = try repository.reference(named: HubLayout.mainRef) else { throw HubError.noManifest }
        let source = try GitTreeSource(repository: repository, treeID: repository.tree(of: head), commitID: head, label: "main \(head.short)")
        let loaded = try PlanLoader().load(from: source)
        let checks = loaded.plan.map { Validator().validate($0, context: CheckContext(today: today)) } ?? []
        return (loaded.plan, loaded.diagnostics + checks, head)
    }

    /// Rewrites the manifest on main with `edit` and commits it.
    @discardableResult
    public func editManifest(message: String, author: Signature, _ edit: (String) throws -> String) throws -> ObjectID? {
        let text = try manifestText()
        return try BranchCommitter(repository: repository).commit(
            [Manifest.fileName: Array(try edit(text).utf8)], on: HubLayout.mainRef, message: message, author: author)
    }
}

public enum HubError: Error, CustomStringConvertible {
    case notEmpty(String)
    case noManifest
    /// The hub belongs to `owner` and planmerge runs as `current`.
    case wrongOwner(path: String, owner: String, current: String)

    public var description: String {
        switch self {
        case .notEmpty(let path): "\(path) already holds files; give a new folder for the hub"
        case .noManifest: "the hub's main has no plan.yaml (is this a planmerge hub? 'planmerge init' makes one)"
        case .wrongOwner(let path, let owner, let current):
            "\(path) belongs to the user \(owner), and you are \(current): planmerge would leave files \(owner) cannot "
                + "change, so it writes nothing. Run it as \(owner): sudo -u \(owner) -H planmerge ..."
        }
    }
}
