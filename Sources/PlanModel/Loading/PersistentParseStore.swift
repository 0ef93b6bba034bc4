import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Parse results kept on disk between runs (a hub keeps them in `<git dir>/planmerge/cache/`),
/// so a run reads again only the files whose blobs it has not parsed before.
///
/// An entry is keyed by the blob id, the path (diagnostics name it), the due reference, the
/// codec's format and the planmerge binary itself (its size, time and inode: a rebuilt or
/// upgraded planmerge never reads an older one's results). Nothing date-dependent is stored:
/// checks such as overdue run on every load.
///
/// Entries live in pack files (`pack-*`), one written per run that parsed something (one file
/// per entry costs a file creation each, about 1 ms on a busy disk: 10 s for a national plan).
/// The folder is safe to delete at any time. A pack is written to a temporary file and renamed
/// into place, so concurrent runs and a killed run leave whole packs or none; an entry is used
/// only when its length, checksum and full key match and it decodes completely, so a truncated,
/// corrupted or foreign file is ignored (its entries are parsed again), never trusted. The
/// folder is kept under `limitBytes` by removing the oldest packs; when packs pile up, a run
/// writes the entries it used into one new pack and removes the ones it read.
public final class PersistentParseStore: @unchecked Sendable {
    // @unchecked: the mutable state is guarded by `lock`.
    /// The folder of the packs.
    public let directory: String
    /// The size the folder is kept under.
    public let limitBytes: Int
    private let lock = NSLock()
    private var temporaryCounter = 0
    /// Entries by the FNV-1a hash of their full key, from the packs read (nil until the first
    /// lookup). A hash shared by two keys only costs a miss: `payload` compares the whole key.
    private var index: [UInt64: Entry]?
    /// The packs read, by file name.
    private var packsRead: [String] = []
    /// Envelopes to write at the next `flush`.
    private var pending: [UInt8] = []
    private var pendingKeys: Set<String> = []
    /// Envelopes used by this run (for compaction), by key hash.
    private var used: [UInt64: Entry] = [:]
    /// Entries read, and entries found unusable (bad checksum, truncated, undecodable).
    private(set) public var diskHits = 0
    private(set) public var rejected = 0

    /// 256 MB: the national benchmark plan (10,000 files) takes about 40 MB.
    public static let defaultLimitBytes = 256 << 20
    /// More packs than this are merged into one by the next run that writes.
    static let compactAfter = 16

    struct Entry {
        var pack: Pack
        var range: Range<Int>
    }

    final class Pack: @unchecked Sendable {
        // @unchecked: never changed after it is made.
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// The folder for a git directory (a hub's or a clone's `.git`).
    public static func directory(forGitDir gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "planmerge/cache"
    }

    /// The folder of the file check results for a git directory (`<gitDir>/planmerge/checks`):
    /// apart from the parse results, so a run that needs only checks reads only them.
    public static func checksDirectory(forGitDir gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "planmerge/checks"
    }

    /// The folder of the read manifests for a git directory (`<gitDir>/planmerge/manifests`).
    public static func manifestsDirectory(forGitDir gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "planmerge/manifests"
    }

    /// Nil when the model has fields the codecs do not write (the cache is then off).
    public init?(directory: String, limitBytes: Int = PersistentParseStore.defaultLimitBytes) {
        guard ParseResultCodec.isComplete, FileCheckCodec.isComplete else { return nil }
        self.directory = directory
        self.limitBytes = limitBytes
    }

    private static let magic: [UInt8] = Array("PMPC".utf8)
    private static let headerSize = 20

    /// What makes one planmerge build differ from another: the running binary's identity.
    static let binaryIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown-binary" }
        return "\(info.st_size).\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec).\(info.st_ino)"
    }()

    func fullKey(contentID: String, path: String, reference: Day?) -> String {
        "v\(ParseResultCodec.formatVersion)|\(PersistentParseStore.binaryIdentity)|\(contentID)|\(reference?.description ?? "-")|\(path)"
    }

    /// The parse result stored for this key, or nil (none, or not usable). Safe from several threads.
    public func load(contentID: String, path: String, reference: Day?) -> SectionParser.Result? {
        loadPayload(key: fullKey(contentID: contentID, path: path, reference: reference)) {
            ParseResultCodec.decode($0)
        }
    }

