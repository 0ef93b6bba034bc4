import Foundation
import GitKit
import PlanModel

/// git's merge strategy `planmerge` (`git-merge-planmerge`), which `git pull` runs through
/// `pull.octopus` when both the hub's main and the partner's publish branch brought new
/// commits. git's own octopus strategy ignores merge drivers and stops at the first file
/// both sides changed; this one merges the heads one after the other, each with the
/// structure-aware merge `planmerge sync` uses (`TreeMerge`), and leaves the result in the
/// index and work tree for git to commit (parents: HEAD and every head).
///
/// Protocol (git's): called as `git-merge-planmerge <base>... -- <HEAD> <head>...`; exit 0
/// merged (git commits), 1 conflicts left for the user (git writes `MERGE_HEAD`), 2 not
/// handled (git puts everything back as it was).
public struct PullStrategy {
    public let repository: Repository
    public let fileMerge: FileMerge

    public init(repository: Repository, fileMerge: FileMerge) {
        self.repository = repository
        self.fileMerge = fileMerge
    }

    public enum Outcome: Sendable {
        /// Merged: index and work tree hold the result.
        case merged
        /// The last head conflicted: conflict blocks in the files, unmerged index entries.
        case conflicts([PlanSync.ConflictedFile])
        /// Not handled; nothing was changed. The reason, with what to type instead.
        case declined(String)
    }

    /// Merges `heads` (in order) into `head`; `names` labels each head in messages (git's
    /// `GITHEAD_<id>` names, e.g. `origin/main`).
    public func merge(head: ObjectID, heads: [ObjectID], names: [ObjectID: String]) throws -> Outcome {
        if try repository.workTreeChanges().contains(where: { $0.staged || $0.conflicted }) {
            return .declined("the index has staged changes: commit them first (git commit), then git pull")
        }
        var current = head
        for (number, theirs) in heads.enumerated() {
            if try current == theirs || repository.isDescendant(current, of: theirs) { continue }
            if try repository.isDescendant(theirs, of: current) {
                current = theirs
                continue
            }
            let name = names[theirs] ?? theirs.short
            guard let base = try repository.mergeBase(current, theirs) else {
                return .declined("\(name) shares no history with this clone: clone the hub again (planmerge clone)")
            }
            let outcome = try TreeMerge(repository: repository, fileMerge: fileMerge)
                .merge(base: base, ours: current, theirs: theirs)
            if !outcome.conflicts.isEmpty {
                guard number == heads.count - 1 else {
                    let paths = outcome.conflicts.map(\.path).joined(separator: ", ")
                    return .declined(
                        "\(name) conflicts with your work in \(paths): merge it on its own first (git merge \(name)), resolve and commit, then git pull again"
                    )
                }
                return .conflicts(try PlanSync.leaveConflicts(outcome, in: repository))
            }
            // A commit of the merge so far (never referenced): the base of the next head.
            let signature = repository.defaultSignature()
            current = try repository.createCommit(
                tree: outcome.tree, parents: [current, theirs], author: signature, committer: signature,
                message: "planmerge: merge \(name) (intermediate)\n")
        }
        try repository.checkout(tree: repository.tree(of: current))
        return .merged
    }
}

/// The `git-merge-planmerge` program `hooks install` writes beside planmerge: git finds merge
/// strategies on `PATH` by that name. `planmerge merge-strategy --print-program` prints it
/// (for a package that installs it beside planmerge).
public enum PullStrategyProgram {
    public static let name = "git-merge-planmerge"

    /// The script: the planmerge beside it (a symbolic link to it on `PATH` finds the
    /// planmerge linked beside it), else planmerge on `PATH` with the usual folders added.
    public static let script = """
        #!/bin/sh
        \(HookScripts.marker)merge strategy for 'git pull' of the hub's main and a partner's publish branch,
        # installed by 'planmerge hooks install' (docs/HOOKS.md). git runs it through pull.octopus.
        here=$(dirname "$0")
        if [ -x "$here/planmerge" ]; then exec "$here/planmerge" merge-strategy "$@"; fi
        PATH="$PATH:/usr/local/bin:/usr/bin:/bin"
        exec planmerge merge-strategy "$@"

        """

    /// Writes the program beside `binary` (same folder, so on `PATH` wherever planmerge is).
    /// Returns a line saying what was done, nil when it was in place; throws when the
    /// folder cannot be written.
    public static func install(beside binary: String) throws -> String? {
        let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        let path = folder + "/" + name
        if let existing = FileManager.default.contents(atPath: path) {
            let text = String(decoding: existing, as: UTF8.self)
            if text == script, FileManager.default.isExecutableFile(atPath: path) { return nil }
            guard HookInstaller.isPlanmergeScript(text) else { throw HookInstaller.ForeignHookError(path: path) }
        }
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return "installed \(path) (git pull's merge of two references)"
    }
}
