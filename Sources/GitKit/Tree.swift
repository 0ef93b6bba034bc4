import CLibgit2

/// The mode of a tree entry, i.e. what kind of thing it is.
public enum FileMode: UInt32, Sendable, CustomStringConvertible {
    /// A regular file (100644).
    case blob = 0o100644
    /// An executable file (100755).
    case executable = 0o100755
    /// A symbolic link (120000); the blob holds the link target.
    case link = 0o120000
    /// A folder (040000).
    case tree = 0o040000
    /// A gitlink (160000): a submodule's commit, not an object of this repository.
    case commit = 0o160000

    init?(_ mode: git_filemode_t) { self.init(rawValue: mode.rawValue) }

    var raw: git_filemode_t { git_filemode_t(rawValue: rawValue) }

    /// True for regular and executable files: the only entries whose content is plain bytes.
    public var isFile: Bool { self == .blob || self == .executable }

    public var description: String {
        switch self {
        case .blob: "file"
        case .executable: "executable file"
        case .link: "symbolic link"
        case .tree: "folder"
        case .commit: "submodule"
        }
    }
}

/// One entry of a tree, with its full path from the tree root.
public struct TreeEntry: Sendable, Hashable {
    /// Full path from the root tree, `/`-separated (`sections/pct/rec-01.txt`).
    public let path: String
    /// The last component of `path`.
    public let name: String
    public let id: ObjectID
    public let mode: FileMode
    /// False when some component of the stored name was not valid UTF-8; `path` then holds
    /// replacement characters and cannot be used to look the entry up again.
    public let pathIsValidUTF8: Bool

    public init(path: String, name: String, id: ObjectID, mode: FileMode, pathIsValidUTF8: Bool = true) {
        self.path = path
        self.name = name
        self.id = id
        self.mode = mode
        self.pathIsValidUTF8 = pathIsValidUTF8
    }
}

/// A change to one path of a tree, for `Repository.updateTree`.
public enum TreeChange: Sendable {
    /// Add the path, or replace what is there (a file, or a folder, at that path).
    case upsert(ObjectID, FileMode)
    /// Remove the path (a file or a whole folder); nothing happens if it is absent.
    case remove
}

/// A `git_treebuilder`, owned.
private final class TreeBuilderHandle {
    let pointer: OpaquePointer
    private let repository: Repository
    private let source: GitObject?

    init(base: GitObject?, in repository: Repository) throws {
        var out: OpaquePointer?
        try GitError.check(git_treebuilder_new(&out, repository.pointer, base?.pointer), "start a tree")
        pointer = try Repository.unwrap(out, "start a tree")
        self.repository = repository
        source = base
    }

    deinit { git_treebuilder_free(pointer) }

    var count: Int { git_treebuilder_entrycount(pointer) }

    /// The id and mode of entry `name`, if present.
    func get(_ name: String) -> (id: ObjectID, mode: FileMode?)? {
        guard let entry = git_treebuilder_get(pointer, name), let oid = git_tree_entry_id(entry) else { return nil }
        return (ObjectID(oid.pointee), FileMode(git_tree_entry_filemode(entry)))
    }

    func insert(_ name: String, _ id: ObjectID, _ mode: FileMode, path: String) throws {
        let code = id.withOID { git_treebuilder_insert(nil, pointer, name, $0, mode.raw) }
        try GitError.check(code, "add \(path) to a tree")
    }

    /// Removes entry `name`; nothing happens if there is none.
    func remove(_ name: String, path: String) throws {
        guard git_treebuilder_get(pointer, name) != nil else { return }
        try GitError.check(git_treebuilder_remove(pointer, name), "remove \(path) from a tree")
    }

    func write(path: String) throws -> ObjectID {
        var oid = git_oid()
        try GitError.check(git_treebuilder_write(&oid, pointer), "write tree \(path.isEmpty ? "/" : path)")
        return ObjectID(oid)
    }
}

/// A `git_tree_entry` returned to the caller by libgit2, owned.
private final class OwnedTreeEntry {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_entry_free(pointer) }
}

extension Repository {
    /// The root tree of a commit (a tag is peeled to its commit first).
    public func tree(of commit: ObjectID) throws -> ObjectID {
        let object = try GitObject.lookup(commit, nil, in: self)
        return try object.peel(to: GIT_OBJECT_TREE, "read tree of \(commit.short)").id
    }

    /// The entries of a tree. Not recursive: its direct entries, folders included.
    /// Recursive: every non-folder entry below it (files, symbolic links and submodule
    /// gitlinks, all reported as they are), like `git ls-tree -r`, in git's tree order.
    public func treeEntries(_ treeID: ObjectID, recursive: Bool) throws -> [TreeEntry] {
        var entries: [TreeEntry] = []
        try collect(treeID, prefix: "", prefixValid: true, recursive: recursive, into: &entries)
        return entries
    }

