/// `file-outside-sections`, `section-file-name`: every file has its place.
///
/// Allowed: the manifest, documentation at the root (`*.md`, dotfiles such as
/// `.gitattributes`), the coordinator's front pages (`front/<name>.md`), and `sections/<partner>/<N>.md` with N written plainly (`15.md`, not
/// `015.md`: two names for one recommendation would make two files). Anything else is
/// reported: it would not be consolidated and nobody owns it.
public struct FileLayoutCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["file-outside-sections", "section-file-name"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for path in index.files where path != Manifest.fileName {
            let parts = path.split(separator: "/")
            if parts.count == 1, path.hasSuffix(".md") || path.hasPrefix(".") { continue }
            if FrontPages.isFrontPage(path) { continue }
            if let split = SectionFile.splitPath(path) {
                if let number = SectionFile.recommendationNumber(fileName: split.name) {
                    if split.name != "\(number).md" {
                        out.append(
                            Diagnostic(
                                .error, "section-file-name", at: SourceLocation(file: path),
                                "a section file is named after its recommendation number written plainly: "
                                    + "'\(split.name)' should be '\(number).md'",
                                hint: "rename it to sections/\(split.partner)/\(number).md (one file per "
                                    + "recommendation and partner; merge it into that file if it exists)"))
                    }
                } else {
                    // Not parsed (PlanLoader.isSectionFile): this is the one message about it.
                    out.append(
                        Diagnostic(
                            .error, "section-file-name", at: SourceLocation(file: path),
                            "'\(split.name)' is not a section file (a section file is named N.md after its "
                                + "recommendation number), so it is not read as part of the plan",
                            hint: "if it is meant to be a section, rename it to sections/\(split.partner)/N.md "
                                + "(git mv); otherwise delete it (git rm) or move it out of sections/"))
                }
                continue
            }
            if parts.first == "sections" {
                out.append(
                    Diagnostic(
                        .error, "file-outside-sections", at: SourceLocation(file: path),
                        "files under sections/ must be sections/<partner>/<N>.md",
                        hint: "move it into its partner's folder, or remove it"))
            } else if path.hasPrefix(".") || parts.contains(where: { $0.hasPrefix(".") }) {
                continue
            } else {
                out.append(
                    Diagnostic(
                        .warning, "file-outside-sections", at: SourceLocation(file: path),
                        "this file is outside sections/<partner>/ and is not part of the plan",
                        hint: "plan content belongs in sections/<partner>/<N>.md; remove the file if it is not needed"))
            }
        }
        return out
    }
}
