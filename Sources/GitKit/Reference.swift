import CLibgit2

/// A reference and the commit (or other object) it resolves to.
public struct ReferenceEntry: Sendable, Hashable {
    /// Full name, e.g. `refs/planmerge/partners/pct`.
    public let name: String
    /// The object it points at, symbolic references resolved; for an annotated tag this is
    /// the tag object, not the commit.
    public let target: ObjectID

    public init(name: String, target: ObjectID) {
        self.name = name
        self.target = target
    }
}

/// A `git_reference`, owned.
final class ReferenceHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(_ pointer: OpaquePointer, in repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_reference_free(pointer) }

    var name: String { String(cString: git_reference_name(pointer)) }

    /// The target of a direct reference; for a symbolic one, the id it resolves to (nil when
    /// it resolves to nothing, e.g. an unborn branch).
    var target: ObjectID? {
        if let oid = git_reference_target(pointer) { return ObjectID(oid.pointee) }
        var resolved: OpaquePointer?
        guard git_reference_resolve(&resolved, pointer) == 0, let resolved else { return nil }
        let direct = ReferenceHandle(resolved, in: repository)
        return git_reference_target(direct.pointer).map { ObjectID($0.pointee) }
    }

    /// The name a symbolic reference points to; nil for a direct reference.
    var symbolicTarget: String? {
        git_reference_symbolic_target(pointer).map { String(cString: $0) }
    }
}

/// A `git_reference_iterator`, owned.
private final class ReferenceIterator {
    let pointer: OpaquePointer
    private let repository: Repository

    init(glob: String, in repository: Repository) throws {
        var out: OpaquePointer?
        try GitError.check(git_reference_iterator_glob_new(&out, repository.pointer, glob), "list references \(glob)")
        pointer = try Repository.unwrap(out, "list references \(glob)")
        self.repository = repository
    }

    deinit { git_reference_iterator_free(pointer) }

    func next() throws -> ReferenceHandle? {
        var out: OpaquePointer?
        let code = git_reference_next(&out, pointer)
        if code == GIT_ITEROVER.rawValue { return nil }
        try GitError.check(code, "list references")
        return ReferenceHandle(try Repository.unwrap(out, "list references"), in: repository)
    }
}

extension Repository {
    /// The id a reference resolves to (`refs/heads/main`, `HEAD`, `main`); nil if it does
    /// not exist or is unborn. Short names are resolved the way git does (`main` finds
    /// `refs/heads/main`).
    public func reference(named name: String) throws -> ObjectID? {
        var out: OpaquePointer?
        let code = git_reference_dwim(&out, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "look up reference \(name)")
        return ReferenceHandle(try Repository.unwrap(out, "look up reference \(name)"), in: self).target
    }

    /// The references whose full name matches a glob (`refs/planmerge/partners/*`,
    /// `refs/tags/cabinet/*`), sorted by name. References resolving to nothing are left out.
    public func references(matching glob: String) throws -> [ReferenceEntry] {
        let iterator = try ReferenceIterator(glob: glob, in: self)
        var entries: [ReferenceEntry] = []
        while let reference = try iterator.next() {
            if let target = reference.target {
                entries.append(ReferenceEntry(name: reference.name, target: target))
            }
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// Compare-and-swap: sets reference `name` to `new` only if it currently points at
    /// `expected` (`expected` nil: only if it does not exist yet). The check and the write
    /// happen under git's lock file for the reference, so of two concurrent updates from the
    /// same old value exactly one wins. A reflog entry with `message` is written (the
    /// reflog is created if the reference had none).
    ///
    /// - Throws: `ReferenceMovedError` when the reference no longer had the expected value;
    ///   `GitError` with `isLocked` when another process holds the lock right now (nothing
    ///   was written; retry or report); other `GitError`s for invalid names or ids.
    public func updateReference(_ name: String, to new: ObjectID, expected old: ObjectID?, message: String) throws {
        let hadLog = git_reference_has_log(pointer, name) == 1
        if !hadLog { try GitError.check(git_reference_ensure_log(pointer, name), "create reflog of \(name)") }
        var out: OpaquePointer?
        let code: Int32 = new.withOID { newOID in
            if let old {
                return old.withOID { oldOID in
                    git_reference_create_matching(&out, pointer, name, newOID, 1, oldOID, message)
                }
            }
            return createIfAbsent(name, newOID, message)
        }
        if code == 0 {
            if let out { _ = ReferenceHandle(out, in: self) }  // frees it
            return
        }
        let failure = GitError.last(code: code, operation: "update reference \(name) to \(new.short)")
        // Leave no empty reflog behind for a reference that still does not exist.
        if !hadLog, (try? directTarget(name)) == nil { _ = git_reflog_delete(pointer, name) }
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ENOTFOUND.rawValue {
            let actual = try? directTarget(name)
            if actual != old { throw ReferenceMovedError(name: name, expected: old, actual: actual) }
        }
        throw failure
    }

    /// Creates `name` only if it does not exist, checking that under the reference's lock.
    /// (`git_reference_create` without force checks before taking the lock, so two racing
    /// creators could both win; a transaction holds the lock across the check.)
    private func createIfAbsent(_ name: String, _ new: UnsafePointer<git_oid>, _ message: String) -> Int32 {
        var transaction: OpaquePointer?
        var code = git_transaction_new(&transaction, pointer)
        guard code == 0, let transaction else { return code }
        defer { git_transaction_free(transaction) }
        code = git_transaction_lock_ref(transaction, name)
        guard code == 0 else { return code }
        var existing: OpaquePointer?
        let lookup = git_reference_lookup(&existing, pointer, name)
        if lookup == 0 {
            git_reference_free(existing)
            return GIT_EEXISTS.rawValue
        }
        guard lookup == GIT_ENOTFOUND.rawValue else { return lookup }
        code = git_transaction_set_target(transaction, name, new, nil, message)
        guard code == 0 else { return code }
        return git_transaction_commit(transaction)
    }

    /// Deletes reference `name` (and its reflog). With `expected`, only if it still points
    /// there (`ReferenceMovedError` otherwise). Deleting a reference that does not exist is
    /// not an error when `expected` is nil.
    public func deleteReference(_ name: String, expected: ObjectID? = nil) throws {
        var out: OpaquePointer?
        let code = git_reference_lookup(&out, pointer, name)
        if code == GIT_ENOTFOUND.rawValue {
            if let expected { throw ReferenceMovedError(name: name, expected: expected, actual: nil) }
            return
        }
        try GitError.check(code, "look up reference \(name)")
        let reference = ReferenceHandle(try Repository.unwrap(out, "look up reference \(name)"), in: self)
        let current = reference.target
        if let expected, current != expected {
            throw ReferenceMovedError(name: name, expected: expected, actual: current)
        }
        // libgit2 deletes only if the reference still has the value just read (under lock).
        let deleted = git_reference_delete(reference.pointer)
        if deleted == GIT_EMODIFIED.rawValue {
            throw ReferenceMovedError(name: name, expected: current, actual: try? directTarget(name))
        }
        try GitError.check(deleted, "delete reference \(name)")
    }

    /// The target of exactly the reference `name` (no short-name guessing).
    public func directTarget(_ name: String) throws -> ObjectID? {
        var out: OpaquePointer?
        let code = git_reference_lookup(&out, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "look up reference \(name)")
        return ReferenceHandle(try Repository.unwrap(out, "look up reference \(name)"), in: self).target
    }
}
