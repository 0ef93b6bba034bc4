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
        let controls = ControlCharacterCheck.scan(text.lines, path: path)
        return Result(section: state.section, diagnostics: controls + state.diagnostics)
    }

    public func parse(_ text: String, path: String) -> Result {
        parse(Array(text.utf8), path: path)
    }
}
