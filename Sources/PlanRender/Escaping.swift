import Foundation

/// Escaping for the markup languages the renderers write.
enum Escaping {
    /// HTML text and attribute values: `& < > " '`.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// XML 1.0 text and attribute values: as HTML, and characters XML forbids are dropped
    /// (control characters other than tab, newline and carriage return).
    static func xml(_ text: String) -> String {
        let allowed = String(String.UnicodeScalarView(text.unicodeScalars.filter(isXMLChar)))
        return html(allowed).replacingOccurrences(of: "&#39;", with: "&apos;")
    }

    private static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// A Markdown table cell: `|` escaped, `<` made literal, line breaks as `<br>`.
    static func markdownCell(_ text: String) -> String {
        markdownInline(text)
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    /// Markdown running text: `<` made literal so a git host does not take it for a tag.
    /// (`&` is left alone: "priorities & actions" renders as written and stays readable.)
    static func markdownInline(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;")
    }
}
