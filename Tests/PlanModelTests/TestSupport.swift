import Foundation
import PlanModel
import XCTest

/// Fixture folders and the repository root, for tests.
enum Fixtures {
    static var root: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }
    static func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// The package root (for the example plans under Repos/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func loadPlan(_ url: URL) throws -> (plan: Plan, diagnostics: [Diagnostic]) {
        let loaded = try PlanLoader().load(from: FolderSource(root: url))
        let plan = try XCTUnwrap(loaded.plan, "plan did not load: \(loaded.diagnostics)")
        return (plan, loaded.diagnostics + Validator().validate(plan))
    }

    /// Copies a fixture folder to a fresh temporary folder the test may change.
    static func copy(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: url(name), to: target)
        return target
    }
}

extension Array where Element == Diagnostic {
    func rules(_ severity: Severity? = nil) -> [String] {
        filter { severity == nil || $0.severity == severity }.map(\.rule)
    }

    func first(_ rule: String) -> Diagnostic? { first { $0.rule == rule } }
}

func parse(_ text: String, path: String = "sections/pct/15.md") -> SectionParser.Result {
    SectionParser(dueReference: Day(year: 2008, month: 6, day: 3)).parse(text, path: path)
}
