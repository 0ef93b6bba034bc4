/// `file-outside-sections`, `section-file-name`: every file has its place.
///
/// Allowed: the manifest, documentation at the root (`*.md`, dotfiles such as
/// `.gitattributes`), and `sections/<partner>/<N>.md`. Anything else is reported: it would
/// not be consolidated and nobody owns it.
public struct FileLayoutCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["file-outside-sections", "section-file-name"] }

    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for path in plan.files where path != Manifest.fileName {
            let parts = path.split(separator: "/")
            if parts.count == 1, path.hasSuffix(".md") || path.hasPrefix(".") { continue }
            if let split = SectionFile.splitPath(path) {
                let stem = split.name.hasSuffix(".md") ? String(split.name.dropLast(3)) : ""
                if stem.isEmpty || Int(stem) == nil {
                    out.append(
                        Diagnostic(
                            .error, "section-file-name", at: SourceLocation(file: path),
                            "a section file is named after its recommendation number: '\(split.name)' is not",
                            hint: "rename it to sections/\(split.partner)/N.md, N being the recommendation"))
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
