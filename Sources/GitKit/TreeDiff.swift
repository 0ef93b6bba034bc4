import CLibgit2

/// One path whose entry differs between two trees (nil: absent on that side).
public struct TreeDifference: Sendable, Hashable {
    public let path: String
    public let old: TreeEntry?
    public let new: TreeEntry?
}

extension Repository {
    /// The non-folder paths whose entry (id or mode) differs between trees `old` and `new`
    /// (nil: the empty tree), sorted by path. Folders with the same id on both sides are
    /// skipped without being read, so the cost follows the change, not the tree's size.
    public func diffTrees(_ old: ObjectID?, _ new: ObjectID?) throws -> [TreeDifference] {
        var out: [TreeDifference] = []
        try diff(old, new, prefix: "", valid: true, into: &out)
        return out.sorted { $0.path < $1.path }
    }

    private func diff(_ old: ObjectID?, _ new: ObjectID?, prefix: String, valid: Bool, into out: inout [TreeDifference])
        throws
    {
        if old == new { return }
        let before = try old.map { try treeEntries($0, recursive: false) } ?? []
        let after = try new.map { try treeEntries($0, recursive: false) } ?? []
        let a = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let b = Dictionary(after.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(a.keys).union(b.keys) {
            let x = a[name], y = b[name]
            if x?.id == y?.id, x?.mode == y?.mode { continue }
            let path = prefix + name
            let nameValid = valid && (x ?? y)?.pathIsValidUTF8 != false
            let xTree = x?.mode == .tree ? x : nil, yTree = y?.mode == .tree ? y : nil
            if xTree != nil || yTree != nil {
                try diff(xTree?.id, yTree?.id, prefix: path + "/", valid: nameValid, into: &out)
            }
            let xFile = xTree == nil ? x.map { rebase($0, path: path, valid: nameValid) } : nil
            let yFile = yTree == nil ? y.map { rebase($0, path: path, valid: nameValid) } : nil
            if xFile != nil || yFile != nil { out.append(TreeDifference(path: path, old: xFile, new: yFile)) }
        }
    }

    private func rebase(_ entry: TreeEntry, path: String, valid: Bool) -> TreeEntry {
        TreeEntry(
            path: path, name: entry.name, id: entry.id, mode: entry.mode,
            pathIsValidUTF8: valid && entry.pathIsValidUTF8)
    }
}
