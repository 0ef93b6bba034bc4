/// One entry of a tree exactly as stored: the mode text as written (`100644`, `40000`, or
/// a malformed `040000`), the name's bytes, and the object id. libgit2's parsed tree
/// normalises modes and is looked up by name, so a malformed tree (a zero-padded mode, a
/// name twice, entries out of order) is only visible here.
public struct RawTreeEntry: Sendable, Hashable {
    public var modeText: String
    public var name: [UInt8]
    public var id: ObjectID
}

extension Repository {
    /// The entries of tree `id` as stored, in stored order, refusing before reading it a
    /// tree larger than `maxSize` bytes. Fails on bytes that are not a tree's format.
    public func rawTreeEntries(_ id: ObjectID, maxSize: Int) throws -> [RawTreeEntry] {
        let bytes = try rawObject(id, type: .tree, maxSize: maxSize)
        var entries: [RawTreeEntry] = []
        var index = 0
        func malformed(_ what: String) -> GitError {
            GitError.invalid("malformed tree: \(what) at byte \(index)", operation: "read tree \(id.short)")
        }
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: 0x20) else { throw malformed("no space after the mode") }
            let mode = bytes[index..<space]
            guard !mode.isEmpty, mode.allSatisfy({ (0x30...0x37).contains($0) }) else { throw malformed("bad mode") }
            guard let nul = bytes[(space + 1)...].firstIndex(of: 0) else { throw malformed("no end of the name") }
            guard nul + ObjectID.byteCount < bytes.count else { throw malformed("short object id") }
            let oid = Array(bytes[(nul + 1)...(nul + ObjectID.byteCount)])
            entries.append(
                RawTreeEntry(
                    modeText: String(decoding: mode, as: UTF8.self), name: Array(bytes[(space + 1)..<nul]),
                    id: ObjectID(bytes: oid)))
            index = nul + 1 + ObjectID.byteCount
        }
        return entries
    }
}
