import GitKit
import PlanModel

/// Every object a partner brings, commit by commit, against `ObjectRules`: what consolidate
/// checks in its staging store (and, for a path remote, in the partner's own repository
/// before fetching) and what the hub's push hook checks. Not only the net change: a
/// history that ever holds an unsafe object is refused whole, because once merged every
/// commit of it stays reachable from main (and `git fsck`, and every mirror that checks
/// objects, would refuse the hub).
///
/// Sizes are read from object headers before any content is loaded; blobs are read only
/// when they fit `maxFileBytes` (for git's binary test), trees only when they fit
/// `maxTreeBytes`. Each object is looked at once; an object a `known` commit holds at the same
/// path is not looked at again (so the cost follows the change: an unchanged folder is
/// skipped by its id, the way a tree diff skips it, without walking the whole known tree).
public struct HistoryCheck {
    public let repository: Repository
    public var maxFileBytes: Int
    public var maxTreeBytes: Int
    /// At most this many reasons are listed (the first ones in history order).
    public var maxReasons = 20
    /// The hub's own object store, without what is being checked (for the push hook: the
    /// hub opened without git's quarantine). When given, the commits are first found by
    /// their headers, from the heads down to the commits the hub has, so that no commit
    /// larger than `maxTreeBytes` is ever loaded (a history walk loads each commit whole).
    public var trusted: Repository?

    public init(
        repository: Repository, maxFileBytes: Int = ObjectRules.maxFileBytes,
        maxTreeBytes: Int = ObjectRules.maxTreeBytes, trusted: Repository? = nil
    ) {
        self.repository = repository
        self.maxFileBytes = maxFileBytes
        self.maxTreeBytes = maxTreeBytes
        self.trusted = trusted
    }

    /// Why the commits reachable from `heads` and not from `known` cannot enter the hub,
    /// each naming the commit and the path; empty when every object is safe. `known` are
    /// commits the hub holds already (main, the partner's previous head); those this
    /// repository lacks are ignored.
    public func refusals(heads: [ObjectID], known: [ObjectID]) throws -> [String] {
        var walk = Walk(check: self)
        for head in heads {
            guard let header = try repository.objectHeader(head) else {
                walk.reasons.append("\(head.short) is missing from the repository")
                continue
            }
            if header.type != .commit {
                walk.reasons.append("the branch points at \(head.short), which is a \(header.type), not a commit")
            }
        }
        guard walk.reasons.isEmpty else { return walk.reasons }
        if let trusted {
            let oversized = try commitsOverLimit(from: heads, trusted: trusted)
            guard oversized.isEmpty else { return oversized }
        }
        for id in known where try repository.objectHeader(id)?.type == .commit {
            walk.knownRoots.append(try repository.tree(of: id))
        }
        for commit in try repository.commits(from: heads, hiding: known) {
            try walk.scan(commit: commit)
            if walk.reasons.count >= maxReasons { break }
        }
        guard !walk.reasons.isEmpty else { return [] }
        return Array(walk.reasons.prefix(maxReasons)) + [
            "a history that ever holds such an object is refused whole, even when a later commit removes it: "
                + "every commit of it would stay in the hub. The partner rewrites those commits without it "
                + "(git rebase -i) and publishes again"
        ]
    }

    /// Commits new to `trusted` (found from `heads` by parents, stopping at commits it has)
    /// that are missing, not commits, or larger than `maxTreeBytes`, each read by its header
    /// before it is loaded.
    private func commitsOverLimit(from heads: [ObjectID], trusted: Repository) throws -> [String] {
        var pending = heads
        var seen: Set<ObjectID> = []
        var reasons: [String] = []
        while let id = pending.popLast(), reasons.count < maxReasons {
            guard seen.insert(id).inserted, try !trusted.contains(id) else { continue }
            guard let header = try repository.objectHeader(id) else {
                reasons.append("commit \(id.short) is missing (a shallow or broken history)")
                continue
            }
            guard header.type == .commit, header.size <= maxTreeBytes else {
                reasons.append(
                    "commit \(id.short) is a \(header.type) of \(header.size) bytes, where a commit of at most "
                        + "\(maxTreeBytes) bytes belongs")
                continue
            }
            pending += try repository.commit(id).parents
        }
        return reasons
    }

    /// One walk's state: what was looked at, and the reasons found.
    private struct Walk {
        let check: HistoryCheck
        var seen: Set<ObjectID> = []
        var reasons: [String] = []
        /// The root trees of the known commits (the hub holds them and all they hold).
        var knownRoots: [ObjectID] = []
        var repository: Repository { check.repository }

