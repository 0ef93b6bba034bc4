import CLibgit2

/// Labels written on conflict markers by `Repository.mergeText`.
public struct MergeLabels: Sendable {
    public var base: String
    public var ours: String
    public var theirs: String

    public init(base: String = "base", ours: String = "ours", theirs: String = "theirs") {
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }
}

/// How conflicts are written by `Repository.mergeText`.
public enum ConflictStyle: Sendable {
    /// `<<<<<<< ours`, `=======`, `>>>>>>> theirs`.
    case merge
    /// As `merge`, plus the base between `||||||| base` and `=======`.
    case diff3
}

extension Repository {
    /// The best common ancestor of two commits; nil if they share no history.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        let code = a.withOID { ao in b.withOID { bo in git_merge_base(&out, pointer, ao, bo) } }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "find merge base of \(a.short) and \(b.short)")
        return ObjectID(out)
    }

    /// Every best common ancestor of two commits (more than one after criss-cross merges).
    public func mergeBases(_ a: ObjectID, _ b: ObjectID) throws -> [ObjectID] {
        var array = git_oidarray()
        let code = a.withOID { ao in b.withOID { bo in git_merge_bases(&array, pointer, ao, bo) } }
        if code == GIT_ENOTFOUND.rawValue { return [] }
        try GitError.check(code, "find merge bases of \(a.short) and \(b.short)")
        var result: [ObjectID] = []
        if let ids = array.ids {
            for index in 0..<array.count { result.append(ObjectID(ids[index])) }
        }
        git_oidarray_dispose(&array)
        return result
    }

    /// A common ancestor of all `commits` (`git_merge_base_many`, as `git merge-base
    /// <first> <others>...` for an octopus merge); nil if there is none.
    public func mergeBase(of commits: [ObjectID]) throws -> ObjectID? {
        guard commits.count >= 2 else { return commits.first }
        let oids = commits.map(\.oid)
        var out = git_oid()
        let code = oids.withUnsafeBufferPointer { git_merge_base_many(&out, pointer, $0.count, $0.baseAddress) }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "find merge base of \(commits.count) commits")
        return ObjectID(out)
    }

    /// True if `commit` is `ancestor` or has it in its history (so moving a reference from
    /// `ancestor` to `commit` is a fast-forward).
    public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws -> Bool {
        if commit == ancestor { return true }
        let code = commit.withOID { c in ancestor.withOID { a in git_graph_descendant_of(pointer, c, a) } }
        try GitError.check(code, "check whether \(commit.short) descends from \(ancestor.short)")
        return code == 1
    }

    /// How many commits `local` has that `upstream` lacks (ahead), and the reverse (behind).
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0, behind = 0
        let code = local.withOID { l in upstream.withOID { u in git_graph_ahead_behind(&ahead, &behind, pointer, l, u) }
        }
        try GitError.check(code, "count commits between \(local.short) and \(upstream.short)")
        return (ahead, behind)
    }

    /// Line-level three-way merge of texts (`git merge-file`): changes from `ours` and
    /// `theirs` relative to `base` are combined; overlapping changes become conflict
    /// regions with markers in `text` and `clean` is false. Needs no repository.
    public static func mergeText(
        base: String, ours: String, theirs: String,
        labels: MergeLabels = MergeLabels(),
        style: ConflictStyle = .merge
    ) throws -> (clean: Bool, text: String) {
        Libgit2.ensureInitialized()
        var options = git_merge_file_options()
        try GitError.check(
            git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)),
            "prepare text merge options")
        if style == .diff3 { options.flags |= GIT_MERGE_FILE_STYLE_DIFF3.rawValue }
        let baseBytes = Array(base.utf8), oursBytes = Array(ours.utf8), theirsBytes = Array(theirs.utf8)
        var result = git_merge_file_result()
        let code: Int32 = labels.base.withCString { baseLabel in
            labels.ours.withCString { oursLabel in
                labels.theirs.withCString { theirsLabel in
                    options.ancestor_label = baseLabel
                    options.our_label = oursLabel
                    options.their_label = theirsLabel
                    return withInput(baseBytes) { baseInput in
                        withInput(oursBytes) { oursInput in
                            withInput(theirsBytes) { theirsInput in
                                git_merge_file(&result, baseInput, oursInput, theirsInput, &options)
                            }
                        }
                    }
                }
            }
        }
        try GitError.check(code, "merge text")
        let text: String
        if let ptr = result.ptr, result.len > 0 {
            text = String(decoding: UnsafeRawBufferPointer(start: ptr, count: result.len), as: UTF8.self)
        } else {
            text = ""
        }
        let clean = result.automergeable != 0
        git_merge_file_result_free(&result)
        return (clean, text)
    }

    /// Calls `body` with a `git_merge_file_input` over `bytes`, valid only inside `body`.
    /// A NUL is appended (not counted in `size`) so even an empty text has a real pointer.
    private static func withInput<R>(_ bytes: [UInt8], _ body: (UnsafePointer<git_merge_file_input>) -> R) -> R {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            var input = git_merge_file_input()
            _ = git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
            return buffer.withMemoryRebound(to: CChar.self) { chars in
                input.ptr = chars.baseAddress
                input.size = chars.count - 1
                return withUnsafePointer(to: &input) { body($0) }
            }
        }
    }
}
