import CLibgit2

extension Repository {
    /// The bytes of blob `id`. Fails if `id` is not a blob.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        let object = try GitObject.lookup(id, .blob, in: self)
        let size = Int(git_blob_rawsize(object.pointer))
        guard size > 0, let content = git_blob_rawcontent(object.pointer) else { return [] }
        // The content belongs to `object`, which lives until the end of this function.
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The bytes of blob `id`, refusing (before loading it) a blob larger than `maxSize`
    /// bytes: a hostile partner's huge file costs a header read, not memory.
    public func blob(_ id: ObjectID, maxSize: Int) throws -> [UInt8] {
        let size = try blobSize(id)
        guard size <= maxSize else {
            throw GitError.invalid(
                "blob is \(size) bytes, more than the limit of \(maxSize)",
                operation: "read blob \(id.short)")
        }
        return try blob(id)
    }

    /// The size of blob `id` in bytes, read from the object header without loading the
    /// content (so a huge file can be refused cheaply).
    public func blobSize(_ id: ObjectID) throws -> Int {
        let header = try ObjectDatabase(of: self).header(id)
        guard header.type == .blob else {
            throw GitError.invalid(
                "object is a \(header.type?.description ?? "unknown object"), not a blob",
                operation: "read size of blob \(id.short)")
        }
        return header.size
    }

    /// True if git's heuristic calls blob `id` binary (a NUL byte or many non-text bytes
    /// in its first 8000 bytes).
    public func isBinary(_ id: ObjectID) throws -> Bool {
        let object = try GitObject.lookup(id, .blob, in: self)
        return git_blob_is_binary(object.pointer) == 1
    }

    /// Writes `bytes` as a blob and returns its id (a no-op if it exists already).
    @discardableResult
    public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { buffer in
            git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count)
        }
        try GitError.check(code, "write blob of \(bytes.count) bytes")
        return ObjectID(oid)
    }

    /// Writes the UTF-8 bytes of `text` as a blob.
    @discardableResult
    public func writeBlob(_ text: String) throws -> ObjectID {
        try writeBlob(Array(text.utf8))
    }
}
