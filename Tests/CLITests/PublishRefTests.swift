import Foundation
import XCTest

/// Where a partner publishes is one rule (`Partner.publication`), read by consolidate and by
/// the hub's push hook alike. Regressions: a partner with a `branch` and no remote could
/// never be consolidated (the hook refused the branch consolidate read); a partner with its
/// own remote that pushed to `partners/<id>` on the hub was silently ignored.
final class PublishRefTests: XCTestCase {
    var world: GitWorld!

    override func setUpWithError() throws { world = try GitWorld() }
    override func tearDown() { world = nil }

    /// The coordinator gives `partner` a remote on the hub's manifest.
    func giveRemote(_ partner: String, _ remote: String) throws {
        let coordinator = try world.clone("coordinator", partner: nil, hooks: false)
        try world.edit(coordinator, "plan.yaml", "  - id: \(partner)\n", "  - id: \(partner)\n    remote: \(remote)\n")
        try world.mustGit(
            ["commit", "-q", "--no-verify", "-am", "\(partner) publishes on its own remote"], in: coordinator)
        try world.mustGit(["push", "-q", "origin", "main"], in: coordinator, env: ["GL_USER": "coordinator"])
    }

    func testAPartnerWithItsOwnRemoteIsToldWhereToPublish() throws {
        try world.makeHub()
        try giveRemote("leicester-pct", "https://git.example.org/pct/plan.git")
        let pct = try world.clone("pct", partner: nil, hooks: false)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try world.mustGit(["commit", "-q", "--no-verify", "-am", "Re-date 15.1"], in: pct)
        let refsBefore = try world.hubRefs()
        let pushed = try world.git(
            ["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"])
        XCTAssertNotEqual(pushed.status, 0, pushed.output)
        XCTAssertTrue(
            pushed.stderr.contains(
                "leicester-pct publishes on its own remote (https://git.example.org/pct/plan.git), branch main"),
            pushed.output)
        XCTAssertEqual(try world.hubRefs(), refsBefore)
    }

    func testABranchWithoutARemoteIsAManifestErrorWithAHint() throws {
        let plan = try world.planmerge(["validate", CLI.packageRoot.path + "/Repos/derby"], in: world.base)
        XCTAssertEqual(plan.status, 0, plan.output)
        let copy = world.base + "/derby"
        try FileManager.default.copyItem(atPath: CLI.packageRoot.path + "/Repos/derby", toPath: copy)
        let manifest = try String(contentsOfFile: copy + "/plan.yaml", encoding: .utf8)
        let partners = try XCTUnwrap(manifest.range(of: "\npartners:\n"))
        let partner = try XCTUnwrap(
            manifest.range(
                of: #"  - id: [a-z-]+\n"#, options: .regularExpression, range: partners.upperBound..<manifest.endIndex))
        let id = manifest[partner].dropFirst("  - id: ".count).dropLast()
        try manifest.replacingCharacters(in: partner, with: String(manifest[partner]) + "    branch: work\n")
            .write(toFile: copy + "/plan.yaml", atomically: true, encoding: .utf8)
        let result = try world.planmerge(["validate", copy], in: world.base)
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.stdout.contains("[manifest-partner-branch]"), result.output)
        XCTAssertTrue(result.stdout.contains("partner '\(id)' names branch 'work' but no remote"), result.output)
        XCTAssertTrue(result.stdout.contains("remove 'branch:' (the partner pushes to partners/\(id))"), result.output)
    }
}

/// Issue 12: a partner's force-push was accepted by the hub and only rejected later by
/// consolidate. The hub now refuses it at once, naming both commits and what to do.
final class PartnerRewriteTests: XCTestCase {
    func testAPartnersForcePushIsRefusedByTheHub() throws {
        let world = try GitWorld()
        try world.makeHub()
        let pct = try world.clone("pct", partner: nil, hooks: false)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: September 2008")
        try world.mustGit(["commit", "-q", "--no-verify", "-am", "Re-date 15.1"], in: pct)
        let first = try world.git(
            ["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"])
        XCTAssertEqual(first.status, 0, first.output)
        let published = try world.mustGit(["rev-parse", "HEAD"], in: pct)

        try world.mustGit(["reset", "-q", "--hard", "HEAD~1"], in: pct)
        try world.edit(pct, "sections/leicester-pct/15.md", "Due: July 2008", "Due: October 2008")
        try world.mustGit(["commit", "-q", "--no-verify", "-am", "Re-date 15.1 again"], in: pct)
        let refsBefore = try world.hubRefs()
        let forced = try world.git(
            ["push", "-q", "-f", "origin", "HEAD:partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"])
        XCTAssertNotEqual(forced.status, 0, forced.output)
        XCTAssertTrue(forced.stderr.contains("refs/heads/partners/leicester-pct would be rewritten"), forced.output)
        XCTAssertTrue(forced.stderr.contains("does not contain \(published.prefix(7))"), forced.output)
        XCTAssertTrue(forced.stderr.contains("git pull, then git push"), forced.output)
        XCTAssertEqual(try world.hubRefs(), refsBefore, "the hub is unchanged")
    }
}
