import Foundation

/// Recommendation and timescale headings as plans write them: `Recommendation 3: develop a
/// performance management system`, `For action over the next six months`, `Timescale:
/// immediate`.
enum Headings {
    /// `Recommendation 3`, `Rec. 3: text`, `JAR recommendation 3 - text` -> (3, text or "").
    static func recommendation(_ text: String) -> (number: Int, text: String)? {
        // Regex matching is slow: ask it only about text that can be a heading.
        let start = text.drop(while: \.isWhitespace).prefix(3).lowercased()
        guard start == "rec" || start == "jar" else { return nil }
        guard let match = text.wholeMatch(of: recommendationPattern), let number = Int(match.1), number > 0 else {
            return nil
        }
        return (number, String(match.2).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A recommendation column's cell: `3`, `R3`, `Recommendation 3: text`, `3. text`.
    static func recommendationCell(_ text: String) -> (number: Int?, text: String) {
        if let heading = recommendation(text) { return (heading.number, heading.text) }
        let first = text.first { !$0.isWhitespace }
        if first?.isNumber == true || first == "r" || first == "R",
            let match = text.wholeMatch(of: numberPattern), let number = Int(match.1), number > 0
        {
            return (number, String(match.2 ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (nil, text)
    }

    nonisolated(unsafe) static let recommendationPattern =
        #/^\s*(?:jar\s+)?(?:recommendation|rec\.?)\s*(?:no\.?\s*)?(\d{1,3})\s*[:.)\-–—]?\s*(.*)$/#
        .ignoresCase().dotMatchesNewlines()
    nonisolated(unsafe) static let numberPattern = #/^\s*r?(\d{1,3})\s*(?:[:.)\-–—]\s*(.*))?$/#
        .ignoresCase().dotMatchesNewlines()

    /// The standard timescale group a short heading names, nil for other text.
    static func timescale(_ text: String) -> Timescale? {
        let lower = text.lowercased()
        guard lower.split(separator: " ").count <= 10 else { return nil }
        let opening =
            lower.hasPrefix("for ") || lower.hasPrefix("timescale") || lower.hasPrefix("action")
            || standard.contains { $0.id == lower }
        guard opening else { return nil }
        if lower.contains("immediate") { return standard[0] }
        if ["six month", "6 month", "six-month"].contains(where: lower.contains) { return standard[1] }
        if lower.contains("longer term") || lower.contains("long term") || lower.contains("longer-term") {
            return standard[2]
        }
        return nil
    }

    /// A timescale cell (`immediate`, `For action in the longer term`) -> its id.
    static func timescaleCell(_ text: String) -> String? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let known = standard.first(where: { $0.id == lower || $0.name.lowercased() == lower }) { return known.id }
        return timescale("for " + lower)?.id ?? timescale(text)?.id
    }

    struct Timescale: Hashable {
        var id: String
        var name: String
    }

    /// The inspection's three groups, as the manifest template writes them.
    static let standard = [
        Timescale(id: "immediate", name: "For immediate action"),
        Timescale(id: "six-months", name: "For action over the next six months"),
        Timescale(id: "longer-term", name: "For action in the longer term"),
    ]

    /// `Lead partner: X` -> ("lead partner", "X") for a short label.
    static func labelled(_ text: String) -> (label: String, value: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        guard !label.isEmpty, label.split(separator: " ").count <= 3 else { return nil }
        return (label, text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
