import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

final class SourceTests: XCTestCase {
    func testFolderSourceListsFilesSkipsGitAndStaysInsideTheRoot() throws {
        let repo = try TestRepo()
        try repo.write("manifest.yaml", "plan\n")
        try repo.write("sections/pct/rec-01.txt", "one\n")
        try repo.write("sections/pct/deep/rec-02.txt", "two\n")
        try repo.commitAll("plan")
        let outside = repo.base + "/secret.txt"
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: outside))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: repo.path + "/sections/pct/escape.txt", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: repo.path + "/sections/pct/alias.txt", withDestinationPath: "rec-01.txt")
        try fm.createSymbolicLink(atPath: repo.path + "/sections/loop", withDestinationPath: "..")

        // Symbolic links are listed (so validation can name them) but never followed.
        let source = FolderSource(path: repo.path)
        XCTAssertEqual(
            try source.listFiles(),
            [
                "manifest.yaml", "sections/loop", "sections/pct/alias.txt", "sections/pct/deep/rec-02.txt",
                "sections/pct/escape.txt", "sections/pct/rec-01.txt",
            ])
        XCTAssertEqual(try source.read("sections/pct/deep/rec-02.txt"), Array("two\n".utf8))
        XCTAssertThrowsError(try source.read("sections/pct/alias.txt"))
        XCTAssertThrowsError(try source.read("sections/pct/escape.txt"))
        XCTAssertThrowsError(try source.read("sections/loop/pct/rec-01.txt"))
        XCTAssertThrowsError(try source.read("../secret.txt"))
        XCTAssertThrowsError(try source.read("sections/missing.txt")) { error in
            guard case PlanSourceError.notFound? = error as? PlanSourceError else { return XCTFail("\(error)") }
        }
        XCTAssertNil(source.contentID("manifest.yaml"))
        XCTAssertThrowsError(try FolderSource(path: repo.base + "/nothing").listFiles())
    }

    func testGitTreeSourceReadsBlobsAndExposesModes() throws {
        let repo = try TestRepo()
        try repo.write("manifest.yaml", "plan\n")
        try repo.write("sections/pct/rec-01.txt", "one\n")
        try FileManager.default.createSymbolicLink(
            atPath: repo.path + "/sections/pct/link.txt",
            withDestinationPath: "/etc/passwd")
        try repo.git("add", "-A")
        try repo.git(
            "update-index", "--add", "--cacheinfo",
            "160000,1111111111111111111111111111111111111111,sections/pct/sub")
        try repo.git("commit", "-q", "-m", "plan")
        let head = try repo.git("rev-parse", "HEAD")

        let repository = try Repository.open(at: repo.path)
        let source = try GitTreeSource(repository: repository, revision: "main")
        XCTAssertEqual(source.label, "main \(head.prefix(7))")
        XCTAssertEqual(source.commitID?.hex, head)
        XCTAssertEqual(try source.listFiles(), ["manifest.yaml", "sections/pct/rec-01.txt"])
        XCTAssertEqual(try source.read("sections/pct/rec-01.txt"), Array("one\n".utf8))
        XCTAssertEqual(
            source.contentID("sections/pct/rec-01.txt"), try repo.git("rev-parse", "HEAD:sections/pct/rec-01.txt"))
        XCTAssertEqual(source.entry("sections/pct/link.txt")?.mode, .link)
        XCTAssertEqual(
            source.entries.filter { !$0.mode.isFile }.map(\.path).sorted(),
            ["sections/pct/link.txt", "sections/pct/sub"])
        XCTAssertThrowsError(try source.read("sections/pct/link.txt"))
        XCTAssertThrowsError(try source.read("sections/pct/sub"))
        XCTAssertThrowsError(try source.read("nothing.txt"))
        XCTAssertNil(source.contentID("sections/pct/link.txt"))
    }

    func testIndexSourceReadsStagedContent() throws {
        let repo = try TestRepo()
        try repo.write("manifest.yaml", "plan\n")
        try repo.commitAll("base")
        try repo.write("sections/pct/rec-01.txt", "staged\n")
        try repo.git("add", "sections/pct/rec-01.txt")
        try repo.write("sections/pct/rec-01.txt", "edited later\n")
        try repo.write("sections/pct/untracked.txt", "untracked\n")

        let source = try IndexSource(repository: try Repository.open(at: repo.path))
        XCTAssertEqual(try source.listFiles(), ["manifest.yaml", "sections/pct/rec-01.txt"])
        XCTAssertEqual(try source.read("sections/pct/rec-01.txt"), Array("staged\n".utf8))
        XCTAssertEqual(
            source.contentID("sections/pct/rec-01.txt"), try repo.git("rev-parse", ":sections/pct/rec-01.txt"))
        XCTAssertEqual(source.conflictedPaths, [])
        XCTAssertThrowsError(try source.read("sections/pct/untracked.txt"))
    }
}
