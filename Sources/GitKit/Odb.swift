import CLibgit2

/// The repository's object database (`git_odb`), owned: object headers (type and size)
/// without loading contents, raw object bytes under a size limit, existence, and in-memory
/// alternates.
final class ObjectDatabase {
    let pointer: OpaquePointer
    private let repository: Repository

    init(of repository: Repository) throws {
        var out: OpaquePointer?
        try GitError.check(git_repository_odb(&out, repository.pointer), "open object database")
        pointer = try Repository.unwrap(out, "open object database")
        self.repository = repository
    }

    deinit { git_odb_free(pointer) }

    /// Size and type of an object, read from its header only.
    func header(_ id: ObjectID) throws -> (size: Int, type: ObjectType?) {
        var size = 0
        var type = GIT_OBJECT_INVALID
        let code = id.withOID { git_odb_read_header(&size, &type, pointer, $0) }
        try GitError.check(code, "read header of object \(id.short)")
        return (size, ObjectType(type))
    }

    func exists(_ id: ObjectID) -> Bool {
        id.withOID { git_odb_exists(pointer, $0) } == 1
    }
}

/// A `git_odb_object` (an object's raw bytes), owned.
private final class RawObjectHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_odb_object_free(pointer) }
}

/// Type and size of an object, from its header.
public struct ObjectHeader: Sendable, Hashable {
    public var type: ObjectType
    public var size: Int
}

extension Repository {
    /// The type and size of object `id` from its header, without loading its content (a
    /// packed object's header is a few bytes of the pack); nil if the object is not in the
    /// repository or its alternates. Fails on an unreadable object or an unknown type.
    public func objectHeader(_ id: ObjectID) throws -> ObjectHeader? {
        let odb = try ObjectDatabase(of: self)
        guard odb.exists(id) else { return nil }
        let header = try odb.header(id)
        guard let type = header.type else {
            throw GitError.invalid("object of an unknown type", operation: "read header of object \(id.short)")
        }
        return ObjectHeader(type: type, size: header.size)
    }

    /// The raw content of object `id` (for a tree: its entries as git stores them),
    /// refusing before loading it an object larger than `maxSize` bytes or not of `type`.
    public func rawObject(_ id: ObjectID, type: ObjectType, maxSize: Int) throws -> [UInt8] {
        let operation = "read \(type) \(id.short)"
        guard let header = try objectHeader(id) else {
            throw GitError(code: GIT_ENOTFOUND.rawValue, klass: 0, message: "object not found", operation: operation)
        }
        guard header.type == type else {
            throw GitError.invalid("object is a \(header.type), not a \(type)", operation: operation)
        }
        guard header.size <= maxSize else {
            throw GitError.invalid(
                "object is \(header.size) bytes, more than the limit of \(maxSize)", operation: operation)
        }
        let odb = try ObjectDatabase(of: self)
        var out: OpaquePointer?
        try GitError.check(id.withOID { git_odb_read(&out, odb.pointer, $0) }, operation)
        let object = RawObjectHandle(try Repository.unwrap(out, operation))
        let size = git_odb_object_size(object.pointer)
        guard size > 0, let data = git_odb_object_data(object.pointer) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }

    /// Adds the object folder `objectsPath` (another repository's `objects`) to this
    /// handle's object database as an alternate, for this handle only: nothing is written
    /// to `objects/info/alternates`.
    public func addAlternate(objectsPath: String) throws {
        let odb = try ObjectDatabase(of: self)
        try GitError.check(git_odb_add_disk_alternate(odb.pointer, objectsPath), "add alternate \(objectsPath)")
    }
}
