import CLibgit2

/// One entry of the index (the staging area).
public struct IndexEntry: Sendable, Hashable {
    /// `/`-separated path from the work tree root.
    public let path: String
    /// The staged blob (or, for a submodule, commit).
    public let id: ObjectID
    public let mode: FileMode
    /// 0 for a normal entry; during a merge conflict 1 = base, 2 = ours, 3 = theirs.
    public let stage: Int
    /// False when the stored path was not valid UTF-8 (then `path` holds replacement characters).
    public let pathIsValidUTF8: Bool

    public var isConflict: Bool { stage > 0 }

    /// The entry as a tree entry (the stage is dropped).
    public var treeEntry: TreeEntry {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return TreeEntry(path: path, name: name, id: id, mode: mode, pathIsValidUTF8: pathIsValidUTF8)
    }
}

/// The repository's `git_index`, owned, re-read from disk when opened.
final class IndexHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(of repository: Repository) throws {
        var out: OpaquePointer?
        try GitError.check(git_repository_index(&out, repository.pointer), "open the index")
        pointer = try Repository.unwrap(out, "open the index")
        self.repository = repository
        // Pick up changes another process (git add) made since libgit2 last loaded it.
        try GitError.check(git_index_read(pointer, 0), "read the index")
    }

    deinit { git_index_free(pointer) }
}

extension Repository {
    /// Every entry of the index, conflict stages included, in index order (by path, then
    /// stage). With `openFromEnvironment()` in a pre-commit hook this is the index git is
    /// about to commit (`GIT_INDEX_FILE`).
    public func stagedEntries() throws -> [IndexEntry] {
        let index = try IndexHandle(of: self)
        let count = git_index_entrycount(index.pointer)
        var entries: [IndexEntry] = []
        entries.reserveCapacity(count)
        for position in 0..<count {
            guard let entry = git_index_get_byindex(index.pointer, position),
                let rawPath = entry.pointee.path
            else { continue }
            let path = String(cString: rawPath)
            guard let mode = FileMode(rawValue: entry.pointee.mode) else {
                throw GitError.invalid(
                    "unsupported file mode \(String(entry.pointee.mode, radix: 8))",
                    operation: "read index entry \(path)")
            }
            entries.append(
                IndexEntry(
                    path: path,
                    id: ObjectID(entry.pointee.id),
                    mode: mode,
                    stage: Int(git_index_entry_stage(entry)),
                    pathIsValidUTF8: String(validatingCString: rawPath) != nil))
        }
        return entries
    }

    /// True if the index records an unresolved merge conflict.
    public var hasConflicts: Bool {
        get throws {
            let index = try IndexHandle(of: self)
            return git_index_has_conflicts(index.pointer) == 1
        }
    }

    /// Writes the index as a tree (what `git commit` would commit) and returns its id.
    /// Fails while the index has conflicts.
    public func writeIndexTree() throws -> ObjectID {
        let index = try IndexHandle(of: self)
        var oid = git_oid()
        try GitError.check(git_index_write_tree(&oid, index.pointer), "write the index as a tree")
        return ObjectID(oid)
    }
}
