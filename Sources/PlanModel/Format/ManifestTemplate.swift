/// The manifest a new hub starts with: the inspection's three timescale groups, the
/// statutory 70 working days, Derby's Recommendation 3 as the field policy, and no
/// recommendations or partners yet (added with `planmerge partner add` and by hand).
public enum ManifestTemplate {
    public static func make(title: String, authority: String, inspection: String, published: Day?) -> String {
        var lines = [
            "# The plan manifest: owned by the coordinator. Format: docs/FORMAT.md",
            "planmerge: 1",
            "title: \(YAMLText.scalar(title))",
            "authority: \(YAMLText.scalar(authority))",
            "inspection:",
            "  name: \(YAMLText.scalar(inspection))",
        ]
        if let published { lines.append("  published: \(published.iso)") }
        lines += [
            "deadline:",
            "  working-days: 70",
            "  first-day: publication",
            "committees: []",
            "timescales:",
            "  - id: immediate",
            "    name: For immediate action",
            "  - id: six-months",
            "    name: For action over the next six months",
            "  - id: longer-term",
            "    name: For action in the longer term",
            "recommendations: []",
            "partners: []",
            "coordinator:",
            "  pushers: []",
            "policy:",
            "  required: [lead, due, success, resources, risk]",
            "  missing: error",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
