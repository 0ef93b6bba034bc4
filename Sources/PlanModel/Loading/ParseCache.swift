import Foundation

/// Parse results of section files keyed by path, content id and due reference.
///
/// Git blobs never change, so a file whose blob id was parsed already is not parsed again:
/// within one run in memory, and between runs through an optional `PersistentParseStore`
/// (a hub keeps one under its git directory), so a consolidate where one partner changed
/// one file parses one file.
public final class ParseCache: @unchecked Sendable {
    // @unchecked: all state is guarded by `lock`.
    private let lock = NSLock()
    private var entries: [Key: SectionParser.Result] = [:]
    private var manifests: [String: ManifestReader.Result] = [:]
    private(set) public var hits = 0
    private(set) public var misses = 0
    /// File check results by the hash of their stored key (`storedKey`), with that key.
    private var checkEntries: [UInt64: (key: String, result: FileCheckResult)] = [:]
    /// Where results are kept between runs; nil for a cache of one run.
    public let persistent: PersistentParseStore?
    /// Where file check results are kept between runs; nil for a cache of one run.
    public let persistentChecks: PersistentParseStore?
    /// Where read manifests are kept between runs (a folder of their own: a run that needs only
    /// the manifest, such as a consolidate where nobody published, reads only them).
    public let persistentManifests: PersistentParseStore?

    struct Key: Hashable {
        var path: String
        var contentID: String
        var reference: Day?
    }

    /// What a file's check result depends on besides its bytes (`contentID`) and path: the due
    /// reference, the manifest (by content id) and the checks run (by their rule ids).
    struct CheckKey {
        var path: String
        var contentID: String
        var reference: Day?
        var manifestID: String
        var checks: String
    }

    /// A cache of one run, or one backed by `store` (parse results) and `checks` (file check
    /// results).
    public init(
        store: PersistentParseStore? = nil, checks: PersistentParseStore? = nil,
        manifests: PersistentParseStore? = nil
    ) {
        self.persistent = store
        self.persistentChecks = checks
        self.persistentManifests = manifests
    }

    /// A cache backed by the persistent stores of a git directory (`<gitDir>/planmerge/cache`
    /// and `<gitDir>/planmerge/checks`).
    public convenience init(persistentForGitDir gitDir: String) {
        self.init(
            store: PersistentParseStore(directory: PersistentParseStore.directory(forGitDir: gitDir)),
            checks: PersistentParseStore(directory: PersistentParseStore.checksDirectory(forGitDir: gitDir)),
            manifests: PersistentParseStore(directory: PersistentParseStore.manifestsDirectory(forGitDir: gitDir)))
    }

    /// The manifest read from `bytes`, read once per content id for the life of the cache (a
    /// consolidation checks main and merged plans that nearly always share it) and kept
    /// between runs with the file check results (`StoredManifest`). Without a content id it
    /// is read every time.
    public func manifest(contentID: String?, bytes: () throws -> [UInt8]) rethrows -> ManifestReader.Result {
        guard let contentID else { return ManifestReader().read(try bytes()) }
        lock.lock()
        let known = manifests[contentID]
        lock.unlock()
        if let known { return known }
        let text = try bytes()
        let storedKey =
            "m\(StoredManifest.formatVersion)|\(PersistentParseStore.binaryIdentity)|\(contentID)|\(Manifest.fileName)"
        let kept = text.count >= StoredManifest.minimumBytes ? persistentManifests : nil
        let result: ManifestReader.Result
        if let stored = kept?.loadPayload(key: storedKey, StoredManifest.decode) {
            result = stored
        } else {
            result = ManifestReader().read(text)
            if let kept, let encoded = StoredManifest.encode(result) {
                kept.savePayload(encoded, key: storedKey)
                kept.flush()
            }
        }
        lock.lock()
        manifests[contentID] = result
        lock.unlock()
        return result
    }

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

    /// The persistent store's result for `key` (kept in memory too), or nil. Safe to call
    /// from several threads.
    func lookupStored(_ key: Key) -> SectionParser.Result? {
        guard let persistent,
            let result = persistent.load(contentID: key.contentID, path: key.path, reference: key.reference)
        else { return nil }
        lock.lock()
        entries[key] = result
        lock.unlock()
        return result
    }

    func store(_ result: SectionParser.Result, for key: Key, persist: Bool = true) {
        lock.lock()
        entries[key] = result
        lock.unlock()
        if persist { persistent?.save(result, contentID: key.contentID, path: key.path, reference: key.reference) }
    }

    func lookupCheck(_ key: CheckKey, checkCount: Int) -> FileCheckResult? {
        let stored = ParseCache.storedKey(key)
        let hash = PersistentParseStore.fnv1a(stored.utf8)
        lock.lock()
        let hit = checkEntries[hash]
        lock.unlock()
        if let hit, hit.key == stored { return hit.result }
        guard let persistentChecks,
            let result = persistentChecks.loadPayload(
                key: stored, hash: hash, { FileCheckCodec.decode($0, checkCount: checkCount) })
        else { return nil }
        lock.lock()
        checkEntries[hash] = (stored, result)
        lock.unlock()
        return result
    }

    func storeCheck(_ result: FileCheckResult, for key: CheckKey) {
        let stored = ParseCache.storedKey(key)
        lock.lock()
        checkEntries[PersistentParseStore.fnv1a(stored.utf8)] = (stored, result)
        lock.unlock()
        persistentChecks?.savePayload(FileCheckCodec.encode(result), key: stored)
    }

    /// The persistent store's key of a file check result: the codec's format, the running
    /// binary, then every part of `key`.
    static func storedKey(_ key: CheckKey) -> String {
        "k\(FileCheckCodec.formatVersion)|\(PersistentParseStore.binaryIdentity)|\(key.contentID)|"
            + "\(key.reference?.description ?? "-")|\(key.manifestID)|\(key.checks)|\(key.path)"
    }
}
