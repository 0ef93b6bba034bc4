import Foundation
import PlanGit
import XCTest

@testable import GitKit

final class CommitTests: XCTestCase {
    func testReadCommitWrittenByGit() throws {
        let repo = try TestRepo()
        try repo.write("a.txt", "a\n")
        let first = try repo.commitAll("First version\n\nWith a body.")
        try repo.write("a.txt", "b\n")
        let second = try repo.commitAll("Second")
        let repository = try Repository.open(at: repo.path)
        let info = try repository.commit(try XCTUnwrap(ObjectID(hex: second)))
        XCTAssertEqual(info.id.hex, second)
        XCTAssertEqual(info.parents.map(\.hex), [first])
        XCTAssertEqual(info.treeID.hex, try repo.git("rev-parse", "HEAD^{tree}"))
        XCTAssertEqual(
            info.author, Signature(name: "Ann Author", email: "ann@example.org", time: 1_220_259_600, offsetMinutes: 60)
        )
        XCTAssertEqual(info.committer.name, "Cy Committer")
        XCTAssertEqual(info.committer.time, 1_220_263_200)
        XCTAssertEqual(info.time, Date(timeIntervalSince1970: 1_220_263_200))
        XCTAssertEqual(info.summary, "Second")

        let firstInfo = try repository.commit(try XCTUnwrap(ObjectID(hex: first)))
        XCTAssertEqual(firstInfo.parents, [])
        XCTAssertEqual(firstInfo.summary, "First version")
        XCTAssertEqual(firstInfo.message, "First version\n\nWith a body.\n")
    }

    func testCreateCommitWithoutUpdateRefMovesNothing() throws {
        let repo = try TestRepo()
        try repo.write("a.txt", "a\n")
        let head = try XCTUnwrap(ObjectID(hex: try repo.commitAll("first")))
        let partner = try XCTUnwrap(
            ObjectID(hex: try repo.git("commit-tree", "-p", head.hex, "-m", "partner", "HEAD^{tree}")))
        let repository = try Repository.open(at: repo.path)
        let signature = Signature(name: "planmerge", email: "planmerge@localhost", time: 1_220_270_000)
        let merge = try repository.createCommit(
            tree: try repository.tree(of: head), parents: [head, partner],
            author: signature, committer: signature,
            message: "Consolidate partners\n")
        XCTAssertEqual(try repository.head(), head, "no reference moved")
        XCTAssertEqual(try repo.git("cat-file", "-t", merge.hex), "commit")
        XCTAssertEqual(try repository.commit(merge).parents, [head, partner])
        try repo.git("update-ref", "refs/heads/main", merge.hex)
        repo.assertFsckClean()
        let log = try repo.git("log", "--format=%s", "main").split(separator: "\n")
        XCTAssertEqual(log.first, "Consolidate partners")
        XCTAssertEqual(Set(log), ["Consolidate partners", "partner", "first"])
    }

    func testCreateCommitRefusesAMissingParentOrTree() throws {
        let repo = try TestRepo()
        let repository = try Repository.open(at: repo.path)
        let tree = try repository.writeTree(files: [:])
        let missing = try XCTUnwrap(ObjectID(hex: String(repeating: "2", count: 40)))
        let signature = Signature.fallback()
        XCTAssertThrowsError(
            try repository.createCommit(
                tree: tree, parents: [missing], author: signature,
                committer: signature, message: "x"))
        XCTAssertThrowsError(
            try repository.createCommit(
                tree: missing, parents: [], author: signature,
                committer: signature, message: "x"))
    }

    func testDefaultSignatureUsesConfigAndFallsBack() throws {
        let repo = try TestRepo()
        let repository = try Repository.open(at: repo.path)
        // The test machine's own ~/.gitconfig may name someone; the repository's config wins.
        try repository.setConfigString("user.name", "Partner Officer")
        try repository.setConfigString("user.email", "officer@pct.example")
        let signature = repository.defaultSignature()
        XCTAssertEqual(signature.name, "Partner Officer")
        XCTAssertEqual(signature.email, "officer@pct.example")
        XCTAssertLessThan(abs(signature.date.timeIntervalSinceNow), 120)

        let fallback = Signature.fallback()
        XCTAssertEqual(fallback.description, "planmerge <planmerge@localhost>")
    }
}
