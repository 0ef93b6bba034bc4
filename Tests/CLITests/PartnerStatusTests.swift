import Foundation
import XCTest

/// Issue 13: `planmerge status` in a partner's clone shows that partner's view: its actions,
/// overdue and due soon, what is on the hub and what is only local, and what the last
/// consolidate decided for it and why. Through real git and `planmerge consolidate`.
final class PartnerStatusTests: XCTestCase {
    var world: GitWorld!
    var pct: String!

    override func setUpWithError() throws {
        world = try GitWorld()
        try world.makeHub(serverHooks: false)
        pct = try world.clone("pct", partner: "leicester-pct")
    }

    override func tearDown() { world = nil }

    func status(_ extra: [String] = [], in directory: String? = nil, today: String = "2008-07-01") throws
        -> GitWorld.Run
    {
        try world.planmerge(["status", "--today", today] + extra, in: directory ?? pct)
    }

    func json(_ extra: [String] = [], in directory: String? = nil, today: String = "2008-07-01") throws
        -> [String: Any]
    {
        let result = try status(["--format", "json"] + extra, in: directory, today: today)
        XCTAssertEqual(result.status, 0, result.output)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func consolidate() throws {
        let run = try world.planmerge(["consolidate", "--repo", world.hub, "--today", "2008-07-01"], in: world.base)
        XCTAssertTrue([0, 1].contains(run.status), run.output)
    }

    func fetchRecord() throws {
        try world.mustGit(["fetch", "-q", "origin", "+refs/planmerge/record:refs/planmerge/record"], in: pct)
        try world.mustGit(["fetch", "-q", "origin"], in: pct)
    }

    func testTheCloneShowsThePartnersActionsAndWhatIsOnlyLocal() throws {
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: 10 July 2008")
        try world.mustGit(["commit", "-q", "-am", "Re-date 15.1"], in: pct)
        try "draft\n".write(toFile: pct + "/sections/leicester-pct/draft.txt", atomically: true, encoding: .utf8)

        // On 20 August 2008: 15.1 (now due 10 July 2008) is overdue; 5.2 ("... Appointment made
        // by August 08") is due within 28 days; 13.1 (Dec 09), 15.2 and 15.3 are later, 14.1
        // ("Immediate") is not read as a date.
        let object = try json(today: "2008-08-20")
        XCTAssertEqual(object["partner"] as? String, "leicester-pct")
        XCTAssertEqual(object["side"] as? String, "clone")
        XCTAssertEqual(object["actions"] as? Int, 6)
        XCTAssertEqual(object["overdue"] as? [String], ["15.1"])
        let soon = try XCTUnwrap(object["dueSoon"] as? [[String: Any]])
        XCTAssertEqual(soon.map { $0["ref"] as? String }, ["5.2"])
        XCTAssertEqual(soon.first?["due"] as? String, "2008-08-31")
        let local = try XCTUnwrap(object["local"] as? [String: Any])
        XCTAssertEqual(local["unpushed"] as? Int, 1)
        XCTAssertEqual(local["uncommitted"] as? [String], ["sections/leicester-pct/draft.txt"])
        let hub = try XCTUnwrap(object["hub"] as? [String: Any])
        XCTAssertEqual(hub["main"] as? String, try world.mustGit(["rev-parse", "main"], in: world.hub))
        XCTAssertNil(hub["published"] as? String)
        XCTAssertEqual(hub["publishRef"] as? String, "refs/heads/partners/leicester-pct")
        XCTAssertNil(object["lastConsolidate"] as? [String: Any])
        XCTAssertEqual(
            object["recordNote"] as? String,
            "this clone has not fetched the record of consolidate runs (refs/planmerge/record); fetch it with: git fetch origin +refs/planmerge/record:refs/planmerge/record"
        )

        let text = try status(today: "2008-08-20")
        XCTAssertEqual(text.status, 0, text.output)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines.first, "Leicester City Primary Care Trust (leicester-pct), as of 2008-08-20, seen from the clone")
        XCTAssertTrue(lines.contains("Actions: 6 (no status 6)"), text.stdout)
        XCTAssertTrue(lines.contains("  overdue (not done): 1: 15.1"), text.stdout)
        XCTAssertTrue(lines.contains("  due in the next 28 days: 1: 5.2 (2008-08-31)"), text.stdout)
        XCTAssertTrue(
            lines.contains("  published (refs/heads/partners/leicester-pct): nothing published yet"), text.stdout)
        XCTAssertTrue(
            lines.contains("  commits not pushed: 1 (git push origin HEAD:partners/leicester-pct)"), text.stdout)
        XCTAssertTrue(
            lines.contains("  uncommitted files: 1: sections/leicester-pct/draft.txt (git add, git commit)"),
            text.stdout)
    }

