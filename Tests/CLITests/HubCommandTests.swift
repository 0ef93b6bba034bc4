import Foundation
import XCTest

/// init, partner add/list/remove, consolidate and status as a coordinator runs them.
final class HubCommandTests: XCTestCase {
    var fixture: GitFixture!

    override func setUpWithError() throws { fixture = try GitFixture() }
    override func tearDown() { fixture.remove() }

    func testInitPartnerAddConsolidateStatus() throws {
        let hub = fixture.root.appendingPathComponent("hub.git").path
        let created = try CLI.run([
            "init", hub, "--title", "Test plan", "--authority", "Derby City Council", "--published", "2008-06-03",
        ])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(
            try GitFixture.git(["rev-parse", "--is-bare-repository"], in: URL(fileURLWithPath: hub)), "true")
        let again = try CLI.run(["init", hub, "--title", "T", "--authority", "A"])
        XCTAssertEqual(again.status, 2, "an existing hub is never overwritten")
        XCTAssertTrue(again.stderr.contains("already holds files"), again.stderr)

        let added = try CLI.run([
            "partner", "add", "pct", "--name", "Derby City PCT", "--remote", "../pct", "--hub", hub,
        ])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(try CLI.run(["partner", "add", "pct", "--name", "again", "--hub", hub]).status, 2)
        XCTAssertEqual(try CLI.run(["partner", "add", "Bad Id", "--name", "x", "--hub", hub]).status, 2)
        let listed = try CLI.run(["partner", "list", "--hub", hub])
        XCTAssertEqual(listed.stdout, "pct\tDerby City PCT\t../pct\tpushers: -\n")
        XCTAssertEqual(
            try GitFixture.git(["log", "--format=%s", "main"], in: URL(fileURLWithPath: hub)),
            "Add partner pct (Derby City PCT)\nStart the plan")

        // The partner clones, adds a recommendation file... which the manifest does not know yet.
        let pct = fixture.root.appendingPathComponent("pct")
        try GitFixture.git(["clone", "-q", hub, pct.path], in: fixture.root)
        try FileManager.default.createDirectory(
            at: pct.appendingPathComponent("sections/pct"), withIntermediateDirectories: true)
        try
            "# Recommendation 1\n\n## 1.1 Do it\nDue: 31.3.09\nLead: A Officer\nSuccess: done\nResources: grant\nRisk: none\n"
            .write(to: pct.appendingPathComponent("sections/pct/1.md"), atomically: true, encoding: .utf8)
        try GitFixture.git(["add", "-A"], in: pct)
        try GitFixture.git(["commit", "-q", "-m", "pct: recommendation 1"], in: pct)
        let held = try CLI.run(["consolidate", hub, "--today", "2008-07-01"])
        XCTAssertEqual(held.status, 1, held.stdout)
        XCTAssertTrue(held.stdout.contains("held back"), held.stdout)
        XCTAssertTrue(held.stdout.contains("[section-unknown-recommendation]"), held.stdout)

        let json = try CLI.run(["consolidate", hub, "--format", "json", "--offline", "--today", "2008-07-01"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let partners = try XCTUnwrap(object["partners"] as? [[String: Any]])
        XCTAssertEqual(partners.first?["state"] as? String, "held-back")

        let status = try CLI.run(["status", hub, "--today", "2008-07-01"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("Statutory deadline: 2008-09-09"), status.stdout)
        XCTAssertTrue(status.stdout.contains("1 commit(s) pending with 1 error(s)"), status.stdout)
        XCTAssertEqual(try CLI.run(["partner", "remove", "pct", "--hub", hub]).status, 0)
        XCTAssertEqual(try CLI.run(["partner", "list", "--hub", hub]).stdout, "")
    }

    func testTagVersionsAndRenderingAVersion() throws {
        let hub = try fixture.publishedHub(from: "Repos/derby").path
        let consolidated = try CLI.run(["consolidate", "--repo", hub, "--today", "2008-07-01"])
        XCTAssertEqual(consolidated.status, 0, consolidated.stdout + consolidated.stderr)
        let tagged = try CLI.run([
            "tag", "--repo", hub, "--name", "cabinet/2008-07-08", "--message", "Council Cabinet, 8 July 2008, item 15",
            "--today", "2008-07-01",
        ])
        XCTAssertEqual(tagged.status, 0, tagged.stderr)
        XCTAssertTrue(tagged.stdout.contains("Partners (the exact commit of each part"), tagged.stdout)
        let again = try CLI.run(["tag", "--repo", hub, "--name", "cabinet/2008-07-08", "--today", "2008-07-01"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        let versions = try CLI.run(["versions", "--repo", hub])
        XCTAssertTrue(versions.stdout.hasPrefix("cabinet/2008-07-08  "), versions.stdout)
        let html = try CLI.run([
            "render", "cabinet/2008-07-08", "--repo", hub, "--format", "html", "--today", "2008-07-01",
        ])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertFalse(html.stdout.contains("cabinet/2008-07-08"), "the tag's name is a tool word: not in the paper")
        XCTAssertTrue(html.stdout.contains("Derby Joint Area Review"), "the plan's title")
        let noted = try CLI.run([
            "render", "cabinet/2008-07-08", "--repo", hub, "--format", "html", "--today", "2008-07-01", "--notes",
        ])
        XCTAssertEqual(noted.status, 0, noted.stderr)
        XCTAssertTrue(noted.stdout.contains("cabinet/2008-07-08"), "with --notes the version is on the document")
        XCTAssertEqual(try CLI.run(["render", "no-such-tag", "--repo", hub]).status, 2)
    }

    func testFetchProgressIsShownOnATerminalOnly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("no script(1) for a pseudo-terminal")
        }
        // A hub with one partner that publishes on a remote of its own: consolidate fetches it.
        let hub = fixture.root.appendingPathComponent("hub.git").path
        XCTAssertEqual(
            try CLI.run(["init", hub, "--from", "Repos/derby"], environment: GitFixture.environment).status, 0)
        let remote = fixture.root.appendingPathComponent("remote.git").path
        try GitFixture.git(["clone", "-q", "--bare", hub, remote], in: fixture.root)
        let added = try CLI.run(
            ["partner", "add", "extra", "--name", "Extra", "--remote", remote, "--repo", hub],
            environment: GitFixture.environment)
        XCTAssertEqual(added.status, 0, added.stderr)
        let plain = try CLI.run(["consolidate", "--repo", hub, "--today", "2008-07-01"])
        XCTAssertFalse(plain.stderr.contains("fetching"), "no progress when not a terminal: \(plain.stderr)")
        let command = "\(CLI.executable.path) consolidate --repo \(hub) --today 2008-07-01 >/dev/null"
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        terminal.standardOutput = out
        terminal.standardInput = FileHandle.nullDevice
        try terminal.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        XCTAssertTrue(text.contains("extra: fetching"), text)
        XCTAssertTrue(text.contains("extra: done"), text)
    }

    func testConsolidateRefusesWhatIsNotAHub() throws {
        let result = try CLI.run(["consolidate", fixture.root.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("not a planmerge hub"), result.stderr)
        let work = try fixture.workTree(from: "Repos/derby")
        let checkedOut = try CLI.run(["consolidate", work.path])
        XCTAssertEqual(checkedOut.status, 2)
        XCTAssertTrue(checkedOut.stderr.contains("bare hub"), checkedOut.stderr)
    }

    func testTheDemoTellsTheWholeStory() throws {
        let keep = fixture.root.appendingPathComponent("demo").path
        let result = try CLI.run(["demo", "--plan", "leicester", "--keep", keep])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertFalse(result.stdout.contains("FAILED"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "[ok]").count - 1, 8, result.stdout)
        XCTAssertTrue(result.stdout.contains("conflict in sections/"), result.stdout)
        try GitFixture.git(["fsck", "--strict"], in: URL(fileURLWithPath: keep + "/hub.git"))
        let parents = try GitFixture.git(
            ["log", "--format=%P", "-1", "main"], in: URL(fileURLWithPath: keep + "/hub.git"))
        XCTAssertEqual(parents.split(separator: " ").count, 4, "the previous main and three partner heads")
    }
}