    /// Keeps a parse result for the next `flush` (a cache that cannot be written only costs time).
    public func save(_ result: SectionParser.Result, contentID: String, path: String, reference: Day?) {
        savePayload(
            ParseResultCodec.encode(result), key: fullKey(contentID: contentID, path: path, reference: reference))
    }

    /// The entry stored under `key` decoded by `decode`, or nil (none, or not usable: a bad
    /// length or checksum, another key, or bytes `decode` refuses). Safe from several threads.
    func loadPayload<T>(
        key: String, hash: UInt64? = nil, _ decode: (UnsafeRawBufferPointer) -> T?
    ) -> T? {
        let hash = hash ?? PersistentParseStore.fnv1a(key.utf8)
        lock.lock()
        if index == nil { index = readPacks() }
        let entry = index?[hash]
        lock.unlock()
        guard let entry else { return nil }
        let result = entry.pack.bytes.withUnsafeBytes { raw in
            PersistentParseStore.payload(UnsafeRawBufferPointer(rebasing: raw[entry.range]), key: key).flatMap(decode)
        }
        lock.lock()
        if result == nil {
            rejected += 1
        } else {
            diskHits += 1
            used[hash] = entry
        }
        lock.unlock()
        return result
    }

    /// Keeps an entry for the next `flush`.
    func savePayload(_ payload: [UInt8], key: String) {
        let envelope = PersistentParseStore.wrap(payload, key: key)
        lock.lock()
        if pendingKeys.insert(key).inserted { pending += envelope }
        lock.unlock()
    }

    /// Writes the results saved since the last flush as one pack (merging the packs read into
    /// it when there are many), then keeps the folder under its size bound.
    public func flush() {
        lock.lock()
        var bytes = pending
        pending = []
        pendingKeys = []
        var compacted: [String] = []
        if !bytes.isEmpty, packsRead.count >= PersistentParseStore.compactAfter {
            for entry in used.values { bytes += entry.pack.bytes[entry.range] }
            compacted = packsRead
            packsRead = []
        }
        temporaryCounter += 1
        let name = "\(getpid())-\(temporaryCounter)-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        lock.unlock()
        guard !bytes.isEmpty else { return }
        let temporary = "\(directory)/tmp-\(name)"
        let pack = "\(directory)/pack-\(String(UInt64(time(nil)), radix: 16))-\(name)"
        guard write(bytes, to: temporary) else { return }
        if rename(temporary, pack) != 0 {
            unlink(temporary)
            return
        }
        for old in compacted { unlink(directory + "/" + old) }
        trim()
    }

