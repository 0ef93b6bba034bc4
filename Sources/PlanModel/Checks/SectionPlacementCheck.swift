/// `section-unknown-partner`, `section-unknown-recommendation`, `section-recommendation-mismatch`:
/// each section file is in a known partner's folder, answers a known recommendation, and
/// its heading agrees with its file name.
public struct SectionPlacementCheck: PlanCheck {
    public init() {}
    public var rules: [String] {
        ["section-unknown-partner", "section-unknown-recommendation", "section-recommendation-mismatch"]
    }

    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let manifest = scope.manifest
        let heading = section.position.in(section.path)
        if manifest.partner(section.partner) == nil {
            out.append(
                Diagnostic(
                    .error, "section-unknown-partner", at: SourceLocation(file: section.path),
                    "'\(section.partner)' is not a partner of the manifest",
                    hint:
                        "use one of the partner folders (\(manifest.partners.map(\.id).joined(separator: ", "))), or ask the coordinator to add the partner"
                ))
        }
        if let name = SectionFile.splitPath(section.path)?.name, let n = Int(name.dropLast(3)),
            section.recommendation != 0, n != section.recommendation
        {
            out.append(
                Diagnostic(
                    .error, "section-recommendation-mismatch", at: heading,
                    "the file is named \(name) but its heading says Recommendation \(section.recommendation)",
                    hint: "rename the file to \(section.recommendation).md or correct the heading"))
        }
        if section.recommendation != 0, manifest.recommendation(section.recommendation) == nil {
            out.append(
                Diagnostic(
                    .error, "section-unknown-recommendation", at: heading,
                    "the manifest has no recommendation \(section.recommendation)",
                    hint:
                        "recommendations are \(manifest.recommendations.map { String($0.number) }.joined(separator: ", "))"
                ))
        }
        return out
    }
}
