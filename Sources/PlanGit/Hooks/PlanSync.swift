import Foundation
import GitKit
import PlanModel

/// `planmerge sync`: brings the hub's main into a partner's clone with the structure-aware
/// merge. Fast-forward when possible; else a merge commit (parents: HEAD, the hub's main)
/// when every file merges cleanly; else the conflicts are written into the work tree as
/// conflict blocks, recorded in the index and `MERGE_HEAD`, and nothing is committed: the
/// user resolves, `git add`s and `git commit`s as after any `git merge`.
public struct PlanSync {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// Why a sync does not start. Nothing was changed.
    public enum Refusal: Error, Sendable, CustomStringConvertible {
        case bare
        case detachedHead
        case unbornHead
        case operationInProgress
        /// Uncommitted plan files (staged, unstaged or untracked), each named with its state.
        case uncommitted([WorkTreeChange])
        case unrelatedHistories(String)

        /// Each file with its state, and the exact commands that keep the work (commit it) or
        /// set it aside (a stash that includes untracked files, which plain `git stash` leaves).
        static func uncommittedText(_ changes: [WorkTreeChange]) -> String {
            let named = changes.map { change in
                let state =
                    change.untracked
                    ? "new, untracked"
                    : change.conflicted ? "conflicted" : change.staged && !change.unstaged ? "staged" : "modified"
                return "\(change.path) (\(state))"
            }
            let paths = changes.map { ShellWord.quoted($0.path) }.joined(separator: " ")
            return "uncommitted changes to plan files: \(named.joined(separator: ", ")); sync changed nothing. "
                + "To keep them in your work, type: git add \(paths) && git commit -m \"Work in progress\" && planmerge sync. "
                + "To set them aside instead: git stash push --include-untracked && planmerge sync && git stash pop"
        }

        public var description: String {
            switch self {
            case .bare: "this is a bare repository: sync works in a clone with a work tree"
            case .detachedHead: "HEAD is detached: check out your branch first (git switch <branch>)"
            case .unbornHead: "this clone has no commit yet"
            case .operationInProgress:
                "a merge (or rebase) is in progress: finish it with git add and git commit, or abandon it with git merge --abort"
            case .uncommitted(let changes): Self.uncommittedText(changes)
            case .unrelatedHistories(let what): "\(what) shares no history with this clone: clone the hub again"
            }
        }
    }

    public struct ConflictedFile: Sendable {
        public var path: String
        /// The structured conflicts (empty when the file fell back to git's line merge).
        public var conflicts: [MergeConflict]
    }

    public enum Outcome: Sendable {
        case upToDate
        case fastForward(from: ObjectID, to: ObjectID)
        case merged(commit: ObjectID, theirs: ObjectID)
        case conflicts(theirs: ObjectID, files: [ConflictedFile])
    }

    /// Throws a `Refusal` unless the clone is ready to sync: a branch checked out, no merge
    /// in progress, no uncommitted change to the manifest or any file under `sections/`.
    public func preflight() throws {
        guard !repository.isBare else { throw Refusal.bare }
        guard try repository.headBranch() != nil else { throw Refusal.detachedHead }
        guard try repository.head() != nil else { throw Refusal.unbornHead }
        guard !repository.hasOperationInProgress else { throw Refusal.operationInProgress }
        let dirty = try repository.workTreeChanges().filter {
            $0.path == Manifest.fileName || $0.path.hasPrefix("sections/")
        }
        guard dirty.isEmpty else { throw Refusal.uncommitted(dirty) }
    }

    /// Fetches `branch` of `url` into `trackingRef` and returns the fetched commit.
    public func fetch(url: String, branch: String, into trackingRef: String, timeout: Duration?) throws -> ObjectID {
        try repository.fetch(url: url, refspecs: ["+refs/heads/\(branch):\(trackingRef)"], timeout: timeout)
        guard let fetched = try repository.reference(named: trackingRef) else {
            throw GitError.invalid("\(url) has no branch \(branch)", operation: "fetch \(url)")
        }
        return fetched
    }

    /// Merges commit `theirs` (the hub's main, called `label` in messages) into HEAD.
    public func merge(_ theirs: ObjectID, label: String, dueReference: Day?, labels: ConflictWriter.Labels) throws
        -> Outcome
    {
        try preflight()
        guard let branch = try repository.headBranch() else { throw Refusal.detachedHead }
        guard let head = try repository.head() else { throw Refusal.unbornHead }
        if try repository.isDescendant(head, of: theirs) { return .upToDate }
        if try repository.isDescendant(theirs, of: head) {
            try repository.checkout(tree: repository.tree(of: theirs))
            try repository.updateReference(
                branch, to: theirs, expected: head, message: "planmerge sync: fast-forward to \(label) \(theirs.short)")
            return .fastForward(from: head, to: theirs)
        }
        guard let base = try repository.mergeBase(head, theirs) else { throw Refusal.unrelatedHistories(label) }
        let merge = TreeMerge(repository: repository, fileMerge: FileMerge(dueReference: dueReference, labels: labels))
        let outcome = try merge.merge(base: base, ours: head, theirs: theirs)
        let message =
            "Merge \(label) (\(theirs.short)) into \(Self.shortName(branch))\n\nMerged by planmerge sync (structure-aware: actions by reference, fields by name).\n"

        guard outcome.conflicts.isEmpty else {
            let files = try Self.leaveConflicts(outcome, in: repository)
            try repository.beginMerge(of: theirs, message: message)
            return .conflicts(theirs: theirs, files: files)
        }
        let signature = repository.defaultSignature()
        let commit = try repository.createCommit(
            tree: outcome.tree, parents: [head, theirs], author: signature, committer: signature, message: message)
        try repository.checkout(tree: outcome.tree)
        try repository.updateReference(
            branch, to: commit, expected: head, message: "planmerge sync: merge \(label) \(theirs.short)")
        return .merged(commit: commit, theirs: theirs)
    }

    /// Checks the merged tree out and leaves each conflicted file for the user: its conflict
    /// blocks in the work tree, its three versions as unmerged index entries (`UU`).
    static func leaveConflicts(_ outcome: TreeMerge.Outcome, in repository: Repository) throws -> [ConflictedFile] {
        try repository.checkout(tree: outcome.tree)
        for conflict in outcome.conflicts {
            if let text = conflict.text, let workdir = repository.workdir {
                let url = URL(fileURLWithPath: workdir + conflict.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text).write(to: url)
            }
            try repository.markConflict(
                path: conflict.path, ancestor: conflict.base, ours: conflict.ours, theirs: conflict.theirs)
        }
        return outcome.conflicts.map { ConflictedFile(path: $0.path, conflicts: $0.conflicts) }
    }

    static func shortName(_ ref: String) -> String {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : ref
    }
}

/// A word as the officer types it into a shell: single-quoted when it holds anything but
/// letters, digits and `/._-` (a "15 - Copy.md" stays one word).
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "/._-".unicodeScalars.contains($0)
        }
        return plain && !word.isEmpty ? word : HookInstaller.shellQuoted(word)
    }
}
