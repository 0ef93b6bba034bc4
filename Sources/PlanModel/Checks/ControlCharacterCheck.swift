/// `control-character`: plan text holds no control characters.
///
/// NUL, the other C0 controls except tab, DEL, the C1 controls (U+0080 to U+009F) and the
/// non-characters U+FFFE and U+FFFF have no place in a plan: they are invisible in an
/// editor, HTML treats them as parse errors and XML 1.0 forbids most of them (one NUL makes a
/// DOCX unopenable). This is the one rule of what counts: the readers report such characters
/// with line and column when they read a file (they alone see the bytes), and the renderers
/// write `visible(_:)` of every text, so a control character never reaches a document raw.
public struct ControlCharacterCheck: PlanCheck {
    public init() {}
    public var rules: [String] { [ControlCharacterCheck.rule] }

    public static let rule = "control-character"

    /// Section files and the manifest are checked as they are read (`scan`), where line and
    /// column are known; a plan built in code is checked here, each text at its action or file.
    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        guard !scope.read else { return [] }
        var out: [Diagnostic] = []
        if let bad = section.blocks.flatMap(\.lines).lazy.compactMap(ControlCharacterCheck.firstForbidden).first {
            out.append(ControlCharacterCheck.diagnostic(bad, at: section.position.in(section.path)))
        }
        for action in section.actions {
            let fields = ActionField.allCases.flatMap { SectionFormatter.values(of: $0, in: action) }
            if let bad = ([action.text] + fields).lazy.compactMap(ControlCharacterCheck.firstForbidden).first {
                out.append(ControlCharacterCheck.diagnostic(bad, at: action.position.in(section.path)))
            }
        }
        return out
    }

    /// True for the characters no plan text may hold.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The text with each forbidden character replaced by U+FFFD (the replacement character),
    /// so that a reader of a document sees that something was there. Line feeds and carriage
    /// returns are kept: renderers give line breaks their own meaning.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isForbidden($0) && $0 != "\n" && $0 != "\r" }) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let keep = !isForbidden(scalar) || scalar == "\n" || scalar == "\r"
            scalars.append(keep ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Every forbidden character in a file's lines (as `TextLines` split them), one
    /// diagnostic per line at the first such character's 1-based column (in characters).
    public static func scan(_ lines: [String], path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (index, line) in lines.enumerated() {
            guard let bad = firstForbidden(line) else { continue }
            let column = line.unicodeScalars.prefix { $0 != bad }.count + 1
            out.append(diagnostic(bad, at: SourceLocation(file: path, line: index + 1, column: column)))
        }
        return out
    }

    /// The first forbidden character of a text (line breaks included: in a single value they
    /// are as wrong as any other control character).
    static func firstForbidden(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    /// The diagnostic for a forbidden character found at `location`.
    public static func diagnostic(_ scalar: Unicode.Scalar, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, rule, at: location,
            "a control character (\(name(scalar))) is in the text; documents cannot show it",
            hint: "delete it (it is invisible in most editors: retype the line), or replace it with a space")
    }

    /// `U+0000 NUL` and the like.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0A: "line feed", 0x0B: "vertical tab", 0x0C: "form feed",
            0x0D: "carriage return", 0x1B: "escape", 0x7F: "DEL",
        ]
        return names[scalar.value].map { "\(code) \($0)" } ?? code
    }
}
