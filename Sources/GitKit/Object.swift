import CLibgit2

/// The kind of a git object.
public enum ObjectType: Sendable, CustomStringConvertible {
    case commit, tree, blob, tag

    init?(_ type: git_object_t) {
        switch type {
        case GIT_OBJECT_COMMIT: self = .commit
        case GIT_OBJECT_TREE: self = .tree
        case GIT_OBJECT_BLOB: self = .blob
        case GIT_OBJECT_TAG: self = .tag
        default: return nil
        }
    }

    var raw: git_object_t {
        switch self {
        case .commit: GIT_OBJECT_COMMIT
        case .tree: GIT_OBJECT_TREE
        case .blob: GIT_OBJECT_BLOB
        case .tag: GIT_OBJECT_TAG
        }
    }

    public var description: String {
        switch self {
        case .commit: "commit"
        case .tree: "tree"
        case .blob: "blob"
        case .tag: "tag"
        }
    }
}

/// Any object read from a repository (`git_object`), owned. Typed objects (`git_commit`,
/// `git_tree`, `git_blob`, `git_tag`) are `git_object`s in libgit2, so this one owner class
/// serves them all; `pointer` is passed to the typed accessors.
final class GitObject {
    let pointer: OpaquePointer
    /// Keeps the repository open while the object exists.
    let repository: Repository

    init(_ pointer: OpaquePointer, in repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_object_free(pointer) }

    var id: ObjectID {
        guard let oid = git_object_id(pointer) else { return ObjectID(git_oid()) }
        return ObjectID(oid.pointee)
    }

    var type: ObjectType? { ObjectType(git_object_type(pointer)) }

    /// Looks an object up by id; `type` nil accepts any type.
    static func lookup(_ id: ObjectID, _ type: ObjectType?, in repository: Repository) throws -> GitObject {
        var out: OpaquePointer?
        let kind = type?.raw ?? GIT_OBJECT_ANY
        let operation = "look up \(type?.description ?? "object") \(id.short)"
        let code = id.withOID { git_object_lookup(&out, repository.pointer, $0, kind) }
        try GitError.check(code, operation)
        return GitObject(try Repository.unwrap(out, operation), in: repository)
    }

    static func revparse(_ spec: String, in repository: Repository) throws -> GitObject {
        var out: OpaquePointer?
        try GitError.check(git_revparse_single(&out, repository.pointer, spec), "resolve revision \(spec)")
        return GitObject(try Repository.unwrap(out, "resolve revision \(spec)"), in: repository)
    }

    /// Peels tags (and commits, for a tree) until an object of `type`.
    func peel(to type: git_object_t, _ operation: @autoclosure () -> String) throws -> GitObject {
        var out: OpaquePointer?
        try GitError.check(git_object_peel(&out, pointer, type), operation())
        return GitObject(try Repository.unwrap(out, operation()), in: repository)
    }
}

extension Repository {
    /// The type of the object `id`, nil if it is not in the repository.
    public func objectType(_ id: ObjectID) throws -> ObjectType? {
        let odb = try ObjectDatabase(of: self)
        guard odb.exists(id) else { return nil }
        return try odb.header(id).type
    }

    /// True if the object is in the repository (or one of its alternates).
    public func contains(_ id: ObjectID) throws -> Bool {
        try ObjectDatabase(of: self).exists(id)
    }
}
