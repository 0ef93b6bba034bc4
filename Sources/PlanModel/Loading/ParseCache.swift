import Foundation

/// Parse results of section files keyed by path, content id and due reference.
///
/// Git blobs never change, so a file whose blob id is unchanged since the last parse need
/// not be parsed again: a consolidate where one partner changed one file parses one file.
public final class ParseCache: @unchecked Sendable {
    // @unchecked: all state is guarded by `lock`.
    private let lock = NSLock()
    private var entries: [Key: SectionParser.Result] = [:]
    private(set) public var hits = 0
    private(set) public var misses = 0

    struct Key: Hashable {
        var path: String
        var contentID: String
        var reference: Day?
    }

    public init() {}

    func lookup(_ key: Key) -> SectionParser.Result? {
        lock.lock()
        defer { lock.unlock() }
        if let hit = entries[key] {
            hits += 1
            return hit
        }
        misses += 1
        return nil
    }

    func store(_ result: SectionParser.Result, for key: Key) {
        lock.lock()
        entries[key] = result
        lock.unlock()
    }
}
