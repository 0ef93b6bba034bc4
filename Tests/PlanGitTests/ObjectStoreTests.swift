import Foundation
import XCTest

@testable import GitKit

/// GitKit's object-store calls behind staging: headers without content, trees as stored,
/// history walks, packs copied between repositories, and fetches that stop early.
final class ObjectStoreTests: XCTestCase {
    func testRawTreeEntriesShowWhatAParsedTreeHides() throws {
        let repo = try TestRepo(name: "raw")
        let blob = try repo.blob("text\n")
        let inner = try repo.rawTree([.init("100644", "a", blob)])
        let tree = try repo.rawTree([
            .init("100644", "x", blob), .init("100644", "x", blob), .init("040000", "sub", inner),
        ])
        let repository = try Repository.open(at: repo.path)
        let entries = try repository.rawTreeEntries(try XCTUnwrap(ObjectID(hex: tree)), maxSize: 1 << 20)
        XCTAssertEqual(entries.map(\.modeText), ["100644", "100644", "040000"])
        XCTAssertEqual(entries.map { String(decoding: $0.name, as: UTF8.self) }, ["x", "x", "sub"])
        XCTAssertEqual(entries.map(\.id.hex), [blob, blob, inner])
        XCTAssertThrowsError(try repository.rawTreeEntries(try XCTUnwrap(ObjectID(hex: tree)), maxSize: 10)) { error in
            XCTAssertTrue("\(error)".contains("more than the limit of 10"), "\(error)")
        }
        XCTAssertThrowsError(try repository.rawTreeEntries(try XCTUnwrap(ObjectID(hex: blob)), maxSize: 1 << 20))
    }

    func testObjectHeaderReadsSizeAndTypeOnly() throws {
        let repo = try TestRepo(name: "header")
        let blob = try repo.blob(String(repeating: "0", count: 3 << 20))
        let repository = try Repository.open(at: repo.path)
        XCTAssertEqual(
            try repository.objectHeader(try XCTUnwrap(ObjectID(hex: blob))), ObjectHeader(type: .blob, size: 3 << 20))
        XCTAssertNil(try repository.objectHeader(try XCTUnwrap(ObjectID(hex: String(repeating: "1", count: 40)))))
    }

    func testCommitsBetweenAndPacksCopyExactlyThem() throws {
        let repo = try TestRepo(name: "source")
        try repo.write("a.md", "one\n")
        let first = try repo.commitAll("one")
        try repo.write("a.md", "two\n")
        let second = try repo.commitAll("two")
        try repo.write("b.md", "three\n")
        let third = try repo.commitAll("three")
        let ids = try [first, second, third].map { try XCTUnwrap(ObjectID(hex: $0)) }
        let repository = try Repository.open(at: repo.path)
        XCTAssertEqual(try repository.commits(from: [ids[2]], hiding: [ids[0]]), [ids[1], ids[2]])
        XCTAssertEqual(
            try repository.commits(
                from: [ids[2]], hiding: [ids[0], ObjectID(hex: String(repeating: "1", count: 40))!]),
            [ids[1], ids[2]], "a hidden id the repository lacks is ignored")

        let target = try TestRepo(siblingOf: repo, name: "target.git", bare: true)
        let count = try repository.writePack(from: [ids[2]], hiding: [ids[0]], into: target.path + "/objects/pack")
        XCTAssertEqual(count, 6, "two commits, two trees, two blobs")
        XCTAssertTrue(target.has(second) && target.has(third))
        XCTAssertTrue(target.has(try repo.git("rev-parse", "HEAD:b.md")))
        XCTAssertFalse(target.has(first), "what the hidden commit reaches is left out")
        XCTAssertEqual(
            try repository.writePack(from: [ids[0]], hiding: [ids[0]], into: target.path + "/objects/pack"), 0)
    }

    func testAFetchCanStopBeforeDownloadingOrAtABytesLimit() throws {
        let partner = try TestRepo(name: "partner")
        try partner.write(
            "a.md", String(repeating: "a line of the plan, different each time ", count: 2_000) + UUID().uuidString)
        let head = try partner.commitAll("one")
        let hub = try TestRepo(siblingOf: partner, name: "hub.git", bare: true)
        let repository = try Repository.open(at: hub.path)
        let seen = AdvertisedBox()
        let fetched = try repository.fetch(
            url: partner.path, refspecs: ["+refs/heads/main:refs/x"], timeout: .seconds(30),
            beforeDownload: {
                seen.set($0["refs/heads/main"])
                return false
            })
        XCTAssertFalse(fetched)
        XCTAssertEqual(seen.value?.hex, head)
        XCTAssertNil(try repository.reference(named: "refs/x"))
        XCTAssertFalse(hub.has(head))

        XCTAssertThrowsError(
            try repository.fetch(
                url: partner.path, refspecs: ["+refs/heads/main:refs/x"], timeout: .seconds(30), maxBytes: 100)
        ) { error in
            guard case FetchError.overLimit(_, let limit, let received) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, 100)
            XCTAssertGreaterThan(received, 100)
        }
        XCTAssertNil(try repository.reference(named: "refs/x"))
    }
}

/// A value handed out of a fetch thread.
private final class AdvertisedBox: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var stored: ObjectID?
    func set(_ id: ObjectID?) {
        lock.lock()
        stored = id
        lock.unlock()
    }
    var value: ObjectID? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
