import PlanGit
import XCTest

@testable import GitKit

final class MergeTests: XCTestCase {
    /// main: base - hub1 - hub2 ; partner: base - p1 ; other: unrelated root.
    private func makeHistory() throws -> (TestRepo, [String: ObjectID]) {
        let repo = try TestRepo()
        var ids: [String: ObjectID] = [:]
        func commit(_ name: String, file: String) throws {
            try repo.write(file, name + "\n")
            ids[name] = ObjectID(hex: try repo.commitAll(name))
        }
        try commit("base", file: "manifest.yaml")
        try repo.git("branch", "partner")
        try commit("hub1", file: "manifest.yaml")
        try commit("hub2", file: "manifest.yaml")
        try repo.git("checkout", "-q", "partner")
        try commit("p1", file: "sections/pct/rec-01.txt")
        try repo.git("checkout", "-q", "--orphan", "other")
        try commit("other", file: "x.txt")
        try repo.git("checkout", "-q", "main")
        return (repo, ids)
    }

    func testMergeBaseAndDescendants() throws {
        let (repo, ids) = try makeHistory()
        let repository = try Repository.open(at: repo.path)
        let base = try XCTUnwrap(ids["base"]), hub2 = try XCTUnwrap(ids["hub2"])
        let p1 = try XCTUnwrap(ids["p1"]), other = try XCTUnwrap(ids["other"])

        XCTAssertEqual(try repository.mergeBase(hub2, p1), base)
        XCTAssertEqual(try repository.mergeBase(hub2, p1)?.hex, try repo.git("merge-base", "main", "partner"))
        XCTAssertNil(try repository.mergeBase(hub2, other))
        XCTAssertEqual(try repository.mergeBases(hub2, p1), [base])
        XCTAssertEqual(try repository.mergeBases(hub2, other), [])
        XCTAssertEqual(try repository.mergeBase(of: [hub2, p1, base]), base)

        XCTAssertTrue(try repository.isDescendant(hub2, of: base))
        XCTAssertTrue(try repository.isDescendant(hub2, of: hub2))
        XCTAssertFalse(try repository.isDescendant(base, of: hub2))
        XCTAssertFalse(try repository.isDescendant(p1, of: hub2))
        XCTAssertFalse(try repository.isDescendant(other, of: base))

        let counts = try repository.aheadBehind(local: p1, upstream: hub2)
        XCTAssertEqual(counts.ahead, 1)
        XCTAssertEqual(counts.behind, 2)
    }

    func testMergeTextCleanCombinesBothSides() throws {
        let base = "line 1\nline 2\nline 3\nline 4\nline 5\n"
        let ours = "line 1 (hub)\nline 2\nline 3\nline 4\nline 5\n"
        let theirs = "line 1\nline 2\nline 3\nline 4\nline 5 (partner)\n"
        let result = try Repository.mergeText(base: base, ours: ours, theirs: theirs)
        XCTAssertTrue(result.clean)
        XCTAssertEqual(result.text, "line 1 (hub)\nline 2\nline 3\nline 4\nline 5 (partner)\n")
    }

    func testMergeTextConflictHasMarkersWithLabels() throws {
        let result = try Repository.mergeText(
            base: "Lead: PCT\n", ours: "Lead: Council\n", theirs: "Lead: Police\n",
            labels: MergeLabels(base: "base", ours: "hub", theirs: "police"))
        XCTAssertFalse(result.clean)
        XCTAssertEqual(result.text, "<<<<<<< hub\nLead: Council\n=======\nLead: Police\n>>>>>>> police\n")

        let diff3 = try Repository.mergeText(base: "a\n", ours: "b\n", theirs: "c\n", style: .diff3)
        XCTAssertFalse(diff3.clean)
        XCTAssertTrue(diff3.text.contains("||||||| base\na\n"), diff3.text)
    }

    func testMergeTextEdgeCases() throws {
        let empty = try Repository.mergeText(base: "", ours: "", theirs: "")
        XCTAssertTrue(empty.clean)
        XCTAssertEqual(empty.text, "")
        let added = try Repository.mergeText(base: "", ours: "", theirs: "new text\n")
        XCTAssertEqual(added.text, "new text\n")
        XCTAssertTrue(added.clean)
        let same = try Repository.mergeText(base: "a\n", ours: "é\n", theirs: "é\n")
        XCTAssertEqual(same.text, "é\n")
        XCTAssertTrue(same.clean)
    }
}
