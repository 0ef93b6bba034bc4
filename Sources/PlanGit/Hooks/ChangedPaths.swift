import GitKit

/// The files of one version of a plan by path, and which paths differ between versions:
/// what the hooks compare to find the files a commit or a push changes.
public enum ChangedPaths {
    /// Every non-folder entry of tree `treeID` by path; empty for nil (no commit yet).
    public static func entries(ofTree treeID: ObjectID?, in repository: Repository) throws -> [String: TreeEntry] {
        guard let treeID else { return [:] }
        var map: [String: TreeEntry] = [:]
        for entry in try repository.treeEntries(treeID, recursive: true) { map[entry.path] = entry }
        return map
    }

    /// Every non-folder entry of commit `commit`'s tree; empty for nil.
    public static func entries(ofCommit commit: ObjectID?, in repository: Repository) throws -> [String: TreeEntry] {
        try entries(ofTree: commit.map { try repository.tree(of: $0) }, in: repository)
    }

    /// The staged entries (stage 0) of the index by path.
    public static func entries(of index: IndexSource) -> [String: TreeEntry] {
        var map: [String: TreeEntry] = [:]
        for entry in index.entries where entry.stage == 0 { map[entry.path] = entry.treeEntry }
        return map
    }

    /// Paths added, removed, or changed in content or mode from `a` to `b`.
    public static func between(_ a: [String: TreeEntry], _ b: [String: TreeEntry]) -> Set<String> {
        var out: Set<String> = []
        for (path, entry) in b where a[path]?.id != entry.id || a[path]?.mode != entry.mode { out.insert(path) }
        for path in a.keys where b[path] == nil { out.insert(path) }
        return out
    }
}
