/// The one rule for putting text planmerge did not write itself (file names, a remote's error
/// text, commit text, anything a partner controls) into a commit message, a trailer, a
/// reflog entry, the record or a terminal line: it becomes exactly one line.
public enum RecordText {
    /// The longest text kept; longer text is cut and ends in "…" (a remote can send megabytes).
    public static let maxCharacters = 400

    /// `text` on one line: a backslash becomes `\\`, newline, carriage return and tab become
    /// `\n`, `\r`, `\t`; every other control character, Unicode line or paragraph separator
    /// and bidirectional control becomes `\u{XXXX}`. Nothing that can start a new line, or
    /// make a line read differently than it is stored, is left.
    public static func oneLine(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= maxCharacters {
                out += "…"
                break
            }
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return out
    }

    /// True when `text` is already one line as `oneLine` makes it (no character it escapes,
    /// other than the backslash it writes itself, and not over length): what a reader checks
    /// before showing text from the record as it is.
    public static func isOneLine(_ text: String) -> Bool {
        text.unicodeScalars.count <= maxCharacters + 1
            && !text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\t" || needsEscape($0) }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: break
        }
        // Bidirectional embedding, override and isolate controls, and the marks.
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }
}
