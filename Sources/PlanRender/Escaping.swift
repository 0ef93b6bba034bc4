import Foundation
import PlanModel

/// Escaping for the markup languages the renderers write. Every function first replaces
/// control characters (`ControlCharacterCheck.visible`): no document carries one raw.
enum Escaping {
    /// HTML text and attribute values: `& < > " '`.
    static func html(_ text: String) -> String {
        let text = ControlCharacterCheck.visible(text)
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
    /// (after control characters became U+FFFD, only lone surrogates could remain).
    static func xml(_ text: String) -> String {
        let visible = ControlCharacterCheck.visible(text)
        let allowed = String(String.UnicodeScalarView(visible.unicodeScalars.filter(isXMLChar)))
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

    /// Markdown running text: `<` made literal so a git host does not take it for a tag, and
    /// links and images neutralised (`markdownLinksNeutralised`).
    /// (`&` is left alone: "priorities & actions" renders as written and stays readable.)
    static func markdownInline(_ text: String) -> String {
        markdownLinksNeutralised(ControlCharacterCheck.visible(text).replacingOccurrences(of: "<", with: "&lt;"))
    }

    /// A partner's text cannot make the Markdown run script or load a picture from elsewhere:
    /// an image (`![`) loses its `!` meaning and shows as text; a link keeps working only when
    /// it is inline and its target starts `http://`, `https://` or `mailto:`; any other `](`,
    /// and every `][` and `]:` (reference links and their definitions), get the `]` escaped,
    /// which leaves the text as written but no link. Backslash escapes in the text are kept.
    static func markdownLinksNeutralised(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch (c, next) {
            case ("\\", let escaped?):
                out.append(c)
                out.append(escaped)
                i += 2
                continue
            case ("!", "["):
                out += "!\\["
                i += 2
                continue
            case ("]", "["), ("]", ":"):
                out += "\\]"
            case ("]", "("):
                out += linkTargetAllowed(chars, from: i + 2) ? "]" : "\\]"
            default:
                out.append(c)
            }
            i += 1
        }
        return out
    }

    private static let allowedSchemes = ["http://", "https://", "mailto:"]

    /// Whether the link target starting at `start` (after `](` and any white space) begins
    /// with an allowed scheme, letter case aside.
    private static func linkTargetAllowed(_ chars: [Character], from start: Int) -> Bool {
        var i = start
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        let rest = String(chars[i..<min(chars.count, i + 8)]).lowercased()
        return allowedSchemes.contains { rest.hasPrefix($0) }
    }
}
