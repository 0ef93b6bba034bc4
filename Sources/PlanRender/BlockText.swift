import Foundation

/// The little Markdown a free-text block may hold, read into paragraphs and bullet lists,
/// with `*emphasis*` spans: what the HTML and DOCX renderers lay out.
///
/// Consecutive lines join into one paragraph (as Markdown does); a blank line ends it;
/// lines starting `- `, `* ` or `• ` are bullets, consecutive bullets one list.
enum BlockText {
    enum Part: Hashable, Sendable {
        case paragraph(String)
        case bullets([String])
    }

    /// A run of text, emphasised (`*x*`), strong (`**x**`) or plain.
    struct Span: Hashable, Sendable {
        var text: String
        var emphasis: Bool
        var strong = false
    }

    static func parts(_ lines: [String]) -> [Part] {
        var parts: [Part] = []
        var paragraph: [String] = []
        var bullets: [String] = []
        func flush() {
            if !paragraph.isEmpty { parts.append(.paragraph(paragraph.joined(separator: " "))) }
            if !bullets.isEmpty { parts.append(.bullets(bullets)) }
            paragraph = []
            bullets = []
        }
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if let item = bullet(line) {
                if !paragraph.isEmpty { flush() }
                bullets.append(item)
            } else {
                if !bullets.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return parts
    }

    static func bullet(_ line: String) -> String? {
        for marker in ["- ", "* ", "• "] where line.hasPrefix(marker) {
            return line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Splits `a *b* c` into plain and emphasised runs, and `**b**` into strong runs. An
    /// unpaired `*` stays as written.
    static func spans(_ text: String) -> [Span] {
        var spans: [Span] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "*") {
            if rest[open...].hasPrefix("**"), let close = rest[rest.index(open, offsetBy: 2)...].range(of: "**"),
                close.lowerBound > rest.index(open, offsetBy: 2)
            {
                if open > rest.startIndex { spans.append(Span(text: String(rest[..<open]), emphasis: false)) }
                let inner = String(rest[rest.index(open, offsetBy: 2)..<close.lowerBound])
                spans.append(Span(text: inner, emphasis: false, strong: true))
                rest = rest[close.upperBound...]
                continue
            }
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "*"), close > after,
                rest[after] != " "
            else { break }
            if open > rest.startIndex { spans.append(Span(text: String(rest[..<open]), emphasis: false)) }
            spans.append(Span(text: String(rest[after..<close]), emphasis: true))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { spans.append(Span(text: String(rest), emphasis: false)) }
        return spans
    }
}