    private func collect(
        _ treeID: ObjectID, prefix: String, prefixValid: Bool, recursive: Bool,
        into entries: inout [TreeEntry]
    ) throws {
        let tree = try GitObject.lookup(treeID, .tree, in: self)
        let count = git_tree_entrycount(tree.pointer)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree.pointer, index),
                let rawName = git_tree_entry_name(entry),
                let oid = git_tree_entry_id(entry)
            else { continue }
            let valid = String(validatingCString: rawName) != nil
            let name = String(cString: rawName)
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let rawMode = git_tree_entry_filemode(entry)
            guard let mode = FileMode(rawMode) else {
                throw GitError.invalid(
                    "unsupported file mode \(String(rawMode.rawValue, radix: 8))",
                    operation: "read tree entry \(path)")
            }
            let id = ObjectID(oid.pointee)
            if recursive && mode == .tree {
                try collect(id, prefix: path, prefixValid: prefixValid && valid, recursive: true, into: &entries)
            } else {
                entries.append(
                    TreeEntry(
                        path: path, name: name, id: id, mode: mode,
                        pathIsValidUTF8: prefixValid && valid))
            }
        }
    }

    /// The entry at `path` (`/`-separated) in tree `treeID`, nil if there is none.
    public func entry(at path: String, in treeID: ObjectID) throws -> TreeEntry? {
        let tree = try GitObject.lookup(treeID, .tree, in: self)
        var out: OpaquePointer?
        let code = git_tree_entry_bypath(&out, tree.pointer, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "look up \(path) in tree \(treeID.short)")
        let entry = OwnedTreeEntry(try Repository.unwrap(out, "look up \(path)"))
        guard let oid = git_tree_entry_id(entry.pointer), let rawName = git_tree_entry_name(entry.pointer) else {
            return nil
        }
        let rawMode = git_tree_entry_filemode(entry.pointer)
        guard let mode = FileMode(rawMode) else {
            throw GitError.invalid(
                "unsupported file mode \(String(rawMode.rawValue, radix: 8))",
                operation: "look up \(path) in tree \(treeID.short)")
        }
        return TreeEntry(path: path, name: String(cString: rawName), id: ObjectID(oid.pointee), mode: mode)
    }

    /// Writes a tree holding exactly `files` (`path: (blob id, mode)`), creating the nested
    /// folders, and returns the root tree's id. The blobs must exist already.
    public func writeTree(files: [String: (ObjectID, FileMode)]) throws -> ObjectID {
        try updateTree(nil, changes: files.mapValues { TreeChange.upsert($0.0, $0.1) })
    }

    /// Applies `changes` to tree `base` (nil: the empty tree) and returns the new root tree.
    /// Only the folders on changed paths are rewritten; everything else is shared with
    /// `base`. Folders left empty by removals disappear. Paths are `/`-separated, relative,
    /// without empty, `.` or `..` components (and no `.git`: libgit2 refuses it).
    public func updateTree(_ base: ObjectID?, changes: [String: TreeChange]) throws -> ObjectID {
        var split: [(components: ArraySlice<String>, change: TreeChange, path: String)] = []
        split.reserveCapacity(changes.count)
        for (path, change) in changes {
            let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw GitError.invalid("invalid path \"\(path)\"", operation: "update tree")
            }
            split.append((components[...], change, path))
        }
        if let tree = try apply(base, split, prefix: "") { return tree }
        return try TreeBuilderHandle(base: nil, in: self).write(path: "")
    }

    /// Applies changes (paths relative to this folder) to folder `base`; returns nil when the
    /// folder ends up empty.
    private func apply(
        _ base: ObjectID?, _ changes: [(components: ArraySlice<String>, change: TreeChange, path: String)],
        prefix: String
    ) throws -> ObjectID? {
        let baseTree = try base.map { try GitObject.lookup($0, .tree, in: self) }
        let builder = try TreeBuilderHandle(base: baseTree, in: self)
        var nested: [String: [(components: ArraySlice<String>, change: TreeChange, path: String)]] = [:]
        var direct: Set<String> = []
        for item in changes {
            guard let first = item.components.first else { continue }
            if item.components.count == 1 {
                direct.insert(first)
                switch item.change {
                case .upsert(let id, let mode): try builder.insert(first, id, mode, path: item.path)
                case .remove: try builder.remove(first, path: item.path)
                }
            } else {
                nested[first, default: []].append((item.components.dropFirst(), item.change, item.path))
            }
        }
        for (name, subchanges) in nested.sorted(by: { $0.key < $1.key }) {
            let folder = prefix.isEmpty ? name : prefix + "/" + name
            if direct.contains(name) {
                throw GitError.invalid("\(folder) is changed both as a file and as a folder", operation: "update tree")
            }
            let existing = builder.get(name)
            let existingTree = existing?.mode == .tree ? existing?.id : nil
            if let subtree = try apply(existingTree, subchanges, prefix: folder) {
                try builder.insert(name, subtree, .tree, path: folder)
            } else if existingTree != nil {
                try builder.remove(name, path: folder)
            }
            // A non-folder entry stays when only removals were asked below it.
        }
        if builder.count == 0 { return nil }
        return try builder.write(path: prefix)
    }
}
