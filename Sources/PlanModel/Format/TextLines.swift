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
        func take(_ range: Range<Int>) {
            let slice = body[range]
            if !isValidUTF8(slice) { invalid.append(lines.count + 1) }
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

/// True when the bytes are well-formed UTF-8.
func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
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
    /// The text with spaces, tabs and no-break spaces removed from both ends.
    var trimmed: String {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, StringTrim.isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, StringTrim.isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end]))
    }

    /// Trailing spaces, tabs and no-break spaces removed.
    var trimmedRight: String {
        let scalars = Substring(self).unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, StringTrim.isBlank(scalars[scalars.index(before: end)]) {
            end = scalars.index(before: end)
        }
        return String(Substring(scalars[scalars.startIndex..<end]))
    }
}

enum StringTrim {
    @inline(__always) static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}"
    }
}
