import Foundation
import PlanGit
import XCTest

@testable import GitKit

final class ReferenceTests: XCTestCase {
    private func makeRepo() throws -> (TestRepo, ObjectID, ObjectID) {
        let repo = try TestRepo()
        try repo.write("a.txt", "a\n")
        let first = try XCTUnwrap(ObjectID(hex: try repo.commitAll("first")))
        try repo.write("a.txt", "b\n")
        let second = try XCTUnwrap(ObjectID(hex: try repo.commitAll("second")))
        return (repo, first, second)
    }

    func testResolveAndList() throws {
        let (repo, first, second) = try makeRepo()
        try repo.git("update-ref", "refs/planmerge/partners/pct", first.hex)
        try repo.git("update-ref", "refs/planmerge/partners/police", second.hex)
        try repo.git("update-ref", "refs/planmerge/other", second.hex)
        let repository = try Repository.open(at: repo.path)
        XCTAssertEqual(try repository.reference(named: "refs/heads/main"), second)
        XCTAssertEqual(try repository.reference(named: "main"), second)
        XCTAssertEqual(try repository.reference(named: "HEAD"), second)
        XCTAssertNil(try repository.reference(named: "refs/planmerge/partners/nobody"))
        XCTAssertEqual(
            try repository.references(matching: "refs/planmerge/partners/*"),
            [
                ReferenceEntry(name: "refs/planmerge/partners/pct", target: first),
                ReferenceEntry(name: "refs/planmerge/partners/police", target: second),
            ])
    }

    func testCompareAndSwapSucceedsWhenExpectedMatchesAndWritesReflog() throws {
        let (repo, first, second) = try makeRepo()
        let repository = try Repository.open(at: repo.path)
        try repository.updateReference("refs/heads/main", to: first, expected: second, message: "planmerge: rewind")
        XCTAssertEqual(try repo.git("rev-parse", "main"), first.hex)
        XCTAssertTrue(try repo.git("reflog", "show", "--format=%gs", "main").hasPrefix("planmerge: rewind"))

        try repository.updateReference(
            "refs/planmerge/partners/pct", to: second, expected: nil, message: "planmerge: accept pct")
        XCTAssertEqual(try repo.git("rev-parse", "refs/planmerge/partners/pct"), second.hex)
        XCTAssertEqual(
            try repo.git("reflog", "show", "--format=%gs", "refs/planmerge/partners/pct"), "planmerge: accept pct")
        repo.assertFsckClean()
    }

    func testCompareAndSwapFailsWithReferenceMovedWhenTheRefMoved() throws {
        let (repo, first, second) = try makeRepo()
        let repository = try Repository.open(at: repo.path)
        // Someone else moved main from `second` to `first` since we read it.
        try repo.git("update-ref", "refs/heads/main", first.hex)
        XCTAssertThrowsError(
            try repository.updateReference("refs/heads/main", to: second, expected: second, message: "x")
        ) { error in
            guard let moved = error as? ReferenceMovedError else { return XCTFail("\(error)") }
            XCTAssertEqual(moved.name, "refs/heads/main")
            XCTAssertEqual(moved.expected, second)
            XCTAssertEqual(moved.actual, first)
            XCTAssertTrue(moved.description.contains("moved"))
        }
        XCTAssertEqual(try repo.git("rev-parse", "main"), first.hex, "unchanged")

        // Expected absent, but it exists.
        XCTAssertThrowsError(try repository.updateReference("refs/heads/main", to: second, expected: nil, message: "x"))
        { error in
            XCTAssertEqual((error as? ReferenceMovedError)?.actual, first, "\(error)")
        }
        // Expected present, but it was deleted.
        XCTAssertThrowsError(
            try repository.updateReference("refs/planmerge/gone", to: second, expected: first, message: "x")
        ) { error in
            guard let moved = error as? ReferenceMovedError else { return XCTFail("\(error)") }
            XCTAssertNil(moved.actual)
        }
        XCTAssertThrowsError(try repo.git("rev-parse", "--verify", "-q", "refs/planmerge/gone"))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: repo.path + "/.git/logs/refs/planmerge/gone"),
            "no reflog left behind")
        // A bad name is an ordinary GitError.
        XCTAssertThrowsError(
            try repository.updateReference("refs/heads/bad..name", to: second, expected: nil, message: "x")
        ) { error in
            XCTAssertTrue(error is GitError, "\(error)")
        }
    }

    /// Two runs at once cannot both win: many threads, each with its own Repository, race
    /// from the same old value; exactly one succeeds.
    func testConcurrentCompareAndSwapHasExactlyOneWinner() throws {
        let (repo, first, second) = try makeRepo()
        let path = repo.path
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            do {
                let repository = try Repository.open(at: path)
                let target = index % 2 == 0 ? first : second
                try repository.updateReference(
                    "refs/planmerge/race", to: target, expected: nil, message: "run \(index)")
                results.add("won")
            } catch is ReferenceMovedError {
                results.add("moved")
            } catch let error as GitError where error.isLocked {
                results.add("locked")
            } catch {
                results.add("other: \(error)")
            }
        }
        let outcome = results.values
        XCTAssertEqual(outcome.filter { $0 == "won" }.count, 1, "\(outcome)")
        XCTAssertTrue(outcome.allSatisfy { ["won", "moved", "locked"].contains($0) }, "\(outcome)")
    }

    func testDeleteReference() throws {
        let (repo, first, second) = try makeRepo()
        try repo.git("update-ref", "refs/planmerge/partners/pct", first.hex)
        let repository = try Repository.open(at: repo.path)
        XCTAssertThrowsError(try repository.deleteReference("refs/planmerge/partners/pct", expected: second)) { error in
            XCTAssertTrue(error is ReferenceMovedError, "\(error)")
        }
        try repository.deleteReference("refs/planmerge/partners/pct", expected: first)
        XCTAssertNil(try repository.reference(named: "refs/planmerge/partners/pct"))
        try repository.deleteReference("refs/planmerge/partners/pct")
    }
}

/// Collects strings from concurrent work. `@unchecked Sendable`: `items` only under `lock`.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
