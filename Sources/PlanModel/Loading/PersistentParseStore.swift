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
/// checks such as overdue run on every load. The folder is safe to delete at any time. Each
/// entry is written to a temporary file and renamed into place, so concurrent runs and a
/// killed run leave whole entries or none; an entry is read only when its length, checksum
/// and full key match and it decodes completely, so a truncated, corrupted or foreign file
/// is ignored (and replaced), never trusted. The folder is kept under `limitBytes` by
/// removing the oldest entries.
public final class PersistentParseStore: @unchecked Sendable {
    // @unchecked: the counters are guarded by `lock`; everything else is immutable.
    /// The folder of the entries.
    public let directory: String
    /// The size the folder is kept under.
    public let limitBytes: Int
    private let lock = NSLock()
    private var writtenSinceTrim = 0
    private var temporaryCounter = 0
    /// Entries read, and entries found unusable (bad checksum, truncated, undecodable).
    private(set) public var diskHits = 0
    private(set) public var rejected = 0

    /// 256 MB: the national benchmark plan (10,000 files) takes about 40 MB.
    public static let defaultLimitBytes = 256 << 20

    /// The folder for a git directory (a hub's or a clone's `.git`).
    public static func directory(forGitDir gitDir: String) -> String {
        (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "planmerge/cache"
    }

    /// Nil when the model has fields the codec does not write (the cache is then off).
    public init?(directory: String, limitBytes: Int = PersistentParseStore.defaultLimitBytes) {
        guard ParseResultCodec.isComplete else { return nil }
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

    /// The entry's file name: the blob id (hex only) and a hash of the whole key.
    func fileName(contentID: String, key: String) -> String? {
        guard !contentID.isEmpty, contentID.utf8.count <= 64,
            contentID.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
        else { return nil }
        let hash = PersistentParseStore.fnv1a(Array(key.utf8))
        let hex = String(hash, radix: 16)
        return contentID + "-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The result stored for this key, or nil (none, or not usable).
    public func load(contentID: String, path: String, reference: Day?) -> SectionParser.Result? {
        let key = fullKey(contentID: contentID, path: path, reference: reference)
        guard let name = fileName(contentID: contentID, key: key),
            let bytes = PersistentParseStore.readFile(directory + "/" + name)
        else { return nil }
        let result = PersistentParseStore.unwrap(bytes, key: key).flatMap { payload in
            payload.withUnsafeBytes { ParseResultCodec.decode($0) }
        }
        lock.lock()
        if result == nil { rejected += 1 } else { diskHits += 1 }
        lock.unlock()
        return result
    }

    /// Stores a result (best effort: a cache that cannot be written only costs time).
    public func save(_ result: SectionParser.Result, contentID: String, path: String, reference: Day?) {
        let key = fullKey(contentID: contentID, path: path, reference: reference)
        guard let name = fileName(contentID: contentID, key: key) else { return }
        let bytes = PersistentParseStore.wrap(ParseResultCodec.encode(result), key: key)
        lock.lock()
        temporaryCounter += 1
        let temporary = "\(directory)/tmp-\(getpid())-\(temporaryCounter)-\(name)"
        lock.unlock()
        guard write(bytes, to: temporary) else { return }
        if rename(temporary, directory + "/" + name) != 0 {
            unlink(temporary)
            return
        }
        lock.lock()
        writtenSinceTrim += bytes.count
        let trim = writtenSinceTrim >= max(1, limitBytes / 64)
        if trim { writtenSinceTrim = 0 }
        lock.unlock()
        if trim { self.trim() }
    }

    /// Removes the oldest entries until the folder holds at most 3/4 of `limitBytes` when it
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
            info.st_size < 64 << 20
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

    /// The payload when the envelope is whole and holds exactly this key.
    static func unwrap(_ bytes: [UInt8], key: String) -> ArraySlice<UInt8>? {
        guard bytes.count >= headerSize, Array(bytes[0..<4]) == magic else { return nil }
        let keyLength = Int(readUInt32(bytes, at: 4))
        let payloadLength = Int(readUInt32(bytes, at: 8))
        guard headerSize + keyLength + payloadLength == bytes.count else { return nil }
        var stored: UInt64 = 0
        for index in 0..<8 { stored |= UInt64(bytes[12 + index]) << UInt64(8 * index) }
        let keyBytes = bytes[headerSize..<headerSize + keyLength]
        let payload = bytes[(headerSize + keyLength)...]
        guard keyBytes.elementsEqual(key.utf8), fnv1a(payload, seed: fnv1a(keyBytes)) == stored else { return nil }
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
