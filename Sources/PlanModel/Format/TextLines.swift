import Foundation  // memchr (libc)

/// Turns a file's bytes into lines the way planmerge is forgiving about: a UTF-8 byte-order
/// mark is dropped, CRLF and lone CR end lines like LF, and invalid UTF-8 is reported with
/// its line (the bytes are replaced with U+FFFD so the rest of the file can still be read).
public struct TextLines: Sendable {
    public var lines: [String]
    /// 1-based line numbers holding invalid UTF-8.
    public var invalidUTF8Lines: [Int]
    public var hadByteOrderMark: Bool

    public init(bytes: [UInt8]) {
        var body = bytes[...]
        hadByteOrderMark = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hadByteOrderMark { body = body.dropFirst(3) }
        var lines: [String] = []
        var invalid: [Int] = []
        var start = body.startIndex
        var index = body.startIndex
        // Line breaks are ASCII bytes, never inside a multi-byte sequence: when the whole
        // file is ASCII, no line needs checking on its own.
        let allASCII = isASCII(body)
        func take(_ range: Range<Int>) {
            let slice = body[range]
            if !allASCII, !isValidUTF8(slice) { invalid.append(lines.count + 1) }
            lines.append(String(decoding: slice, as: UTF8.self))
        }
        while index < body.endIndex {
            let byte = body[index]
            if byte == 0x0A || byte == 0x0D {
                take(start..<index)
                if byte == 0x0D, index + 1 < body.endIndex, body[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < body.endIndex { take(start..<body.endIndex) }
        self.lines = lines
        self.invalidUTF8Lines = invalid
    }

    public init(text: String) { self.init(bytes: Array(text.utf8)) }
}

/// The lines of a file as ranges of its bytes, cut as `TextLines` cuts them: after a UTF-8
/// byte-order mark, at LF, CRLF or a lone CR, with no empty line after a final line break.
struct LineRanges {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the text starts (3 after a byte-order mark).
    let bodyStart: Int
    private var start: Int
    /// True when the text holds a CR: lines are then cut byte by byte (CR, CRLF, LF); else
    /// `memchr` finds each LF.
    private let hasCR: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let mark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        bodyStart = mark ? 3 : 0
        start = bodyStart
        hasCR = bytes.count > bodyStart && memchr(bytes.baseAddress! + bodyStart, 0x0D, bytes.count - bodyStart) != nil
    }

    /// The next line's range, without its line break; nil at the end.
    mutating func next() -> Range<Int>? {
        let count = bytes.count
        guard start < count else { return nil }
        if !hasCR {
            let base = bytes.baseAddress!
            guard let found = memchr(base + start, 0x0A, count - start) else {
                let line = start..<count
                start = count
                return line
            }
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            let line = start..<index
            start = index + 1
            return line
        }
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                let line = start..<index
                start = byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                return line
            }
            index += 1
        }
        let line = start..<count
        start = count
        return line
    }
}

/// True when every byte is below 0x80.
func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var any: UInt8 = 0
    for byte in bytes { any |= byte }
    return any < 0x80
}

/// True when every byte is below 0x80.
func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
        var any: UInt8 = 0
        for byte in buffer { any |= byte }
        return any < 0x80
    }
}

/// True when the string's UTF-8 is ASCII only (then bytes, scalars and characters line up,
/// a line holding no CR).
func isASCII(_ text: some StringProtocol) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { buffer in
        var any: UInt8 = 0
        for byte in buffer { any |= byte }
        return any < 0x80
    } ?? text.utf8.allSatisfy { $0 < 0x80 }
}

/// True when the bytes are well-formed UTF-8.
func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}

extension StringProtocol {
    /// The text with spaces, tabs and no-break spaces removed from both ends. Scans the UTF-8
    /// bytes (a no-break space is C2 A0; a string is valid UTF-8, so A0 after C2 is one).
    var trimmed: String {
        let text = Substring(self)
        let bytes = text.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x09 {
                start = bytes.index(after: start)
            } else if byte == 0xC2, bytes.index(after: start) < end, bytes[bytes.index(after: start)] == 0xA0 {
                start = bytes.index(start, offsetBy: 2)
            } else {
                break
            }
        }
        end = StringTrim.endWithoutTrailingBlanks(bytes, from: start, to: end)
        return String(text[start..<end])
    }

    /// Trailing spaces, tabs and no-break spaces removed.
    var trimmedRight: String {
        let text = Substring(self)
        let bytes = text.utf8
        let end = StringTrim.endWithoutTrailingBlanks(bytes, from: bytes.startIndex, to: bytes.endIndex)
        return end == bytes.endIndex ? String(text) : String(text[bytes.startIndex..<end])
    }
}

enum StringTrim {
    /// The end of `bytes[start..<end]` with trailing spaces, tabs and no-break spaces dropped.
    @inline(__always) static func endWithoutTrailingBlanks(
        _ bytes: Substring.UTF8View, from start: String.Index, to end: String.Index
    ) -> String.Index {
        var end = end
        while end > start {
            let last = bytes.index(before: end)
            let byte = bytes[last]
            if byte == 0x20 || byte == 0x09 {
                end = last
            } else if byte == 0xA0, last > start, bytes[bytes.index(before: last)] == 0xC2 {
                end = bytes.index(before: last)
            } else {
                break
            }
        }
        return end
    }

    @inline(__always) static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}"
    }
}
