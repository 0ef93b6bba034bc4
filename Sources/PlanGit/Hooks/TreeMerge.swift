import GitKit
import PlanModel

/// The three-way merge of two commits' trees, file by file with `FileMerge`: what
/// `planmerge sync` writes. Paths changed on one side only take that side; paths changed on
/// both are merged; a file that does not merge cleanly keeps our version in the merged
/// tree and is returned with its conflict text for the work tree.
struct TreeMerge {
    let repository: Repository
    let fileMerge: FileMerge

    struct Conflict {
        var path: String
        /// The file as the user should see it: conflict blocks in place (nil: none to write).
        var text: [UInt8]?
        var base: TreeEntry?
        var ours: TreeEntry?
        var theirs: TreeEntry?
        var conflicts: [MergeConflict]
    }

    struct Outcome {
        var tree: ObjectID
        var conflicts: [Conflict]
    }

    func merge(base: ObjectID, ours: ObjectID, theirs: ObjectID) throws -> Outcome {
        let oursTree = try repository.tree(of: ours)
        let b = try ChangedPaths.entries(ofCommit: base, in: repository)
        let o = try ChangedPaths.entries(ofTree: oursTree, in: repository)
        let t = try ChangedPaths.entries(ofCommit: theirs, in: repository)
        let changedByThem = ChangedPaths.between(b, t)
        let changedByUs = ChangedPaths.between(b, o)
        var changes: [String: TreeChange] = [:]
        var conflicts: [Conflict] = []
        for path in changedByThem.sorted() {
            if !changedByUs.contains(path) {
                changes[path] = t[path].map { .upsert($0.id, $0.mode) } ?? .remove
                continue
            }
            if o[path]?.id == t[path]?.id, o[path]?.mode == t[path]?.mode { continue }
            let sides = [b[path], o[path], t[path]]
            if sides.contains(where: { $0.map { !$0.mode.isFile } ?? false }) {
                conflicts.append(
                    Conflict(path: path, text: nil, base: b[path], ours: o[path], theirs: t[path], conflicts: []))
                continue
            }
            let bytes = try sides.map { entry in try entry.map { try repository.blob($0.id) } }
            let result = fileMerge.merge(base: bytes[0], ours: bytes[1], theirs: bytes[2], path: path)
            guard result.clean else {
                conflicts.append(
                    Conflict(
                        path: path, text: result.bytes, base: b[path], ours: o[path], theirs: t[path],
                        conflicts: result.conflicts))
                continue
            }
            if let merged = result.bytes {
                let mode: FileMode = (o[path] ?? t[path])?.mode == .executable ? .executable : .blob
                changes[path] = .upsert(try repository.writeBlob(merged), mode)
            } else {
                changes[path] = .remove
            }
        }
        let tree = changes.isEmpty ? oursTree : try repository.updateTree(oursTree, changes: changes)
        return Outcome(tree: tree, conflicts: conflicts)
    }
}