        init(check: HistoryCheck) { self.check = check }

        /// The entries of the known trees `known` (the hub's own) by name: their ids, and
        /// whether each is a folder.
        func knownEntries(_ known: [ObjectID]) throws -> [[UInt8]: [(id: ObjectID, folder: Bool)]] {
            var out: [[UInt8]: [(id: ObjectID, folder: Bool)]] = [:]
            for tree in known {
                for entry in try repository.rawTreeEntries(tree, maxSize: .max) {
                    out[entry.name, default: []].append((entry.id, ObjectRules.kind(ofMode: entry.modeText) == .folder))
                }
            }
            return out
        }

        mutating func scan(commit: ObjectID) throws {
            guard let header = try repository.objectHeader(commit), header.size <= check.maxTreeBytes else {
                reasons.append("commit \(commit.short) is larger than \(check.maxTreeBytes) bytes")
                return
            }
            try scan(tree: repository.tree(of: commit), path: [], commit: commit, known: knownRoots)
        }

        private mutating func refuse(_ commit: ObjectID, _ message: String) {
            reasons.append("commit \(commit.short): \(message)")
        }

        /// `known`: the known commits' trees at this same path.
        private mutating func scan(tree: ObjectID, path: [UInt8], commit: ObjectID, known: [ObjectID]) throws {
            guard seen.insert(tree).inserted, !known.contains(tree) else { return }
            let shown = path.isEmpty ? "the root folder" : ObjectRules.displayPath(path)
            guard let header = try repository.objectHeader(tree) else {
                return refuse(commit, "\(shown): tree \(tree.short) is missing")
            }
            guard header.type == .tree else {
                return refuse(commit, "\(shown) is a folder whose object is a \(header.type)")
            }
            guard header.size <= check.maxTreeBytes else {
                return refuse(
                    commit, "\(shown) is a folder of \(header.size) bytes, more than the \(check.maxTreeBytes) allowed")
            }
            let entries: [RawTreeEntry]
            do {
                entries = try repository.rawTreeEntries(tree, maxSize: check.maxTreeBytes)
            } catch let error as GitError {
                return refuse(commit, "\(shown): \(error.message)")
            }
            let kinds = entries.map { ObjectRules.kind(ofMode: $0.modeText) }
            let held = try knownEntries(known)
            func full(_ name: [UInt8]) -> [UInt8] { path.isEmpty ? name : path + [0x2F] + name }
            let order = ObjectRules.orderProblems(names: entries.map(\.name), isFolder: kinds.map { $0 == .folder })
            for (index, problem) in order {
                refuse(commit, "\(ObjectRules.displayPath(full(entries[index].name))): \(problem)")
            }
            for (entry, kind) in zip(entries, kinds) {
                let entryPath = full(entry.name)
                let display = ObjectRules.displayPath(entryPath)
                if let problem = ObjectRules.nameProblem(entry.name) {
                    refuse(commit, "\(display): \(problem)")
                }
                if let problem = ObjectRules.modeProblem(kind, modeText: entry.modeText, path: display) {
                    let modules = ObjectRules.isDotGitModules(entry.name) ? " (fsck: gitmodulesSymlink)" : ""
                    refuse(commit, problem + modules)
                    continue
                }
                let heldHere = held[entry.name] ?? []
                if heldHere.contains(where: { $0.id == entry.id }) { continue }  // the hub holds it at this path
                switch kind {
                case .folder:
                    try scan(
                        tree: entry.id, path: entryPath, commit: commit,
                        known: heldHere.filter(\.folder).map(\.id))
                case .file, .executable: try scan(blob: entry.id, display: display, commit: commit)
                default: break
                }
            }
        }

        private mutating func scan(blob: ObjectID, display: String, commit: ObjectID) throws {
            guard seen.insert(blob).inserted else { return }
            guard let header = try repository.objectHeader(blob) else {
                return refuse(commit, "\(display): blob \(blob.short) is missing")
            }
            guard header.type == .blob else {
                return refuse(commit, "\(display) is a file whose object is a \(header.type)")
            }
            if let problem = ObjectRules.sizeProblem(header.size, limit: check.maxFileBytes, path: display) {
                return refuse(commit, problem)
            }
            if try repository.isBinary(blob) {
                refuse(commit, "\(display) is a binary file; plan files must be plain text")
            }
        }
    }
}
