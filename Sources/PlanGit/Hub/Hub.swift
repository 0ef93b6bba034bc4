import Foundation
import GitKit
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

    /// The user names the server knows, when it can tell: for a hub in gitolite's
    /// `repositories` folder, the key names in gitolite's `keydir` (`alice@laptop.pub` is
    /// alice). Nil when the server keeps its users elsewhere (a web server's password file).
    public func serverUserNames() throws -> [String]? {
        let parts = repository.gitDir.split(separator: "/", omittingEmptySubsequences: false)
        guard let index = parts.lastIndex(of: "repositories") else { return nil }
        let keydir = parts[..<index].joined(separator: "/") + "/.gitolite/keydir"
        guard FileManager.default.fileExists(atPath: keydir) else { return nil }
        return try FileManager.default.subpathsOfDirectory(atPath: keydir).filter { $0.hasSuffix(".pub") }.map { path in
            var name = String(path.split(separator: "/").last ?? "").dropLast(4)
            if let at = name.lastIndex(of: "@"), !name[name.index(after: at)...].contains(".") { name = name[..<at] }
            return String(name)
        }.sorted()
    }

    /// The manifest on main, as text.
    public func manifestText() throws -> String {
        guard let bytes = try BranchCommitter(repository: repository).read(Manifest.fileName, on: HubLayout.mainRef)
        else {
            throw HubError.noManifest
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The plan on main, loaded and validated.
    public func plan(today: Day? = nil) throws -> (plan: Plan?, diagnostics: [Diagnostic], commit: ObjectID) {
        guard let head = try repository.reference(named: HubLayout.mainRef) else { throw HubError.noManifest }
        let source = try GitTreeSource(
            repository: repository, treeID: repository.tree(of: head), commitID: head, label: "main \(head.short)")
        let checked = try PlanLoader().loadAndCheck(from: source, context: CheckContext(today: today))
        return (checked.plan, checked.diagnostics, head)
    }

    /// Rewrites the manifest on main with `edit` and commits it, only when the plan with the
    /// new manifest validates: no error in plan.yaml, and no error anywhere that main does
    /// not have already (`HubError.invalidManifest` otherwise; nothing is committed).
    @discardableResult
    public func editManifest(message: String, author: Signature, _ edit: (String) throws -> String) throws -> ObjectID?
    {
        if !repository.isBare {
            // A coordinator's clone: main checked out, plan.yaml as committed; the commit is
            // then theirs to push.
            guard try repository.headBranch() == HubLayout.mainRef else { throw HubError.cloneNotOnMain }
            if try repository.workTreeChanges().contains(where: { $0.path == Manifest.fileName }) {
                throw HubError.manifestChangedInClone
            }
        }
        let text = try manifestText()
        let edited = Array(try edit(text).utf8)
        try checkManifest(edited)
        guard let parent = try repository.reference(named: HubLayout.mainRef) else { throw HubError.noManifest }
        let tree = try repository.updateTree(
            try repository.tree(of: parent),
            changes: [Manifest.fileName: .upsert(try repository.writeBlob(edited), .blob)])
        if tree == (try repository.tree(of: parent)) { return nil }
        let commit = try repository.createCommit(
            tree: tree, parents: [parent], author: author, committer: author, message: message)
        if !repository.isBare { try repository.checkout(tree: tree) }  // the work tree and index follow
        try repository.updateReference(
            HubLayout.mainRef, to: commit, expected: parent, message: "planmerge: \(message)")
        return commit
    }

    /// Throws `HubError.invalidManifest` when main's plan with `manifest` has errors in
    /// plan.yaml, or errors elsewhere that main's plan does not have now.
    public func checkManifest(_ manifest: [UInt8]) throws {
        let (_, before, head) = try plan()
        let base = try GitTreeSource(repository: repository, treeID: repository.tree(of: head), commitID: head)
        let after = try PlanLoader().check(from: ManifestOverlay(base: base, manifest: manifest)).diagnostics
        let known = Set(before.filter { $0.severity == .error }.map { "\($0.location.file) \($0.rule) \($0.message)" })
        let new = after.filter {
            $0.severity == .error
                && ($0.location.file == Manifest.fileName
                    || !known.contains("\($0.location.file) \($0.rule) \($0.message)"))
        }
        if !new.isEmpty { throw HubError.invalidManifest(new) }
    }
}

public enum HubError: Error, CustomStringConvertible {
    case notEmpty(String)
    case noManifest
    /// The hub belongs to `owner` and planmerge runs as `current`.
    case wrongOwner(path: String, owner: String, current: String)
    /// A manifest change would leave these errors.
    case invalidManifest([Diagnostic])
    /// In a clone, main is not the checked-out branch.
    case cloneNotOnMain
    /// In a clone, plan.yaml has changes not committed.
    case manifestChangedInClone

    public var description: String {
        switch self {
        case .notEmpty(let path): "\(path) already holds files; give a new folder for the hub"
        case .noManifest: "the hub's main has no plan.yaml (is this a planmerge hub? 'planmerge init' makes one)"
        case .cloneNotOnMain: "in a clone, these commands commit on main: check main out first (git switch main)"
        case .manifestChangedInClone: "plan.yaml has changes that are not committed: commit or undo them first"
        case .invalidManifest(let errors):
            "the change would leave the plan with \(errors.count) error(s), so nothing was committed:\n"
                + errors.map { "  \($0.location): [\($0.rule)] \($0.message)" }.joined(separator: "\n")
        case .wrongOwner(let path, let owner, let current):
            "\(path) belongs to the user \(owner), and you are \(current): planmerge would leave files \(owner) cannot "
                + "change, so it writes nothing. Run it as \(owner): sudo -u \(owner) -H planmerge ..."
        }
    }
}

/// A plan source that is another one with plan.yaml replaced: a manifest checked before it
/// is committed.
struct ManifestOverlay: PlanSource {
    let base: any PlanSource
    let manifest: [UInt8]

    var label: String { base.label + " with the edited plan.yaml" }

    func listFiles() throws -> [String] {
        let files = try base.listFiles()
        return files.contains(Manifest.fileName) ? files : (files + [Manifest.fileName]).sorted()
    }

    func read(_ path: String) throws -> [UInt8] {
        path == Manifest.fileName ? manifest : try base.read(path)
    }
}
