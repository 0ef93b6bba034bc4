import Foundation
import XCTest

@testable import GitKit

#if canImport(Glibc)
import Glibc
#endif

/// A full disk, a refused permission and a repository of another user are said in plain
/// words with the path and the fix (issue 9, item 7: they read "libgit2 error -1" and
/// "config value 'safe.directory' was not found").
final class GitErrorWordsTests: XCTestCase {
    /// Runs a program, returning its exit status.
    @discardableResult
    func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A fresh repository with one commit holding `size` random bytes (which do not compress).
    func sourceRepository(bytes size: Int) throws -> TestRepo {
        let repo = try TestRepo()
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: URL(fileURLWithPath: repo.path + "/big.bin"))
        _ = try repo.commitAll("big")
        return repo
    }

    func testAFullDiskIsNamedWithThePathAndTheFix() throws {
        try XCTSkipUnless(geteuid() == 0, "mounting a 1 MB file system needs root")
        let dir = try TestRepo.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mount = dir + "/small"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        try XCTSkipUnless(try run("/bin/mount", ["-t", "tmpfs", "-o", "size=1M", "tmpfs", mount]) == 0, "no tmpfs")
        defer { try? run("/bin/umount", [mount]) }
        let source = try sourceRepository(bytes: 3 << 20)
        let hub = try Repository(at: mount + "/hub.git", bare: true)

        XCTAssertThrowsError(try hub.fetch(url: source.path, refspec: "+refs/heads/main:refs/heads/partner")) { error in
            let text = "\(error)"
            XCTAssertEqual((error as? GitError)?.cause, .noSpace, text)
            XCTAssertTrue(text.contains("no space left on device writing \(mount)/hub.git"), text)
            XCTAssertTrue(text.hasSuffix(": free space and run again, nothing was changed"), text)
            XCTAssertFalse(text.contains("libgit2 error"), text)
        }
        XCTAssertThrowsError(try hub.revparse("refs/heads/partner"), "no reference was written")
    }

    func testAReadOnlyHubIsNamedWithThePathAndTheFix() throws {
        try XCTSkipUnless(geteuid() == 0, "mounting a file system needs root")
        let dir = try TestRepo.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mount = dir + "/readonly"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        try XCTSkipUnless(try run("/bin/mount", ["-t", "tmpfs", "-o", "size=4M", "tmpfs", mount]) == 0, "no tmpfs")
        defer { try? run("/bin/umount", [mount]) }
        let source = try sourceRepository(bytes: 1000)
        let hub = try Repository(at: mount + "/hub.git", bare: true)
        XCTAssertEqual(try run("/bin/mount", ["-o", "remount,ro", mount]), 0)

        XCTAssertThrowsError(try hub.fetch(url: source.path, refspec: "+refs/heads/main:refs/heads/partner")) { error in
            let text = "\(error)"
            XCTAssertEqual((error as? GitError)?.cause, .permissionDenied, text)
            XCTAssertTrue(text.contains("cannot write \(mount)/hub.git"), text)
            XCTAssertTrue(text.contains("the file system is read-only"), text)
            XCTAssertTrue(text.hasSuffix("nothing was changed"), text)
        }
    }

    func testARepositoryOfAnotherUserNamesTheOwnerAndWhatToRun() throws {
        try XCTSkipUnless(geteuid() == 0, "giving a repository to another user needs root")
        let source = try sourceRepository(bytes: 100)
        XCTAssertEqual(try run("/bin/chown", ["-R", "65534:65534", source.path]), 0)
        let owner = String(cString: getpwuid(65534).pointee.pw_name)
        let me = String(cString: getpwuid(geteuid()).pointee.pw_name)

        XCTAssertThrowsError(try Repository.open(at: source.path)) { error in
            let text = "\(error)"
            XCTAssertEqual((error as? GitError)?.cause, .ownedByAnotherUser, text)
            XCTAssertTrue(text.contains("\(source.path) is owned by \(owner), not by \(me) who runs planmerge"), text)
            XCTAssertTrue(text.contains("sudo -u \(owner) planmerge"), text)
            XCTAssertTrue(text.contains("git config --global --add safe.directory \(source.path)"), text)
            XCTAssertFalse(text.contains("was not found"), text)
        }

        let dir = try TestRepo.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hub = try Repository(at: dir + "/hub.git", bare: true)
        XCTAssertThrowsError(try hub.fetch(url: source.path, refspec: "+refs/heads/main:refs/heads/partner")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("\(source.path) is owned by \(owner)"), text)
        }
    }

    func testAFailureWithoutAMessageIsReadFromErrno() {
        let full = GitError(
            code: -1, klass: 0, message: "libgit2 error -1", operation: "fetch /srv/partner",
            osError: ENOSPC)
        XCTAssertEqual(full.cause, .noSpace)
        XCTAssertEqual(
            full.description,
            "fetch /srv/partner: no space left on device writing /srv/partner: free space and run again, "
                + "nothing was changed")
        let denied = GitError(
            code: -1, klass: 2,
            message: "failed to make directory '/hub.git/objects/ab': Permission denied",
            operation: "write blob of 3 bytes")
        XCTAssertEqual(denied.cause, .permissionDenied)
        XCTAssertEqual(denied.path, "/hub.git/objects/ab")
        XCTAssertTrue(
            denied.description.hasPrefix("write blob of 3 bytes: permission denied writing /hub.git/objects/ab"),
            denied.description)
        let other = GitError(
            code: -3, klass: 4, message: "reference 'refs/heads/x' not found", operation: "x",
            osError: ENOSPC)
        XCTAssertNil(other.cause, "a stale errno does not explain a libgit2 error of another class")
    }
}
