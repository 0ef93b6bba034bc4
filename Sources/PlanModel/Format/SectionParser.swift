/// Reads a section file (`sections/<partner>/<N>.md`) into a `SectionFile`.
///
/// It never throws on content: every problem becomes a diagnostic with file, line, column,
/// rule and hint, and parsing goes on so that one run reports them all. The grammar is
/// documented in docs/FORMAT.md.
public struct SectionParser {
    /// The day a due text with no year is read against (the inspection's publication).
    public var dueReference: Day?
    /// The due texts this parser has read, shared by every file it parses (on any thread).
    private let dueMemo: DueDateMemo

    public init(dueReference: Day? = nil) {
        self.dueReference = dueReference
        self.dueMemo = DueDateMemo(reference: dueReference)
    }

    public struct Result: Sendable {
        public var section: SectionFile
        public var diagnostics: [Diagnostic]
    }

    public func parse(_ bytes: [UInt8], path: String) -> Result {
        parse(bytes, path: path, byteLevel: true)
    }

    /// `parse(_:path:)`; with `byteLevel` false every line goes through the `String` path (the
    /// tests compare the two).
    func parse(_ bytes: [UInt8], path: String, byteLevel: Bool) -> Result {
        let memo = dueMemo.reference == dueReference ? dueMemo : DueDateMemo(reference: dueReference)
        var state = SectionParseState(path: path, dueMemo: memo)
        var mayHoldControls = true
        bytes.withUnsafeBufferPointer { buffer in
            // The lines `TextLines` cuts, as ranges of the file's bytes: a `String` is made only
            // for what is kept, or for a line the byte-level path does not cover.
            var lines = LineRanges(buffer)
            let body = SectionParser.scanASCII(UnsafeBufferPointer(rebasing: buffer[lines.bodyStart...]))
            let allASCII = body.isASCII
            mayHoldControls = allASCII ? body.hasControls : SectionParser.mayHoldControlCharacters(bytes)
            if !allASCII {
                var number = 0
                var scan = lines
                while let range = scan.next() {
                    number += 1
                    if !isValidUTF8(UnsafeBufferPointer(rebasing: buffer[range])) {
                        state.report(
                            .error, "invalid-utf8", line: number, column: 1,
                            "this line is not valid UTF-8 text",
                            hint: "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)")
                    }
                }
            }
            var number = 0
            while let range = lines.next() {
                number += 1
                let line = UnsafeBufferPointer(rebasing: buffer[range])
                if byteLevel {
                    state.consume(line, isASCII: allASCII || isASCII(line), number: number)
                } else {
                    state.consume(String(decoding: line, as: UTF8.self), number: number)
                }
            }
        }
        state.finish()
        let controls =
            mayHoldControls
            ? ControlCharacterCheck.scan(TextLines(bytes: bytes).lines, path: path) : []
        return Result(section: state.section, diagnostics: controls + state.diagnostics)
    }

    /// One pass over a file's text: whether every byte is ASCII, and whether an ASCII byte
    /// `ControlCharacterCheck` forbids is among them (C0 controls but tab and line breaks, DEL).
    /// For an ASCII text the second is `mayHoldControlCharacters`.
    static func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, hasControls: Bool) {
        // Eight bytes at a time: `any` gathers the high bits; a word with a byte below 0x20 or
        // equal to 0x7F (found with the usual "has a zero byte" test on shifted copies) is
        // then looked at byte by byte. Line breaks are below 0x20, so about one word in five
        // is.
        var any: UInt64 = 0
        var controls = false
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                any |= word
                let below20 = (word &- ones &* 0x20) & ~word & highs
                let del = word ^ (ones &* 0x7F)
                let isDEL = (del &- ones) & ~del & highs
                if !controls, below20 | isDEL != 0 {
                    for byte in UnsafeBufferPointer(rebasing: bytes[index..<index + 8])
                    where byte < 0x20 || byte == 0x7F {
                        if byte != 0x09, byte != 0x0A, byte != 0x0D { controls = true }
                    }
                }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            any |= UInt64(byte)
            if byte < 0x20 || byte == 0x7F, byte != 0x09, byte != 0x0A, byte != 0x0D { controls = true }
            index += 1
        }
        return (any & 0x8080_8080_8080_8080 == 0, controls)
    }

    /// False when no byte sequence of `bytes` can decode to a character `ControlCharacterCheck`
    /// forbids (C0 controls but tab and line breaks, DEL, C2 80-9F, EF BF BE/BF): the scan of
    /// every line's scalars is then skipped. True errs on the side of scanning.
    static func mayHoldControlCharacters(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte >= 0x20, byte < 0x7F {
                    index += 1
                    continue
                }
                if byte < 0x20 {
                    if byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2 {
                    if index + 1 < count, (0x80...0x9F).contains(buffer[index + 1]) { return true }
                } else if byte == 0xEF {
                    if index + 2 < count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE { return true }
                }
                index += 1
            }
            return false
        }
    }

    public func parse(_ text: String, path: String) -> Result {
        parse(Array(text.utf8), path: path)
    }
}
