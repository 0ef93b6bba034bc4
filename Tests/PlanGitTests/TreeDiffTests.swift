import Foundation
import PlanGit
import XCTest

@testable import GitKit

final class TreeDiffTests: XCTestCase {
    func testDiffTreesListsChangedPathsOnly() throws {
        let repo = try TestRepo()
        try repo.write("plan.yaml", "plan\n")
        try repo.write("sections/a/1.md", "one\n")
        try repo.write("sections/a/2.md", "two\n")
        try repo.write("sections/b/1.md", "b one\n")
        try repo.write("old/folder/x.md", "x\n")
        let first = try repo.commitAll("first")
        try repo.write("sections/a/2.md", "two changed\n")
        try repo.write("sections/c/9.md", "new\n")
        try FileManager.default.removeItem(atPath: repo.path + "/old")
        try repo.write("old", "now a file\n")
        let second = try repo.commitAll("second")

        let git = try Repository.open(at: repo.path)
        let a = try git.tree(of: XCTUnwrap(ObjectID(hex: first))),
            b = try git.tree(of: XCTUnwrap(ObjectID(hex: second)))
        let diff = try git.diffTrees(a, b)
        XCTAssertEqual(diff.map(\.path), ["old", "old/folder/x.md", "sections/a/2.md", "sections/c/9.md"])
        XCTAssertNil(diff[0].old)
        XCTAssertEqual(diff[0].new?.mode, .blob)
        XCTAssertNil(diff[1].new, "the folder became a file: its files are gone")
        XCTAssertNotNil(diff[2].old)
        XCTAssertNotNil(diff[2].new)
        XCTAssertNil(diff[3].old)
        XCTAssertEqual(try git.diffTrees(a, a), [])
        XCTAssertEqual(try git.diffTrees(nil, a).count, 5, "from the empty tree: every file")
        let expected = try repo.git("diff", "--name-only", "--no-renames", first, second).split(separator: "\n").map(
            String.init
        ).sorted()
        XCTAssertEqual(diff.map(\.path), expected, "the same paths as git diff")
    }
}
