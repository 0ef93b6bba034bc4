import Foundation
import PlanModel
import XCTest

final class ManifestReaderTests: XCTestCase {
    func testReadsTheSmallPlanManifest() throws {
        let bytes = try Array(Data(contentsOf: Fixtures.url("small-plan/plan.yaml")))
        let result = ManifestReader().read(bytes)
        XCTAssertEqual(result.diagnostics, [])
        let manifest = try XCTUnwrap(result.manifest)
        XCTAssertEqual(manifest.title, "Small test plan")
        XCTAssertEqual(manifest.inspection.published, Day(year: 2008, month: 6, day: 3))
        XCTAssertEqual(manifest.deadline, DeadlineRule(workingDays: 70, firstDay: .publication))
        XCTAssertEqual(manifest.committees, [Committee(name: "Cabinet", date: Day(year: 2008, month: 9, day: 1)!)])
        XCTAssertEqual(manifest.timescales.map(\.id), ["immediate", "longer-term"])
        XCTAssertEqual(manifest.timescales[0].end, Day(year: 2008, month: 9, day: 9))
        XCTAssertNil(manifest.timescales[1].end)
        XCTAssertEqual(manifest.recommendations.map(\.number), [1, 15])
        XCTAssertEqual(manifest.recommendation(15)?.partners, ["uhl"])
        XCTAssertEqual(manifest.recommendation(1)?.officer, "Paul Vaughan")
        XCTAssertEqual(manifest.partner("leicester-pct")?.remote, "../pct.git")
        XCTAssertEqual(manifest.partner("leicester-pct")?.branch, "main")
        XCTAssertEqual(manifest.partner("leicester-pct")?.pushers, ["pct"])
        XCTAssertEqual(manifest.coordinator.pushers, ["coordinator"])
        XCTAssertEqual(manifest.policy, FieldPolicy(required: [.lead, .due, .success], missing: .error))
        XCTAssertEqual(result.locations.recommendations[15]?.line, 25)
    }

    func testDefaultsArePolicyRecommendation3AndSeventyWorkingDays() throws {
        let yaml = """
            title: T
            authority: A
            inspection: {name: JAR}
            timescales: [{id: now, name: Now}]
            recommendations: [{number: 1, text: Do, timescale: now, lead: p}]
            partners: [{id: p, name: P}]
            """
        let result = ManifestReader().read(Array(yaml.utf8))
        XCTAssertEqual(result.diagnostics, [])
        let manifest = try XCTUnwrap(result.manifest)
        XCTAssertEqual(manifest.policy.required, [.lead, .due, .success, .resources, .risk])
        XCTAssertEqual(manifest.policy.missing, .error)
        XCTAssertEqual(manifest.deadline.workingDays, 70)
        XCTAssertEqual(manifest.deadline.firstDay, .publication)
    }

    func testReportsEveryProblemAtItsLine() {
        let yaml = """
            title: T
            authority: A
            inspection:
              name: JAR
              published: 3 June 2008
            deadline:
              working-days: seventy
            timescales:
              - id: now
            recommendations:
              - number: 1
                text: Do
                timescale: now
                lead: p
                colour: red
            partners:
              - id: p
                name: P
            policy:
              required: [lead, colour]
              missing: loud
            """
        let result = ManifestReader().read(Array(yaml.utf8))
        let found = result.diagnostics.map { "\($0.location.line) \($0.rule)" }
        XCTAssertEqual(
            Set(found),
            Set([
                "5 manifest-type", "7 manifest-type", "9 manifest-missing-key", "15 manifest-unknown-key",
                "20 manifest-type", "21 manifest-type",
            ]))
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.hint != nil && $0.location.file == "plan.yaml" })
    }

    func testBadYAMLIsOneDiagnosticWithItsPosition() {
        let result = ManifestReader().read(Array("title: T\n  authority: [A\n".utf8))
        XCTAssertNil(result.manifest)
        XCTAssertEqual(result.diagnostics.map(\.rule), ["manifest-syntax"])
        XCTAssertGreaterThanOrEqual(result.diagnostics[0].location.line, 2)
    }

    func testMissingRequiredKeys() {
        let result = ManifestReader().read(Array("planmerge: 1\n".utf8))
        XCTAssertNil(result.manifest)
        XCTAssertEqual(
            Set(result.diagnostics.compactMap { $0.rule == "manifest-missing-key" ? $0.message : nil }),
            Set([
                "the manifest has no 'title'", "the manifest has no 'authority'", "the manifest has no 'inspection'",
                "the manifest has no 'timescales'", "the manifest has no 'recommendations'",
                "the manifest has no 'partners'",
            ]))
    }

    /// The reader composes without Yams' type resolver (a start-up cost): values YAML would type
    /// as booleans, numbers, nulls or dates still read as the text written, a merge key is still
    /// an unknown key, and a mapping used as a key still reads through its `=` value key.
    func testValuesReadAsWrittenWithoutTypeResolution() throws {
        let yaml = """
            title: yes
            authority: 1.0
            inspection: {name: null, published: 2008-06-03}
            timescales: [{id: "on", name: ~}]
            recommendations:
              - number: 1
                text: .inf
                timescale: "on"
                lead: p
                ? {=: officer}
                : 2008-06-04
            partners: [{id: p, name: P, <<: {branch: x}}]
            """
        let result = ManifestReader().read(Array(yaml.utf8))
        XCTAssertEqual(
            result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule) \($0.message)" },
            ["12:29 manifest-unknown-key '<<' is not a key of partner entry 1 and is ignored"])
        let manifest = try XCTUnwrap(result.manifest)
        XCTAssertEqual(manifest.title, "yes")
        XCTAssertEqual(manifest.authority, "1.0")
        XCTAssertEqual(manifest.inspection.name, "null")
        XCTAssertEqual(manifest.inspection.published, Day(year: 2008, month: 6, day: 3))
        XCTAssertEqual(manifest.timescales.map(\.id), ["on"])
        XCTAssertEqual(manifest.timescales.map(\.name), ["~"])
        XCTAssertEqual(manifest.recommendations.map(\.text), [".inf"])
        XCTAssertEqual(manifest.recommendations.map(\.officer), ["2008-06-04"])
        XCTAssertEqual(manifest.partner("p")?.branch, "main")
    }
}
