import Foundation
import PlanModel
import XCTest

/// `planmerge status` by outcome area on the Derby hub, and `planmerge calendar`.
final class OutcomeCalendarCommandTests: XCTestCase {
    var fixture: GitFixture!

    override func setUpWithError() throws { fixture = try GitFixture() }
    override func tearDown() { fixture.remove() }

    func testStatusCountsDerbyActionsByOutcomeArea() throws {
        let hub = try fixture.publishedHub(from: "Repos/derby").path
        let consolidated = try CLI.run(["consolidate", "--repo", hub, "--today", "2008-07-01"])
        XCTAssertEqual(consolidated.status, 0, consolidated.stdout + consolidated.stderr)
        let status = try CLI.run(["status", "--repo", hub, "--today", "2008-07-01"])
        XCTAssertEqual(status.status, 0, status.stderr)
        let lines = status.stdout.split(separator: "\n").map(String.init)
        let start = try XCTUnwrap(
            lines.firstIndex(of: "  by outcome area (an action may serve several):"), status.stdout)
        XCTAssertEqual(
            lines[(start + 1)...(start + 5)].map {
                $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            },
            [
                "Be Healthy 13 action(s) (no status 13)", "Stay Safe 14 action(s) (no status 14)",
                "Enjoy and Achieve 19 action(s) (no status 19)",
                "Making a Positive Contribution 10 action(s) (no status 10)",
                "Achieve Economic Well-being 17 action(s) (no status 17)",
            ])

        let json = try CLI.run(["status", "--repo", hub, "--today", "2008-07-01", "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let plan = try XCTUnwrap(object["plan"] as? [String: Any])
        let areas = try XCTUnwrap(plan["byOutcome"] as? [[String: Any]])
        XCTAssertEqual(areas.compactMap { $0["id"] as? String }.count, 5)
        let staySafe = try XCTUnwrap(areas.first { $0["id"] as? String == "stay-safe" })
        XCTAssertEqual((staySafe["figures"] as? [String: Any])?["actions"] as? Int, 14)
        XCTAssertEqual((staySafe["refs"] as? [String])?.first, "2.1")
    }

    /// `validate` names the file, line and rule of an unknown area, and the hint lists the areas.
    func testValidateReportsAnUnknownOutcomeAreaWithTheAreasInTheHint() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: plan) }
        let file = plan.appendingPathComponent("sections/dcc-housing/7.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lead = try XCTUnwrap(text.range(of: "Lead: Assistant Director, Housing and Advice Services\n"))
        try text.replacingCharacters(in: lead, with: String(text[lead]) + "Outcome area: Stay Healthy\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let line = text[..<lead.upperBound].filter { $0 == "\n" }.count + 1

        let result = try CLI.run(["validate", plan.path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let found = try XCTUnwrap(lines.firstIndex { $0.contains("[outcome-area-unknown]") }, result.stdout)
        XCTAssertTrue(lines[found].hasPrefix("\(plan.path)/sections/dcc-housing/7.md:\(line):"), lines[found])
        XCTAssertTrue(lines[found].contains("names outcome area 'Stay Healthy', which plan.yaml does not list"))
        XCTAssertTrue(
            lines[found + 1].hasPrefix(
                "  hint: use an id or title of the plan's outcome areas: be-healthy (Be Healthy), "),
            lines[found + 1])
        XCTAssertEqual(try CLI.run(["validate", "Repos/derby", "--quiet"]).status, 0, "the mapped plan is valid")
    }

    /// The events a filter must give, counted from the plan itself.
    func datedCount(_ plan: Plan, _ keep: (PlacedAction) -> Bool) -> Int {
        plan.actions.filter(keep).map { placed in
            (placed.action.due?.end == nil ? 0 : 1) + placed.action.milestones.filter { $0.due.end != nil }.count
        }.reduce(0, +)
    }

    func calendar(_ arguments: [String]) throws -> (status: Int32, text: String, stderr: String) {
        let file = fixture.root.appendingPathComponent("plan-\(UUID().uuidString).ics")
        let result = try CLI.run(["calendar"] + arguments + ["-o", file.path])
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return (result.status, text, result.stderr)
    }

    func uids(_ ics: String) -> [String] {
        ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    }

    func testCalendarFiltersByPartnerAndOfficerAndReadsTheHub() throws {
        let loaded = try PlanLoader().load(
            from: FolderSource(root: CLI.packageRoot.appendingPathComponent("Repos/derby")))
        let plan = try XCTUnwrap(loaded.plan)

        let all = try calendar(["Repos/derby"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(uids(all.text).count, datedCount(plan) { _ in true })
        XCTAssertTrue(all.stderr.contains("(\(uids(all.text).count) events)"), all.stderr)

        let housing = try calendar(["Repos/derby", "--partner", "dcc-housing"])
        XCTAssertEqual(housing.status, 0, housing.stderr)
        let expected = datedCount(plan) { $0.partner == "dcc-housing" }
        XCTAssertGreaterThan(expected, 0)
        XCTAssertEqual(uids(housing.text).count, expected)
        XCTAssertTrue(housing.text.contains("SUMMARY:7."), housing.text)

        let officer = try calendar(["Repos/derby", "--officer", "housing AND advice services"])
        XCTAssertEqual(officer.status, 0, officer.stderr)
        XCTAssertEqual(
            uids(officer.text).count,
            datedCount(plan) { $0.action.leads.contains { $0.lowercased().contains("housing and advice services") } })

        let unknown = try calendar(["Repos/derby", "--partner", "nobody"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("planmerge: no partner 'nobody' in plan.yaml"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("hint: use one of: dcc-communications,"), unknown.stderr)

        // From the hub's main, as render reads it: the same events with the same UIDs.
        let hub = try fixture.publishedHub(from: "Repos/derby").path
        XCTAssertEqual(try CLI.run(["consolidate", "--repo", hub, "--today", "2008-07-01"]).status, 0)
        let fromHub = try calendar(["--repo", hub])
        XCTAssertEqual(fromHub.status, 0, fromHub.stderr)
        XCTAssertEqual(uids(fromHub.text), uids(all.text))
    }
}
