import Foundation
import XCTest

/// partner set, coordinator set, partner remove and the owner check as a coordinator runs them.
final class PartnerSetCommandTests: XCTestCase {
    var fixture: GitFixture!
    var hub = ""

    override func setUpWithError() throws {
        fixture = try GitFixture()
        hub = fixture.root.appendingPathComponent("hub.git").path
        let created = try CLI.run(["init", hub, "--from", "Repos/leicester"])
        XCTAssertEqual(created.status, 0, created.stderr)
    }

    override func tearDown() { fixture.remove() }

    private func manifest() throws -> String {
        try GitFixture.git(["show", "main:plan.yaml"], in: URL(fileURLWithPath: hub))
    }

    private func commits() throws -> String {
        try GitFixture.git(["rev-list", "--count", "main"], in: URL(fileURLWithPath: hub))
    }

    func testPartnerSetKeepsCommentsAndOfficersAndListShowsPushers() throws {
        let before = try manifest()
        let set = try CLI.run([
            "partner", "set", "lcc-youth-services", "--pusher", "ESouthern", "--remote",
            "ssh://git@youth.example/plan.git", "--repo", hub,
        ])
        XCTAssertEqual(set.status, 0, set.stderr)
        let after = try manifest()
        XCTAssertTrue(
            after.contains("    # Emma Southern: Positive Activities for Young People (2.8b). She is also the second\n")
        )
        XCTAssertTrue(
            after.contains(
                "    officers: [Emma Southern]\n    remote: \"ssh://git@youth.example/plan.git\"\n    pushers: [ESouthern]\n"
            ), after)
        XCTAssertEqual(before.split(separator: "\n").count + 2, after.split(separator: "\n").count)
        let listed = try CLI.run(["partner", "list", "--repo", hub])
        XCTAssertTrue(
            listed.stdout.contains(
                "lcc-youth-services\tLeicester City Council, Youth Services (Positive Activities for Young People)\tssh://git@youth.example/plan.git\tpushers: ESouthern\n"
            ), listed.stdout)
    }

    func testPartnerRemoveRefusesWhileRecommendationsNameThePartner() throws {
        let count = try commits()
        let removed = try CLI.run(["partner", "remove", "uhl", "--repo", hub])
        XCTAssertEqual(removed.status, 2)
        XCTAssertTrue(removed.stderr.contains("recommendation(s) 15 still name uhl"), removed.stderr)
        XCTAssertEqual(try commits(), count, "nothing committed")
    }

    func testNoCommandCommitsAnInvalidManifest() throws {
        let count = try commits()
        let branch = try CLI.run(["partner", "set", "uhl", "--branch", "dev", "--repo", hub])
        XCTAssertEqual(branch.status, 2)
        XCTAssertTrue(branch.stderr.contains("manifest-partner-branch"), branch.stderr)
        let password = try CLI.run([
            "partner", "set", "uhl", "--remote", "https://hub:s3cret@uhl.example/p.git", "--repo", hub,
        ])
        XCTAssertNotEqual(password.status, 0)
        XCTAssertFalse(password.stderr.contains("s3cret"), password.stderr)
        let added = try CLI.run([
            "partner", "add", "police", "--name", "Police", "--remote", "https://hub:s3cret@police.example/p.git",
            "--repo", hub,
        ])
        XCTAssertEqual(added.status, 2)
        XCTAssertTrue(added.stderr.contains("manifest-remote-password"), added.stderr)
        XCTAssertFalse(added.stderr.contains("s3cret"), added.stderr)
        XCTAssertEqual(try commits(), count, "nothing committed")
    }

    func testCoordinatorSetReplacesThePushersAndRefusesNone() throws {
        let set = try CLI.run(["coordinator", "set", "--pusher", "admin", "--pusher", "jsmith", "--repo", hub])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(
            try manifest().contains(
                "coordinator:\n  name: Leicester City Council JAR coordinator\n  pushers: [admin, jsmith]\n"))
        XCTAssertEqual(try CLI.run(["coordinator", "set", "--repo", hub]).status, 2)
    }

    func testAnotherUsersHubIsRefusedWithTheCommandToRun() throws {
        guard geteuid() == 0 else { throw XCTSkip("changing a folder's owner needs root") }
        let chowned = Process()
        chowned.executableURL = URL(fileURLWithPath: "/bin/chown")
        chowned.arguments = ["-R", "nobody", hub]
        try chowned.run()
        chowned.waitUntilExit()
        let count = try GitFixture.git(
            ["--git-dir", hub, "rev-list", "--count", "main"], in: fixture.root,
            environment: ["GIT_CONFIG_PARAMETERS": "'safe.directory=*'"])
        let refused = try CLI.run(["partner", "set", "uhl", "--pusher", "jporter", "--repo", hub])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("belongs to the user nobody, and you are root"), refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains(
                "hint: run it as nobody: sudo -u nobody -H planmerge partner set uhl --pusher jporter --repo \(hub)"),
            refused.stderr)
        XCTAssertEqual(
            try GitFixture.git(
                ["--git-dir", hub, "rev-list", "--count", "main"], in: fixture.root,
                environment: ["GIT_CONFIG_PARAMETERS": "'safe.directory=*'"]), count)
    }
}
