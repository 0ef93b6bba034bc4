import CLibgit2

/// A `git_revwalk`, owned.
final class RevwalkHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(in repository: Repository) throws {
        var out: OpaquePointer?
        try GitError.check(git_revwalk_new(&out, repository.pointer), "start a history walk")
        pointer = try Repository.unwrap(out, "start a history walk")
        self.repository = repository
    }

    deinit { git_revwalk_free(pointer) }

    /// A walk from `heads`, leaving out `hiding` and everything they reach. Ids in `hiding`
    /// that are not commits of the repository are skipped (the hub knows commits a
    /// partner's repository may lack).
    static func between(heads: [ObjectID], hiding: [ObjectID], in repository: Repository) throws -> RevwalkHandle {
        let walk = try RevwalkHandle(in: repository)
        try GitError.check(
            git_revwalk_sorting(walk.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue),
            "sort a history walk")
        for head in heads {
            try GitError.check(head.withOID { git_revwalk_push(walk.pointer, $0) }, "walk history from \(head.short)")
        }
        for id in Set(hiding) where try repository.objectHeader(id)?.type == .commit {
            try GitError.check(
                id.withOID { git_revwalk_hide(walk.pointer, $0) }, "leave \(id.short) out of a history walk")
        }
        return walk
    }
}

extension Repository {
    /// The commits reachable from `heads` but not from `hiding`, parents before children
    /// (so the first commit that holds something is met first). Every head must be a
    /// commit; ids in `hiding` this repository does not have as commits are ignored.
    public func commits(from heads: [ObjectID], hiding: [ObjectID]) throws -> [ObjectID] {
        let walk = try RevwalkHandle.between(heads: heads, hiding: hiding, in: self)
        var out: [ObjectID] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walk.pointer)
            if code == GIT_ITEROVER.rawValue { break }
            try GitError.check(code, "walk history from \(heads.map(\.short).joined(separator: ", "))")
            out.append(ObjectID(oid))
        }
        return out
    }
}

extension Repository {
    /// `head` and its first parents (main's line of history), oldest first, at most `limit`
    /// commits counted from `head`. `head` must be a commit.
    public func firstParentCommits(from head: ObjectID, limit: Int) throws -> [ObjectID] {
        let walk = try RevwalkHandle(in: self)
        try GitError.check(git_revwalk_sorting(walk.pointer, GIT_SORT_TOPOLOGICAL.rawValue), "sort a history walk")
        try GitError.check(git_revwalk_simplify_first_parent(walk.pointer), "walk first parents")
        try GitError.check(head.withOID { git_revwalk_push(walk.pointer, $0) }, "walk history from \(head.short)")
        var out: [ObjectID] = []
        var oid = git_oid()
        while out.count < limit {
            let code = git_revwalk_next(&oid, walk.pointer)
            if code == GIT_ITEROVER.rawValue { break }
            try GitError.check(code, "walk history from \(head.short)")
            out.append(ObjectID(oid))
        }
        return out.reversed()
    }
}
