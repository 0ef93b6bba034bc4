import Foundation

/// The coordinator's own pages of the plan: `front/<name>.md` (an introduction, the
/// inspection's findings and grades, a glossary), printed before the action plan in the
/// order of their file names (`01-introduction.md`, `02-findings.md`, ...).
///
/// They are Markdown (headings, paragraphs, `- ` lists, `*emphasis*`, `**strong**` and
/// pipe tables) and are not section files: no actions are read from them. Like the
/// manifest they belong to the coordinator, so a partner's change to them is refused.
public struct FrontPage: Hashable, Sendable, Codable {
    /// The file's path in the plan, `front/01-introduction.md`.
    public var path: String
    /// The text of the first `# ` heading, or the file name without its number and `.md`.
    public var title: String
    /// The lines after that heading.
    public var lines: [String]

    public init(path: String, title: String, lines: [String]) {
        self.path = path
        self.title = title
        self.lines = lines
    }
}

public enum FrontPages {
    /// The folder of the front pages.
    public static let folder = "front/"

    /// True for `front/<name>.md` (one level, not a dotfile).
    public static func isFrontPage(_ path: String) -> Bool {
        guard path.hasPrefix(folder), path.hasSuffix(".md") else { return false }
        let name = path.dropFirst(folder.count)
        return !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
    }

    /// Reads every front page of `source` (whose paths are `files`), in file-name order. A
    /// page that cannot be read or is not UTF-8 becomes an error diagnostic, not a page.
    public static func read(from source: some PlanSource, files: [String]) -> (
        pages: [FrontPage], diagnostics: [Diagnostic]
    ) {
        var pages: [FrontPage] = []
        var diagnostics: [Diagnostic] = []
        for path in files.filter(isFrontPage).sorted() {
            let bytes: [UInt8]
            do {
                bytes = try source.read(path)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, "file-unreadable", at: SourceLocation(file: path), "\(error)",
                        hint: "plan files must be plain text files; replace it with a regular file"))
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(
                    Diagnostic(
                        .error, "file-unreadable", at: SourceLocation(file: path), "\(path) is not UTF-8 text",
                        hint: "save the page as UTF-8 text"))
                continue
            }
            pages.append(page(path: path, text: text))
        }
        return (pages, diagnostics)
    }

    /// One page from its text: the first `# ` line is the title (when it comes before any
    /// other text), the rest is the body with surrounding blank lines dropped.
    public static func page(path: String, text: String) -> FrontPage {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        var title: String?
        if let first = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }), lines[first].hasPrefix("# ") {
            title = String(lines[first].dropFirst(2)).trimmingSpaces
            lines.removeSubrange(...first)
        }
        while let first = lines.first, first.trimmingSpaces.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingSpaces.isEmpty { lines.removeLast() }
        return FrontPage(path: path, title: title ?? defaultTitle(path), lines: lines)
    }

    /// `front/02-findings-and-grades.md` → `Findings and grades`.
    static func defaultTitle(_ path: String) -> String {
        var stem = Substring(path.dropFirst(folder.count).dropLast(3))
        stem = stem.drop { $0.isNumber }
        stem = stem.drop { $0 == "-" || $0 == "_" || $0 == " " }
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.isEmpty ? "Introduction" : words.prefix(1).uppercased() + words.dropFirst()
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
