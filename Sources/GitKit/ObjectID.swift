import CLibgit2

/// A git object id (SHA-1, 20 bytes). A value: freely copied and shared between threads.
///
/// Stored inline as three integers (no heap allocation), since ids are used as dictionary
/// keys in large numbers (parse caches keyed by blob id).
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    // Big-endian packing of bytes 0..<8, 8..<16 and 16..<20.
    private let w0: UInt64
    private let w1: UInt64
    private let w2: UInt32

    public static let byteCount = 20

    /// Copies a libgit2 `git_oid`.
    init(_ oid: git_oid) {
        var copy = oid
        let raw = withUnsafeBytes(of: &copy.id) { Array($0.prefix(ObjectID.byteCount)) }
        self.init(bytes: raw)
    }

    /// Builds an id from exactly 20 bytes (missing bytes are zero, extra ones ignored).
    public init(bytes raw: [UInt8]) {
        func word(_ range: Range<Int>) -> UInt64 {
            range.reduce(UInt64(0)) { acc, i in acc << 8 | UInt64(i < raw.count ? raw[i] : 0) }
        }
        w0 = word(0..<8)
        w1 = word(8..<16)
        w2 = UInt32(word(16..<20))
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ObjectID.byteCount)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w0 >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w1 >> UInt64(shift))) }
        for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: w2 >> UInt32(shift))) }
        return out
    }

    /// Parses a full 40-digit hexadecimal id (either case). Returns nil for anything else:
    /// abbreviated ids need a repository (`Repository.revparse`).
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == ObjectID.byteCount * 2 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(ObjectID.byteCount)
        var index = 0
        while index < utf8.count {
            guard let high = ObjectID.nibble(utf8[index]), let low = ObjectID.nibble(utf8[index + 1])
            else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: out)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The 40-digit lower-case hexadecimal form.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first 7 hexadecimal digits, for messages.
    public var short: String { String(hex.prefix(7)) }

    /// True for the all-zero id git uses for "no object".
    public var isZero: Bool { w0 == 0 && w1 == 0 && w2 == 0 }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.w0, lhs.w1, lhs.w2) < (rhs.w0, rhs.w1, rhs.w2)
    }

    /// A `git_oid` holding this id, for passing to libgit2.
    var oid: git_oid {
        var oid = git_oid()
        let raw = bytes
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for (index, byte) in raw.enumerated() where index < buffer.count { buffer[index] = byte }
        }
        return oid
    }

    /// Calls `body` with a pointer to a `git_oid` holding this id, valid only inside `body`.
    func withOID<R>(_ body: (UnsafePointer<git_oid>) throws -> R) rethrows -> R {
        var value = oid
        return try withUnsafePointer(to: &value) { try body($0) }
    }
}
