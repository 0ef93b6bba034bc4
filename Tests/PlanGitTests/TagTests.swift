import PlanGit
import XCTest

@testable import GitKit

final class TagTests: XCTestCase {
    func testCreateAnnotatedTagAndRefuseToMoveIt() throws {
        let repo = try TestRepo()
        try repo.write("a.txt", "a\n")
        let first = try XCTUnwrap(ObjectID(hex: try repo.commitAll("first")))
        try repo.write("a.txt", "b\n")
        let second = try XCTUnwrap(ObjectID(hex: try repo.commitAll("second")))
        let repository = try Repository.open(at: repo.path)
        let tagger = Signature(
            name: "Coordinator", email: "plan@council.example", time: 1_220_263_200, offsetMinutes: 60)
        let message = "Submitted to Cabinet 1 September 2008\n\npct: \(first.hex)\n"

        let tagID = try repository.createAnnotatedTag(
            name: "cabinet/2008-09-01", target: first, tagger: tagger, message: message)
        XCTAssertEqual(try repo.git("cat-file", "-t", "cabinet/2008-09-01"), "tag")
        XCTAssertEqual(try repo.git("rev-parse", "cabinet/2008-09-01"), tagID.hex)
        XCTAssertEqual(try repo.git("rev-parse", "cabinet/2008-09-01^{commit}"), first.hex)
        XCTAssertEqual(
            try repo.git("tag", "-l", "--format=%(contents)", "cabinet/2008-09-01").trimmingSuffixNewline,
            message.trimmingSuffixNewline)
        repo.assertFsckClean()

        XCTAssertThrowsError(
            try repository.createAnnotatedTag(
                name: "cabinet/2008-09-01", target: second,
                tagger: tagger, message: "moved")
        ) { error in
            XCTAssertEqual((error as? GitError)?.isExists, true, "\(error)")
        }
        XCTAssertThrowsError(
            try repository.createAnnotatedTag(
                name: "cabinet/2008-09-01", target: first,
                tagger: tagger, message: "again"))
        XCTAssertEqual(try repo.git("rev-parse", "cabinet/2008-09-01"), tagID.hex, "the tag did not move")

        let info = try XCTUnwrap(try repository.tag(named: "cabinet/2008-09-01"))
        XCTAssertEqual(info.tagID, tagID)
        XCTAssertEqual(info.target, first)
        XCTAssertEqual(info.tagger, tagger)
        XCTAssertEqual(info.message, message)
        XCTAssertNil(try repository.tag(named: "cabinet/1999-01-01"))
    }

    func testListTagsByPattern() throws {
        let repo = try TestRepo()
        try repo.write("a.txt", "a\n")
        let head = try XCTUnwrap(ObjectID(hex: try repo.commitAll("first")))
        try repo.git("tag", "-a", "-m", "second", "cabinet/2009-01-15")
        try repo.git("tag", "-a", "-m", "first", "cabinet/2008-09-01")
        try repo.git("tag", "lightweight")
        try repo.git("tag", "cabinet/light")
        let repository = try Repository.open(at: repo.path)
        let tags = try repository.tags(matching: "cabinet/*")
        XCTAssertEqual(tags.map(\.name), ["cabinet/2008-09-01", "cabinet/2009-01-15", "cabinet/light"])
        XCTAssertTrue(tags.allSatisfy { $0.target == head })
        XCTAssertEqual(tags.map(\.isAnnotated), [true, true, false])
        XCTAssertEqual(tags.first?.tagger?.name, "Cy Committer")
        XCTAssertEqual(tags.first?.message, "first\n")
        XCTAssertNil(tags.last?.tagger)
    }
}

extension String {
    var trimmingSuffixNewline: String {
        var copy = self
        while copy.hasSuffix("\n") { copy.removeLast() }
        return copy
    }
}