    /// Every entry of every pack in the folder, by key (a pack cut short keeps its whole
    /// entries; anything after a malformed envelope is skipped).
    private func readPacks() -> [UInt64: Entry] {
        var out: [UInt64: Entry] = [:]
        guard let folder = opendir(directory) else { return out }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix("pack-") { names.append(name) }
        }
        closedir(folder)
        for name in names.sorted() {
            guard let bytes = PersistentParseStore.readFile(directory + "/" + name) else { continue }
            packsRead.append(name)
            let pack = Pack(bytes)
            var offset = 0
            while let (hash, range) = PersistentParseStore.envelopeKeyHash(bytes, at: offset) {
                out[hash] = Entry(pack: pack, range: offset..<range.upperBound)
                offset = range.upperBound
            }
        }
        return out
    }

    /// Removes the oldest packs until the folder holds at most 3/4 of `limitBytes` when it
    /// holds more than `limitBytes`; removes temporary files left by killed runs.
    public func trim() {
        guard let folder = opendir(directory) else { return }
        var files: [(name: String, size: Int, time: Int)] = []
        var total = 0
        let now = Int(time(nil))
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            var info = stat()
            guard stat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = Int(info.st_mtim.tv_sec)
            if name.hasPrefix("tmp-") {
                if now - modified > 600 { unlink(directory + "/" + name) }
                continue
            }
            files.append((name, Int(info.st_size), modified))
            total += Int(info.st_size)
        }
        closedir(folder)
        guard total > limitBytes else { return }
        for file in files.sorted(by: { ($0.time, $0.name) < ($1.time, $1.name) }) {
            if total <= limitBytes / 4 * 3 { break }
            if unlink(directory + "/" + file.name) == 0 { total -= file.size }
        }
    }

    // MARK: - Files

    private func write(_ bytes: [UInt8], to path: String) -> Bool {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return false }
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        close(descriptor)
        if !complete { unlink(path) }
        return complete
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= headerSize,
            info.st_size < 1 << 31
        else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        let complete = bytes.withUnsafeMutableBytes { raw -> Bool in
            var offset = 0
            while offset < size {
                let n = read(descriptor, raw.baseAddress! + offset, size - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        return complete ? bytes : nil
    }

    // MARK: - Envelope: magic, key length, payload length, checksum, key, payload

    static func wrap(_ payload: [UInt8], key: String) -> [UInt8] {
        let keyBytes = Array(key.utf8)
        var out = magic
        out.reserveCapacity(headerSize + keyBytes.count + payload.count)
        appendUInt32(&out, UInt32(keyBytes.count))
        appendUInt32(&out, UInt32(payload.count))
        var checksum = fnv1a(keyBytes)
        checksum = fnv1a(payload, seed: checksum)
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: checksum >> UInt64(shift))) }
        out += keyBytes
        out += payload
        return out
    }

    /// The FNV-1a hash of the key and the extent of the whole envelope starting at `offset`, or
    /// nil when no whole envelope starts there (no string is made: a pack of 10,000 entries is
    /// indexed without 10,000 allocations).
    static func envelopeKeyHash(_ bytes: [UInt8], at offset: Int) -> (hash: UInt64, range: Range<Int>)? {
        guard let keys = envelopeKey(bytes, at: offset) else { return nil }
        let hash = bytes.withUnsafeBufferPointer { fnv1a(UnsafeBufferPointer(rebasing: $0[keys.key])) }
        return (hash, keys.range)
    }

    private static func envelopeKey(_ bytes: [UInt8], at offset: Int) -> (key: Range<Int>, range: Range<Int>)? {
        guard bytes.count - offset >= headerSize, bytes[offset..<offset + 4].elementsEqual(magic) else { return nil }
        let keyLength = Int(readUInt32(bytes, at: offset + 4))
        let payloadLength = Int(readUInt32(bytes, at: offset + 8))
        guard keyLength <= bytes.count, payloadLength <= bytes.count,
            offset + headerSize + keyLength + payloadLength <= bytes.count
        else { return nil }
        let keyStart = offset + headerSize
        return (keyStart..<keyStart + keyLength, offset..<keyStart + keyLength + payloadLength)
    }

    /// The payload of one whole envelope when its checksum holds and it carries exactly `key`.
    static func payload(_ envelope: UnsafeRawBufferPointer, key: String) -> UnsafeRawBufferPointer? {
        guard envelope.count >= headerSize, envelope.prefix(4).elementsEqual(magic) else { return nil }
        func uint32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(envelope[at + $1]) << (8 * $1) } }
        let keyLength = uint32(4)
        let payloadLength = uint32(8)
        guard headerSize + keyLength + payloadLength == envelope.count else { return nil }
        var stored: UInt64 = 0
        for index in 0..<8 { stored |= UInt64(envelope[12 + index]) << UInt64(8 * index) }
        let keyBytes = UnsafeRawBufferPointer(rebasing: envelope[headerSize..<headerSize + keyLength])
        let payload = UnsafeRawBufferPointer(rebasing: envelope[(headerSize + keyLength)...])
        var key = key
        let sameKey = key.withUTF8 { utf8 in
            utf8.count == keyLength
                && (keyLength == 0 || memcmp(utf8.baseAddress!, keyBytes.baseAddress!, keyLength) == 0)
        }
        guard sameKey, fnv1a(payload, seed: fnv1a(keyBytes)) == stored else { return nil }
        return payload
    }

    private static func appendUInt32(_ out: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << UInt32(8 * $1) }
    }

    /// 64-bit FNV-1a: a checksum against torn and flipped bytes, not against an attacker (who
    /// could write the cache folder could write the repository too).
    static func fnv1a(_ bytes: some Collection<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
