import CLibgit2
import Foundation

/// The work tree side of a repository: checking a tree out (`git_checkout_tree`), asking
/// what is uncommitted (`git_status_list_new`), and leaving a merge for the user to finish
/// with `git add` and `git commit` (conflict stages in the index, `MERGE_HEAD`).

/// One path `git status` would list.
public struct WorkTreeChange: Sendable, Hashable {
    /// `/`-separated path from the work tree root.
    public let path: String
    /// Staged but not committed (the index differs from HEAD).
    public let staged: Bool
    /// Changed in the work tree but not staged (or not tracked at all).
    public let unstaged: Bool
    /// Not tracked by git.
    public let untracked: Bool
    /// An unresolved merge conflict.
    public let conflicted: Bool
}

/// A `git_status_list`, owned.
private final class StatusList {
    let pointer: OpaquePointer
    private let repository: Repository

    init(_ pointer: OpaquePointer, in repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_status_list_free(pointer) }
}

extension Repository {
    /// Makes the work tree and the index match tree `treeID`, like `git checkout` does when
    /// switching commits: files that differ from HEAD's version are never overwritten (the
    /// checkout fails and changes nothing then); files added or removed by the tree are
    /// created or removed. HEAD itself does not move: update the branch afterwards.
    public func checkout(tree treeID: ObjectID) throws {
        var options = git_checkout_options()
        try GitError.check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "prepare checkout options")
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        let tree = try GitObject.lookup(treeID, .tree, in: self)
        try GitError.check(git_checkout_tree(pointer, tree.pointer, &options), "check out tree \(treeID.short)")
    }

    /// What `git status` would list: staged, unstaged, untracked and conflicted paths
    /// (ignored files are left out), sorted by path.
    public func workTreeChanges() throws -> [WorkTreeChange] {
        var options = git_status_options()
        try GitError.check(
            git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "prepare status options")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        var out: OpaquePointer?
        try GitError.check(git_status_list_new(&out, pointer, &options), "read the work tree status")
        let list = StatusList(try Repository.unwrap(out, "read the work tree status"), in: self)
        var changes: [WorkTreeChange] = []
        let stagedFlags =
            GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue
            | GIT_STATUS_INDEX_DELETED.rawValue | GIT_STATUS_INDEX_RENAMED.rawValue
            | GIT_STATUS_INDEX_TYPECHANGE.rawValue
        let unstagedFlags =
            GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue
            | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue
        for index in 0..<git_status_list_entrycount(list.pointer) {
            guard let entry = git_status_byindex(list.pointer, index) else { continue }
            let status = entry.pointee.status.rawValue
            let delta = entry.pointee.index_to_workdir ?? entry.pointee.head_to_index
            guard let delta, let rawPath = delta.pointee.new_file.path ?? delta.pointee.old_file.path else { continue }
            changes.append(
                WorkTreeChange(
                    path: String(cString: rawPath), staged: status & stagedFlags != 0,
                    unstaged: status & unstagedFlags != 0, untracked: status & GIT_STATUS_WT_NEW.rawValue != 0,
                    conflicted: status & GIT_STATUS_CONFLICTED.rawValue != 0))
        }
        return changes.sorted { $0.path < $1.path }
    }

    /// True while a merge, rebase, cherry-pick or similar is in progress.
    public var hasOperationInProgress: Bool {
        git_repository_state(pointer) != Int32(GIT_REPOSITORY_STATE_NONE.rawValue)
    }

    /// The commits being merged into HEAD (`MERGE_HEAD`), empty when no merge is in progress.
    public func mergeHeads() throws -> [ObjectID] {
        final class Collector { var ids: [ObjectID] = [] }
        let collector = Collector()
        let code = git_repository_mergehead_foreach(
            pointer,
            { oid, payload in
                guard let oid, let payload else { return 0 }
                Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue().ids.append(ObjectID(oid.pointee))
                return 0
            }, Unmanaged.passUnretained(collector).toOpaque())
        if code == GIT_ENOTFOUND.rawValue { return [] }
        try GitError.check(code, "read MERGE_HEAD")
        return withExtendedLifetime(collector) { collector.ids }
    }

    /// Leaves a merge of `theirs` into HEAD for the user to finish: writes `MERGE_HEAD` and
    /// `MERGE_MSG` as git does, so that `git commit` records both parents and
    /// `git merge --abort` works. libgit2 only writes these from its own `git_merge`, so
    /// this writes the two state files in the git folder itself.
    public func beginMerge(of theirs: ObjectID, message: String) throws {
        let folder = URL(fileURLWithPath: gitDir, isDirectory: true)
        do {
            try Data((theirs.hex + "\n").utf8).write(to: folder.appendingPathComponent("MERGE_HEAD"))
            try Data((message.hasSuffix("\n") ? message : message + "\n").utf8)
                .write(to: folder.appendingPathComponent("MERGE_MSG"))
            try Data("no-ff\n".utf8).write(to: folder.appendingPathComponent("MERGE_MODE"))
        } catch {
            throw GitError.invalid("\(error)", operation: "write MERGE_HEAD")
        }
    }

    /// Records an unresolved conflict for `path` in the index (stages 1, 2, 3 from the
    /// given entries; nil where a side has no file), as `git merge` does: `git status`
    /// shows it as unmerged and `git commit` refuses until it is `git add`ed.
    public func markConflict(path: String, ancestor: TreeEntry?, ours: TreeEntry?, theirs: TreeEntry?) throws {
        let index = try IndexHandle(of: self)
        func entry(_ tree: TreeEntry?) -> git_index_entry? {
            guard let tree else { return nil }
            var value = git_index_entry()
            value.id = tree.id.oid
            value.mode = tree.mode.rawValue
            return value
        }
        var a = entry(ancestor), o = entry(ours), t = entry(theirs)
        let code: Int32 = path.withCString { cPath in
            a?.path = cPath
            o?.path = cPath
            t?.path = cPath
            return withOptionalPointer(&a) { ap in
                withOptionalPointer(&o) { op in
                    withOptionalPointer(&t) { tp in git_index_conflict_add(index.pointer, ap, op, tp) }
                }
            }
        }
        try GitError.check(code, "record the conflict of \(path) in the index")
        try GitError.check(git_index_write(index.pointer), "write the index")
    }
}

/// Calls `body` with a pointer to the value, or nil when there is none.
private func withOptionalPointer<T, R>(_ value: inout T?, _ body: (UnsafePointer<T>?) -> R) -> R {
    guard var unwrapped = value else { return body(nil) }
    return withUnsafePointer(to: &unwrapped) { body($0) }
}
