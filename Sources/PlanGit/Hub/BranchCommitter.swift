import GitKit
import PlanModel

/// Commits file changes straight onto a branch, with no work tree: blobs, a tree built from
/// the branch's tree, a commit, and a compare-and-swap update of the branch. Used for the
/// hub's own commits (init, partner add/remove) and by the demo's partners.
public struct BranchCommitter {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// Writes `files` (path → new bytes, nil to delete) on top of `branch` (full ref name)
    /// and moves the branch there, only if it still points where it did.
    /// Returns the new commit, or nil when the changes change nothing.
    @discardableResult
    public func commit(
        _ files: [String: [UInt8]?], on branch: String, message: String, author: Signature, committer: Signature? = nil,
        allowEmpty: Bool = false
    ) throws -> ObjectID? {
        let parent = try repository.reference(named: branch)
        let baseTree = try parent.map { try repository.tree(of: $0) }
        var changes: [String: TreeChange] = [:]
        for (path, bytes) in files {
            if let bytes {
                changes[path] = .upsert(try repository.writeBlob(bytes), .blob)
            } else {
                changes[path] = .remove
            }
        }
        let tree = try repository.updateTree(baseTree, changes: changes)
        if tree == baseTree, !allowEmpty { return nil }
        let commit = try repository.createCommit(
            tree: tree, parents: parent.map { [$0] } ?? [], author: author, committer: committer ?? author,
            message: message)
        try repository.updateReference(
            branch, to: commit, expected: parent, message: "planmerge: \(message.split(separator: "\n").first ?? "")")
        return commit
    }

    /// The bytes of `path` on `branch`, or nil.
    public func read(_ path: String, on branch: String) throws -> [UInt8]? {
        guard let head = try repository.reference(named: branch),
            let entry = try repository.entry(at: path, in: repository.tree(of: head))
        else { return nil }
        return try repository.blob(entry.id)
    }
}
