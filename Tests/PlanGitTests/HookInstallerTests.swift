import Foundation
import PlanGit
import XCTest

@testable import GitKit

final class HookInstallerTests: XCTestCase {
    func config(_ repo: TestRepo) throws -> String {
        (try? repo.git("config", "--local", "--get-regexp", "^(planmerge|merge)\\.")) ?? ""
    }

    func testInstallIsIdempotentAndUninstallRemovesExactlyWhatItAdded() throws {
        let repo = try TestRepo()
        try repo.commitAll("empty")
        try repo.write(".git/info/attributes", "*.bin binary\n")
        try repo.git("config", "user.name", "Officer")
        let before = try config(repo)
        let installer = HookInstaller(repository: try Repository.open(at: repo.path))

        let done = try installer.install(.clone(partner: "leicester-pct"), binary: "/opt/planmerge/bin/planmerge")
        XCTAssertFalse(done.isEmpty)
        XCTAssertEqual(
            try installer.install(.clone(partner: "leicester-pct"), binary: "/opt/planmerge/bin/planmerge"), [])
        let hooks = repo.path + "/.git/hooks/"
        for name in ["pre-commit", "commit-msg"] {
            XCTAssertEqual(try String(contentsOfFile: hooks + name, encoding: .utf8), HookScripts.all[name])
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hooks + name))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: hooks + "pre-receive"))
        XCTAssertEqual(try repo.git("config", "planmerge.partner"), "leicester-pct")
        XCTAssertEqual(
            try repo.git("config", "merge.planmerge.driver"), "'/opt/planmerge/bin/planmerge' merge-driver %O %A %B %P")
        let attributes = try String(contentsOfFile: repo.path + "/.git/info/attributes", encoding: .utf8)
        XCTAssertEqual(
            attributes, "*.bin binary\nsections/**/*.md merge=planmerge filter=planmerge\nplan.yaml filter=planmerge\n")
        XCTAssertEqual(
            try repo.git("config", "filter.planmerge.clean"), "'/opt/planmerge/bin/planmerge' filter clean")
        XCTAssertEqual(
            try repo.git("check-attr", "merge", "sections/uhl/15.md"), "sections/uhl/15.md: merge: planmerge")

        let removed = try installer.uninstall()
        XCTAssertFalse(removed.isEmpty)
        XCTAssertEqual(try config(repo), before)
        XCTAssertEqual(try repo.git("config", "user.name"), "Officer")
        XCTAssertFalse(FileManager.default.fileExists(atPath: hooks + "pre-commit"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: hooks + "commit-msg"))
        XCTAssertEqual(
            try String(contentsOfFile: repo.path + "/.git/info/attributes", encoding: .utf8), "*.bin binary\n")
        XCTAssertEqual(try installer.uninstall(), [])
    }

    func testServerInstallAndSwitchingToPerRef() throws {
        let hub = try TestRepo(bare: true, name: "hub.git")
        let installer = HookInstaller(repository: try Repository.open(at: hub.path))
        try installer.install(
            .server(perRef: false), binary: "/usr/local/bin/planmerge", identity: .environment("GL_USER"))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hub.path + "/hooks/pre-receive"))
        XCTAssertEqual(try hub.git("config", "planmerge.binary"), "/usr/local/bin/planmerge")
        XCTAssertThrowsError(try hub.git("config", "merge.planmerge.driver"))
        try installer.install(
            .server(perRef: true), binary: "/usr/local/bin/planmerge", identity: .environment("GL_USER"))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hub.path + "/hooks/update"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: hub.path + "/hooks/pre-receive"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: hub.path + "/info/attributes"))
    }

    func testSomeoneElsesHookIsNeverOverwrittenNorRemoved() throws {
        let repo = try TestRepo()
        let path = repo.path + "/.git/hooks/pre-commit"
        try Data("#!/bin/sh\nrun-my-linter\n".utf8).write(to: URL(fileURLWithPath: path))
        let installer = HookInstaller(repository: try Repository.open(at: repo.path))
        XCTAssertThrowsError(try installer.install(.clone(partner: nil), binary: "/bin/planmerge")) { error in
            XCTAssertTrue("\(error)".contains("not installed by planmerge"), "\(error)")
        }
        try installer.uninstall()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "#!/bin/sh\nrun-my-linter\n")
    }
}
