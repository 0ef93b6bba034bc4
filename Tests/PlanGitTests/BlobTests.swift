import PlanGit
import XCTest

@testable import GitKit

final class BlobTests: XCTestCase {
    func testBlobRoundTrip() throws {
        let repo = try TestRepo()
        let repository = try Repository.open(at: repo.path)
        let text = "\u{FEFF}Action 1.1\r\nDue: 2008-12-31\r\n"
        let id = try repository.writeBlob(text)
        try repo.write("x.txt", text)
        XCTAssertEqual(try repo.git("hash-object", "--no-filters", "x.txt"), id.hex)
        XCTAssertEqual(try repo.git("cat-file", "-t", id.hex), "blob")
        XCTAssertEqual(try repo.git("cat-file", "-s", id.hex), "\(text.utf8.count)")
        XCTAssertEqual(try repository.blob(id), Array(text.utf8))
        XCTAssertEqual(try repository.blobSize(id), text.utf8.count)
        XCTAssertEqual(try repository.blob(id, maxSize: text.utf8.count), Array(text.utf8))
        XCTAssertThrowsError(try repository.blob(id, maxSize: 4)) { error in
            XCTAssertTrue("\(error)".contains("more than the limit"), "\(error)")
        }
        XCTAssertFalse(try repository.isBinary(id))
        XCTAssertEqual(try repository.objectType(id), .blob)
        XCTAssertTrue(try repository.contains(id))
    }

    func testBlobWrittenByGitIsReadExactly() throws {
        let repo = try TestRepo()
        try repo.write("notes.txt", "line one\nline two\n")
        let id = try XCTUnwrap(ObjectID(hex: try repo.git("hash-object", "-w", "notes.txt")))
        let repository = try Repository.open(at: repo.path)
        XCTAssertEqual(String(decoding: try repository.blob(id), as: UTF8.self), "line one\nline two\n")
    }

    func testBinaryAndEmptyBlobs() throws {
        let repo = try TestRepo()
        let repository = try Repository.open(at: repo.path)
        let binary: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0]
        let binaryID = try repository.writeBlob(binary)
        XCTAssertEqual(try repository.blob(binaryID), binary)
        XCTAssertTrue(try repository.isBinary(binaryID))
        let empty = try repository.writeBlob([UInt8]())
        XCTAssertEqual(empty.hex, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        XCTAssertEqual(try repository.blob(empty), [])
        XCTAssertEqual(try repository.blobSize(empty), 0)
    }

    func testReadingAMissingOrNonBlobObjectFails() throws {
        let repo = try TestRepo()
        try repo.write("a.txt", "a\n")
        let commit = try XCTUnwrap(ObjectID(hex: try repo.commitAll("first")))
        let repository = try Repository.open(at: repo.path)
        XCTAssertThrowsError(try repository.blob(commit))
        XCTAssertThrowsError(try repository.blobSize(commit))
        let missing = try XCTUnwrap(ObjectID(hex: String(repeating: "1", count: 40)))
        XCTAssertThrowsError(try repository.blob(missing)) { error in
            XCTAssertEqual((error as? GitError)?.isNotFound, true, "\(error)")
        }
        XCTAssertNil(try repository.objectType(missing))
    }
}
