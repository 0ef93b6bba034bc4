import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// What `hooks install --partner` writes for plain `git push` / `git pull`, read back by git.
final class PartnerGitConfigTests: XCTestCase {
    func testInstallSetsPushAndPullOnceAndUninstallPutsTheCloneBack() throws {
        let hub = try TestRepo(bare: true, name: "hub.git")
        let seed = try TestRepo(siblingOf: hub, name: "seed")
        try seed.write("README", "plan\n")
        _ = try seed.commitAll("seed")
        _ = try seed.git("push", "-q", hub.path, "HEAD:refs/heads/main")
        let clone = try TestRepo(cloneOf: hub, name: "pct")
        let before = try clone.git("config", "--local", "--list")
        let installer = HookInstaller(repository: try Repository.open(at: clone.path))
        let publication = Partner(id: "leicester-pct", name: "PCT").publication

        let done = try installer.install(
            .clone(partner: "leicester-pct"), binary: "/opt/planmerge/bin/planmerge", publication: publication)
        XCTAssertTrue(done.contains("set remote.origin.push = HEAD:refs/heads/partners/leicester-pct"), "\(done)")
        XCTAssertEqual(
            try clone.git("config", "--get-all", "remote.origin.push"), "HEAD:refs/heads/partners/leicester-pct")
        XCTAssertEqual(
            try clone.git("config", "--get-all", "branch.main.merge"),
            "refs/heads/main\nrefs/heads/partners/leicester-pct")
        XCTAssertEqual(try clone.git("config", "pull.rebase"), "false")
        XCTAssertEqual(try clone.git("config", "pull.octopus"), "planmerge")
        XCTAssertEqual(
            try clone.git("config", "--get-all", "remote.origin.fetch"),
            "+refs/heads/*:refs/remotes/origin/*\n+refs/planmerge/*:refs/planmerge/*")
        XCTAssertEqual(
            try clone.git("check-attr", "filter", "plan.yaml", "sections/uhl/15.md"),
            "plan.yaml: filter: planmerge\nsections/uhl/15.md: filter: planmerge")
        XCTAssertEqual(
            try installer.install(
                .clone(partner: "leicester-pct"), binary: "/opt/planmerge/bin/planmerge", publication: publication),
            [])

        try installer.uninstall()
        XCTAssertEqual(try clone.git("config", "--local", "--list"), before)
    }
}
