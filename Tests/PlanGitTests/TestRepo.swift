import Foundation
import XCTest

@testable import GitKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary folder with a git repository in it, built with the `git` command (allowed
/// in tests only), with fixed author and committer and no user or system configuration.
final class TestRepo {
    /// The temporary folder holding everything this test creates.
    let base: String
    /// The repository's folder (work tree, or the repository itself when bare).
    let path: String
    /// The repository whose temporary folder this one lives in (it removes the folder).
    private let owner: TestRepo?

    init(bare: Bool = false, name: String = "repo") throws {
        base = try TestRepo.makeTempDir()
        path = base + "/" + name
        owner = nil
        try TestRepo.git(["init", "-q"] + (bare ? ["--bare"] : []) + [path], in: base)
    }

    /// A clone of `other`, in the same temporary folder.
    init(cloneOf other: TestRepo, name: String, bare: Bool = false) throws {
        base = other.base
        path = base + "/" + name
        owner = other
        try TestRepo.git(["clone", "-q"] + (bare ? ["--bare"] : []) + [other.path, path], in: base)
    }

    /// Another new repository in the same temporary folder.
    init(siblingOf other: TestRepo, name: String, bare: Bool = false) throws {
        base = other.base
        path = base + "/" + name
        owner = other
        try TestRepo.git(["init", "-q"] + (bare ? ["--bare"] : []) + [path], in: base)
    }

    deinit {
        if owner == nil { try? FileManager.default.removeItem(atPath: base) }
    }

    static func makeTempDir() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve /tmp -> /private/tmp style links so paths compare equal with libgit2's.
        return url.resolvingSymlinksInPath().path
    }

    /// Runs git in this repository and returns its standard output without the final newline.
    @discardableResult
    func git(_ args: String...) throws -> String {
        try TestRepo.git(args, in: path)
    }

    /// The environment every git run gets: fixed identities and dates, no outside config.
    static func environment(home: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("GIT_") { env[key] = nil }
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = home + "/.config"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_AUTHOR_NAME"] = "Ann Author"
        env["GIT_AUTHOR_EMAIL"] = "ann@example.org"
        env["GIT_AUTHOR_DATE"] = "2008-09-01T10:00:00+0100"
        env["GIT_COMMITTER_NAME"] = "Cy Committer"
        env["GIT_COMMITTER_EMAIL"] = "cy@example.org"
        env["GIT_COMMITTER_DATE"] = "2008-09-01T11:00:00+0100"
        return env
    }

    @discardableResult
    static func git(_ args: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always"] + args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(home: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw TestFailure(
                "git \(args.joined(separator: " ")) failed (\(process.terminationStatus)): "
                    + String(decoding: errors, as: UTF8.self))
        }
        var text = String(decoding: output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Writes a file below the work tree, creating folders.
    func write(_ relative: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// Stages everything and commits; returns the new commit id.
    @discardableResult
    func commitAll(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// `git fsck --strict` must be clean.
    func assertFsckClean(file: StaticString = #filePath, line: UInt = #line) {
        do {
            try git("fsck", "--strict", "--no-progress")
        } catch {
            XCTFail("fsck failed: \(error)", file: file, line: line)
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: Sockets for the network tests

#if canImport(Glibc)
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private func closeSocket(_ fd: Int32) { _ = Glibc.close(fd) }
#else
private let streamSocket = SOCK_STREAM
private func closeSocket(_ fd: Int32) { _ = Darwin.close(fd) }
#endif

/// A TCP listener on 127.0.0.1 that accepts connections and never sends a byte: a remote
/// that hangs. `close()` shuts everything down so blocked clients see the end of stream.
/// `@unchecked Sendable`: `accepted` and `closed` are only touched under `lock`; `fd` and
/// `port` are immutable.
final class SilentListener: @unchecked Sendable {
    let fd: Int32
    let port: UInt16
    private let lock = NSLock()
    private var accepted: [Int32] = []
    private var closed = false

    init() throws {
        let (fd, port) = try bindLoopback()
        guard listen(fd, 8) == 0 else {
            closeSocket(fd)
            throw TestFailure("listen failed")
        }
        self.fd = fd
        self.port = port
        Thread { [self] in acceptForever() }.start()
    }

    private func acceptForever() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return }
            lock.lock()
            let isClosed = closed
            if !isClosed { accepted.append(client) }
            lock.unlock()
            if isClosed {
                closeSocket(client)
                return
            }
        }
    }

    /// Number of connections accepted so far.
    var connectionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted.count
    }

    func close() {
        lock.lock()
        closed = true
        let clients = accepted
        accepted = []
        lock.unlock()
        for client in clients {
            _ = shutdown(client, Int32(SHUT_RDWR))
            closeSocket(client)
        }
        _ = shutdown(fd, Int32(SHUT_RDWR))
        closeSocket(fd)
    }
}

/// A TCP socket bound to 127.0.0.1 on a port the system chose.
func bindLoopback() throws -> (fd: Int32, port: UInt16) {
    let fd = socket(AF_INET, streamSocket, 0)
    guard fd >= 0 else { throw TestFailure("socket failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else {
        closeSocket(fd)
        throw TestFailure("bind failed")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else {
        closeSocket(fd)
        throw TestFailure("getsockname failed")
    }
    return (fd, UInt16(bigEndian: address.sin_port))
}

/// A loopback port that was free a moment ago.
func freeLoopbackPort() throws -> UInt16 {
    let (fd, port) = try bindLoopback()
    closeSocket(fd)
    return port
}

/// True once something accepts TCP connections on 127.0.0.1:`port`.
func canConnect(port: UInt16) -> Bool {
    let fd = socket(AF_INET, streamSocket, 0)
    guard fd >= 0 else { return false }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    closeSocket(fd)
    return connected == 0
}
