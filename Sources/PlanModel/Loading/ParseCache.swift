import Foundation

/// Parse results of section files keyed by path, content id and due reference.
///
/// Git blobs never change, so within one run a file whose blob id was parsed already is
/// not parsed again: a consolidation reads main once and its merged plan re-parses only the
/// files partners changed. The cache lives as long as the run (keeping it between runs,
/// on disk under the hub, is the next step for a one-file consolidate: docs/BENCHMARKS.md).
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
