/// The partner map `import --suggest-map` drafts from the names a plan gives: every
/// organisation as a partner, every lead officer mapped to the partner the import gave
/// their actions, with how many actions name each, for the coordinator to correct.
public enum MapDraft {
    /// The draft map file's text; `files` are named in its opening comment.
    public static func yaml(names: [FoundName], defaultPartner: String, files: [String]) -> String {
        var lines = [
            "# Partner map drafted by 'planmerge import --suggest-map' from \(files.joined(separator: ", ")).",
            "# Check every line: give each officer and organisation the partner id they work for,",
            "# then run 'planmerge import ... --map' with this file. Ids: lowercase letters, digits, '-'.",
            "default: \(defaultPartner)",
            "partners:",
        ]
        let organisations = names.filter { $0.kind == .organisation }
        var ids: [String] = []
        for o in organisations where !ids.contains(o.partner) {
            ids.append(o.partner)
            lines.append("  \(o.partner): \(quoted(o.name))")
        }
        if !ids.contains(defaultPartner) { lines.append("  \(defaultPartner): \(quoted(defaultPartner))") }
        let officers = names.filter { $0.kind == .officer }
        lines.append(officers.isEmpty ? "map: {}" : "map:")
        for n in officers {
            lines.append("  \(quoted(n.name)): \(n.partner)    # \(n.actions) action\(n.actions == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