    func testTheCloneShowsARejectionAndWhyThenTheAcceptance() throws {
        try world.edit(pct, "sections/uhl/15.md", "Lead: Jane Porter; Mel Meggs", "Lead: Jane Porter")
        try world.mustGit(["commit", "-q", "--no-verify", "-am", "Edit the hospital's action"], in: pct)
        try world.mustGit(["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct)
        try consolidate()
        try fetchRecord()

        var last = try XCTUnwrap(try json()["lastConsolidate"] as? [String: Any])
        XCTAssertEqual(last["state"] as? String, "rejected")
        let reasons = try XCTUnwrap(last["reasons"] as? [String])
        XCTAssertEqual(reasons.count, 1)
        XCTAssertTrue(
            reasons[0].hasPrefix("sections/uhl/15.md belongs to University Hospitals of Leicester NHS Trust (uhl)"),
            reasons[0])
        XCTAssertTrue(reasons[0].contains("git checkout origin/main -- sections/uhl/15.md"), reasons[0])
        let text = try status()
        XCTAssertTrue(text.stdout.contains("\nLast consolidate:\n  "), text.stdout)
        XCTAssertTrue(text.stdout.contains(": rejected (its head "), text.stdout)
        XCTAssertTrue(text.stdout.contains("\n    sections/uhl/15.md belongs to"), text.stdout)

        try world.mustGit(["checkout", "origin/main", "--", "sections/uhl/15.md"], in: pct)
        try world.mustGit(["commit", "-q", "-m", "Undo"], in: pct)
        try world.mustGit(["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct)
        try consolidate()
        try fetchRecord()
        let object = try json()
        last = try XCTUnwrap(object["lastConsolidate"] as? [String: Any])
        let head = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        XCTAssertEqual(last["state"] as? String, "accepted")
        XCTAssertEqual(last["acceptedHead"] as? String, head)
        XCTAssertEqual(last["lastAccepted"] as? String, head)
        XCTAssertEqual(last["reasons"] as? [String], [])
        let hub = try XCTUnwrap(object["hub"] as? [String: Any])
        XCTAssertEqual(hub["published"] as? String, head)
        XCTAssertEqual(hub["publishedInMain"] as? Bool, true)
        XCTAssertEqual((object["local"] as? [String: Any])?["unpushed"] as? Int, 0)
    }

    func testTheCloneShowsAHeldBackContributionAndTheHubShowsTheSameWithPartner() throws {
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try world.mustGit(["commit", "-q", "-am", "Re-date 15.1"], in: pct)
        try world.mustGit(["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct)
        let coordinator = try world.clone("coordinator", partner: nil, hooks: false)
        try world.edit(coordinator, "sections/leicester-pct/15.md", "Due: July 2008", "Due: August 2008")
        try world.mustGit(["commit", "-q", "-am", "Re-date 15.1 as agreed"], in: coordinator)
        try world.mustGit(["push", "-q", "origin", "main"], in: coordinator)
        try consolidate()
        try fetchRecord()

        let last = try XCTUnwrap(try json()["lastConsolidate"] as? [String: Any])
        XCTAssertEqual(last["state"] as? String, "held-back")
        XCTAssertEqual(
            (last["reasons"] as? [String])?.first?.hasPrefix("1 conflict(s) with changes made on the hub"), true)
        XCTAssertNil(last["lastAccepted"] as? String)

        let onHub = try json(["--repo", world.hub, "--partner", "leicester-pct"], in: world.base)
        XCTAssertEqual(onHub["side"] as? String, "hub")
        XCTAssertNil(onHub["local"] as? [String: Any])
        let hubLast = try XCTUnwrap(onHub["lastConsolidate"] as? [String: Any])
        XCTAssertEqual(hubLast["state"] as? String, "held-back")
        XCTAssertEqual((onHub["hub"] as? [String: Any])?["publishedInMain"] as? Bool, false)
        // Without --partner the hub's status is the overall one, as before.
        let overall = try json(["--repo", world.hub], in: world.base)
        XCTAssertNotNil(overall["partners"] as? [[String: Any]])
        XCTAssertNil(overall["side"])
    }
}
