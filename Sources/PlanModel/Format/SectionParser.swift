/// Reads a section file (`sections/<partner>/<N>.md`) into a `SectionFile`.
///
/// It never throws on content: every problem becomes a diagnostic with file, line, column,
/// rule and hint, and parsing goes on so that one run reports them all. The grammar is
/// documented in docs/FORMAT.md.
public struct SectionParser {
    /// The day a due text with no year is read against (the inspection's publication).
    public var dueReference: Day?

    public init(dueReference: Day? = nil) {
        self.dueReference = dueReference
    }

    public struct Result: Sendable {
        public var section: SectionFile
        public var diagnostics: [Diagnostic]
    }

    public func parse(_ bytes: [UInt8], path: String) -> Result {
        var state = SectionParseState(path: path, dueReference: dueReference)
        let text = TextLines(bytes: bytes)
        for line in text.invalidUTF8Lines {
            state.report(
                .error, "invalid-utf8", line: line, column: 1,
                "this line is not valid UTF-8 text",
                hint: "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)")
        }
        for (index, line) in text.lines.enumerated() {
            state.consume(line, number: index + 1)
        }
        state.finish()
        let controls =
            SectionParser.mayHoldControlCharacters(bytes) ? ControlCharacterCheck.scan(text.lines, path: path) : []
        return Result(section: state.section, diagnostics: controls + state.diagnostics)
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
