import PlanGit
import XCTest

@testable import GitKit

final class IndexTests: XCTestCase {
    func testStagedEntriesAfterGitAdd() throws {
        let repo = try TestRepo()
        try repo.write("manifest.yaml", "plan\n")
        try repo.commitAll("base")
        try repo.write("sections/pct/rec-01.txt", "staged\n")
        try repo.write("sections/pct/unstaged.txt", "not staged\n")
        try repo.git("add", "sections/pct/rec-01.txt")
        try repo.write("sections/pct/rec-01.txt", "changed after staging\n")

        let repository = try Repository.open(at: repo.path)
        let entries = try repository.stagedEntries()
        XCTAssertEqual(entries.map(\.path), ["manifest.yaml", "sections/pct/rec-01.txt"])
        XCTAssertTrue(entries.allSatisfy { $0.stage == 0 && $0.mode == .blob })
        let staged = try XCTUnwrap(entries.last)
        XCTAssertEqual(staged.id.hex, try repo.git("rev-parse", ":sections/pct/rec-01.txt"))
        XCTAssertEqual(String(decoding: try repository.blob(staged.id), as: UTF8.self), "staged\n")
        XCTAssertEqual(staged.treeEntry.name, "rec-01.txt")
        XCTAssertFalse(try repository.hasConflicts)
        XCTAssertEqual(try repository.writeIndexTree().hex, try repo.git("write-tree"))
    }

    func testConflictStages() throws {
        let repo = try TestRepo()
        try repo.write("sections/pct/rec-01.txt", "base\n")
        try repo.commitAll("base")
        try repo.git("checkout", "-q", "-b", "partner")
        try repo.write("sections/pct/rec-01.txt", "partner\n")
        try repo.commitAll("partner")
        try repo.git("checkout", "-q", "main")
        try repo.write("sections/pct/rec-01.txt", "hub\n")
        try repo.commitAll("hub")
        XCTAssertThrowsError(try repo.git("merge", "-q", "partner"))

        let repository = try Repository.open(at: repo.path)
        XCTAssertTrue(try repository.hasConflicts)
        let entries = try repository.stagedEntries()
        XCTAssertEqual(entries.map(\.stage), [1, 2, 3])
        XCTAssertTrue(entries.allSatisfy { $0.isConflict && $0.path == "sections/pct/rec-01.txt" })
        XCTAssertEqual(String(decoding: try repository.blob(entries[2].id), as: UTF8.self), "partner\n")
        XCTAssertThrowsError(try repository.writeIndexTree())
    }
}
