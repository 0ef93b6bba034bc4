import GitKit
import PlanModel

/// A tree held as a map of path → entry, cheap to change in memory (copy on write) and
/// readable as a `PlanSource` (blobs are read from the repository, parse results cached by
/// blob id). Consolidation builds the merged plan as snapshots and writes one tree at the end.
public struct TreeSnapshot: PlanSource {
    public let repository: Repository
    public private(set) var entries: [String: TreeEntry]
    public var label: String

    public init(repository: Repository, treeID: ObjectID, label: String) throws {
        self.repository = repository
        self.label = label
        var map: [String: TreeEntry] = [:]
        for entry in try repository.treeEntries(treeID, recursive: true) where entry.mode != .tree {
            map[entry.path] = entry
        }
        entries = map
    }

    public func listFiles() throws -> [String] {
        entries.values.filter { $0.mode.isFile }.map(\.path).sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let entry = entries[path] else { throw PlanSourceError.notFound(path) }
        return try repository.planFile(entry, path: path)
    }

    public func contentID(_ path: String) -> String? { entries[path].map(\.id.hex) }

    public subscript(path: String) -> TreeEntry? { entries[path] }

    /// Sets (or removes, with nil) one path.
    public mutating func set(_ path: String, _ entry: TreeEntry?) {
        entries[path] = entry
    }

    /// The changes that turn `base` into `self`, for `Repository.updateTree`.
    public func changes(from base: TreeSnapshot) -> [String: TreeChange] {
        var out: [String: TreeChange] = [:]
        for (path, entry) in entries where base.entries[path]?.id != entry.id || base.entries[path]?.mode != entry.mode
        {
            out[path] = .upsert(entry.id, entry.mode)
        }
        for path in base.entries.keys where entries[path] == nil {
            out[path] = .remove
        }
        return out
    }
}
