import GitKit
import PlanModel

/// A plan read from a git tree: a commit, tag or branch of a repository.
///
/// `listFiles` gives the regular and executable files; `entries` gives every non-folder
/// entry with its mode, so a caller can refuse symbolic links and submodules (which
/// `read` also refuses). `contentID` is the blob id: parse results can be cached by it.
public final class GitTreeSource: PlanSource {
    public let repository: Repository
    public let treeID: ObjectID
    /// The commit read, when the source was made from a revision.
    public let commitID: ObjectID?
    public let label: String
    /// Every file, symbolic link and submodule below the tree, with full paths and modes.
    public let entries: [TreeEntry]
    private let byPath: [String: TreeEntry]

    /// The tree of `revision` (`main`, `HEAD`, a commit id, `cabinet/2008-09-01`).
    public convenience init(repository: Repository, revision: String) throws {
        let commit = try repository.resolveCommit(revision)
        try self.init(
            repository: repository, treeID: try repository.tree(of: commit), commitID: commit,
            label: "\(revision) \(commit.short)")
    }

    /// A tree by id (e.g. one just built in memory by a merge).
    public init(repository: Repository, treeID: ObjectID, commitID: ObjectID? = nil, label: String? = nil) throws {
        self.repository = repository
        self.treeID = treeID
        self.commitID = commitID
        self.label = label ?? "tree \(treeID.short)"
        entries = try repository.treeEntries(treeID, recursive: true)
        var byPath: [String: TreeEntry] = [:]
        byPath.reserveCapacity(entries.count)
        for entry in entries { byPath[entry.path] = entry }
        self.byPath = byPath
    }

    /// The entry at `path`, of any mode.
    public func entry(_ path: String) -> TreeEntry? { byPath[path] }

    public func listFiles() throws -> [String] {
        entries.filter { $0.mode.isFile }.map(\.path).sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let entry = byPath[path] else { throw PlanSourceError.notFound(path) }
        return try repository.planFile(entry, path: path)
    }

    public func contentID(_ path: String) -> String? {
        guard let entry = byPath[path], entry.mode.isFile else { return nil }
        return entry.id.hex
    }
}
