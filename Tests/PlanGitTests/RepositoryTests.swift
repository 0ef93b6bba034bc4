import Foundation
import PlanGit
import XCTest

@testable import GitKit

final class RepositoryTests: XCTestCase {
    func testLibgit2VersionAndFeatures() {
        XCTAssertTrue(Libgit2.version.hasPrefix("1."), Libgit2.version)
        XCTAssertTrue(Libgit2.features.contains(.threads))
    }

    func testInitCreatesRepositoryWithMainAsInitialBranch() throws {
        let dir = try TestRepo.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = try Repository(at: dir + "/work/plan", bare: false)
        XCTAssertFalse(repository.isBare)
        XCTAssertEqual(repository.workdir, dir + "/work/plan/")
        XCTAssertEqual(repository.gitDir, dir + "/work/plan/.git/")
        XCTAssertNil(try repository.head())
        XCTAssertEqual(try repository.headBranch(), "refs/heads/main")
        XCTAssertEqual(try TestRepo.git(["symbolic-ref", "HEAD"], in: dir + "/work/plan"), "refs/heads/main")

        let bare = try Repository(at: dir + "/hub.git", bare: true, initialBranch: "trunk")
        XCTAssertTrue(bare.isBare)
        XCTAssertNil(bare.workdir)
        XCTAssertEqual(try TestRepo.git(["symbolic-ref", "HEAD"], in: dir + "/hub.git"), "refs/heads/trunk")
    }

    func testOpenFromAFolderInsideTheWorkTree() throws {
        let repo = try TestRepo()
        try repo.write("sections/pct/rec-01.txt", "text\n")
        let head = try repo.commitAll("first")
        let repository = try Repository.open(at: repo.path + "/sections/pct")
        XCTAssertEqual(repository.gitDir, repo.path + "/.git/")
        XCTAssertEqual(try repository.head()?.hex, head)
    }

    func testOpeningAMissingRepositoryFailsWithNotFound() throws {
        let dir = try TestRepo.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertThrowsError(try Repository.open(at: dir + "/nothing")) { error in
            let gitError = error as? GitError
            XCTAssertEqual(gitError?.isNotFound, true, "\(error)")
            XCTAssertTrue("\(error)".contains("open repository at"), "\(error)")
        }
    }

    func testRevparseAndResolveCommit() throws {
        let repo = try TestRepo()
        try repo.write("a.txt", "a\n")
        let first = try repo.commitAll("first")
        try repo.write("a.txt", "b\n")
        let second = try repo.commitAll("second")
        try repo.git("tag", "-a", "-m", "for cabinet", "cabinet/2008-09-01", first)
        let repository = try Repository.open(at: repo.path)

        XCTAssertEqual(try repository.revparse("HEAD").hex, second)
        XCTAssertEqual(try repository.revparse("HEAD~1").hex, first)
        XCTAssertEqual(try repository.revparse(String(first.prefix(8))).hex, first)
        XCTAssertEqual(try repository.revparse("HEAD^{tree}").hex, try repo.git("rev-parse", "HEAD^{tree}"))
        let tagObject = try repository.revparse("cabinet/2008-09-01")
        XCTAssertNotEqual(tagObject.hex, first)
        XCTAssertEqual(try repository.resolveCommit("cabinet/2008-09-01").hex, first)
        XCTAssertThrowsError(try repository.resolveCommit("HEAD^{tree}"))
        XCTAssertThrowsError(try repository.revparse("no-such-branch")) { error in
            XCTAssertEqual((error as? GitError)?.isNotFound, true, "\(error)")
        }
    }

    func testConfigGetSetUnset() throws {
        let repo = try TestRepo()
        let repository = try Repository.open(at: repo.path)
        XCTAssertNil(try repository.configString("planmerge.partner"))
        try repository.setConfigString("planmerge.partner", "pct")
        try repository.setConfigString("merge.planmerge.driver", "planmerge merge-driver %O %A %B %P")
        XCTAssertEqual(try repository.configString("planmerge.partner"), "pct")
        XCTAssertEqual(try repo.git("config", "--local", "--get", "planmerge.partner"), "pct")
        XCTAssertEqual(try repo.git("config", "--get", "merge.planmerge.driver"), "planmerge merge-driver %O %A %B %P")
        try repository.unsetConfig("planmerge.partner")
        try repository.unsetConfig("planmerge.partner")
        XCTAssertNil(try repository.configString("planmerge.partner"))
    }

    /// A server hook sees pushed objects only through git's environment (quarantine).
    func testOpenFromEnvironmentReadsObjectsOfTheObjectDirectoryAndAlternates() throws {
        let hub = try TestRepo()
        try hub.write("manifest.yaml", "plan\n")
        let hubCommit = try hub.commitAll("hub")
        let quarantine = try TestRepo(siblingOf: hub, name: "quarantine")
        try quarantine.write("sections/pct/rec-01.txt", "pushed\n")
        let pushed = try quarantine.commitAll("pushed")
        guard let pushedID = ObjectID(hex: pushed), let hubID = ObjectID(hex: hubCommit) else {
            return XCTFail("bad ids")
        }

        // A plain open of the hub does not see the quarantined commit.
        XCTAssertThrowsError(try Repository.open(at: hub.path).commit(pushedID))

        let variables = [
            "GIT_DIR": hub.path + "/.git",
            "GIT_OBJECT_DIRECTORY": quarantine.path + "/.git/objects",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES": hub.path + "/.git/objects",
        ]
        let saved = variables.keys.map { ($0, ProcessInfo.processInfo.environment[$0]) }
        for (key, value) in variables { setenv(key, value, 1) }
        defer {
            for (key, value) in saved {
                if let value { setenv(key, value, 1) } else { unsetenv(key) }
            }
        }
        let repository = try Repository.openFromEnvironment()
        XCTAssertEqual(repository.gitDir, hub.path + "/.git/")
        XCTAssertEqual(try repository.commit(pushedID).summary, "pushed")
        XCTAssertEqual(try repository.commit(hubID).summary, "hub")
        XCTAssertEqual(try repository.reference(named: "refs/heads/main"), hubID)
    }
}
