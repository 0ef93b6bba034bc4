import GitKit
import PlanModel

/// A plan read from the index: what is staged for the next commit (the pre-commit hook's
/// view; open the repository with `Repository.openFromEnvironment()` there so that git's
/// `GIT_INDEX_FILE` is honoured).
///
/// `listFiles` gives staged regular and executable files (stage 0); `entries` gives every
/// entry with its mode and stage, so a caller can refuse symbolic links, submodules and
/// unresolved conflicts (`conflictedPaths`).
public final class IndexSource: PlanSource {
    public let repository: Repository
    public let label: String
    /// Every index entry, conflict stages included.
    public let entries: [IndexEntry]
    private let staged: [String: IndexEntry]

    public init(repository: Repository, label: String = "staged files") throws {
        self.repository = repository
        self.label = label
        entries = try repository.stagedEntries()
        var staged: [String: IndexEntry] = [:]
        for entry in entries where entry.stage == 0 { staged[entry.path] = entry }
        self.staged = staged
    }

    /// Paths with an unresolved merge conflict, sorted.
    public var conflictedPaths: [String] {
        Array(Set(entries.filter(\.isConflict).map(\.path))).sorted()
    }

    public func listFiles() throws -> [String] {
        staged.values.filter { $0.mode.isFile }.map(\.path).sorted()
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let entry = staged[path] else {
            if conflictedPaths.contains(path) {
                throw PlanSourceError.unreadable(path, reason: "it has an unresolved merge conflict")
            }
            throw PlanSourceError.notFound(path)
        }
        return try repository.planFile(entry.treeEntry, path: path)
    }

    public func contentID(_ path: String) -> String? {
        guard let entry = staged[path], entry.mode.isFile else { return nil }
        return entry.id.hex
    }
}
