import CLibgit2

/// A `git_packbuilder`, owned.
private final class PackbuilderHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(in repository: Repository) throws {
        var out: OpaquePointer?
        try GitError.check(git_packbuilder_new(&out, repository.pointer), "start a pack")
        pointer = try Repository.unwrap(out, "start a pack")
        self.repository = repository
    }

    deinit { git_packbuilder_free(pointer) }
}

extension Repository {
    /// Writes the objects reachable from `heads` and not from `hiding` (commits, their trees
    /// and blobs) as one pack, with its index, into the folder `packDirectory` (another
    /// repository's `objects/pack`): how objects checked in one object store are copied
    /// into another. Returns how many objects the pack holds (0: nothing written).
    @discardableResult
    public func writePack(from heads: [ObjectID], hiding: [ObjectID], into packDirectory: String) throws -> Int {
        let walk = try RevwalkHandle.between(heads: heads, hiding: hiding, in: self)
        let builder = try PackbuilderHandle(in: self)
        // One thread: the objects are a few plan files, and packing must not take the machine.
        _ = git_packbuilder_set_threads(builder.pointer, 1)
        try GitError.check(git_packbuilder_insert_walk(builder.pointer, walk.pointer), "collect objects to copy")
        let count = git_packbuilder_object_count(builder.pointer)
        guard count > 0 else { return 0 }
        try GitError.check(
            git_packbuilder_write(builder.pointer, packDirectory, 0, nil, nil), "write a pack into \(packDirectory)")
        return count
    }
}
