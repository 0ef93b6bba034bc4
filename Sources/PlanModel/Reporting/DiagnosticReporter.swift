import Foundation

/// Renders diagnostics for people: `file:line:col: severity: [rule] message`, then
/// `  hint: ...`, then a one-line summary. Pure: returns the text, prints nothing.
public enum TextReporter {
    public static func render(_ diagnostics: [Diagnostic], root: String? = nil) -> String {
        var out = ""
        for d in diagnostics.sortedForReading() {
            let file = root.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + d.location.file } ?? d.location.file
            out += "\(file):\(d.location.line):\(d.location.column): \(d.severity.rawValue): [\(d.rule)] \(d.message)\n"
            if let hint = d.hint { out += "  hint: \(hint)\n" }
        }
        return out
    }

    public static func summary(_ diagnostics: [Diagnostic], label: String) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(label): \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }
}

/// Renders diagnostics for tools: `{"diagnostics": [...], "summary": {...}}` with sorted keys.
public enum JSONReporter {
    public struct Summary: Codable, Sendable {
        public var errors: Int
        public var warnings: Int
        public var files: Int?
        public var actions: Int?
        public var recommendations: Int?
        public var partners: Int?
    }

    struct Report: Codable {
        var diagnostics: [Diagnostic]
        var summary: Summary
    }

    public static func render(_ diagnostics: [Diagnostic], plan: PlanIndex?) -> String {
        let summary = Summary(
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
            files: plan.map { $0.sections.count }, actions: plan.map { $0.actionCount },
            recommendations: plan.map { $0.manifest.recommendations.count },
            partners: plan.map { $0.manifest.partners.count })
        let report = Report(diagnostics: diagnostics.sortedForReading(), summary: summary)
        return ((try? JSONConvention.encode(report)) ?? "{}") + "\n"
    }
}
