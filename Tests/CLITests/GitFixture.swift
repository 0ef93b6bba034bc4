import Foundation
import XCTest

/// Real git repositories for command tests, built with the `git` command (tests only).
struct GitFixture {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Test Author", "GIT_AUTHOR_EMAIL": "author@example.org",
        "GIT_COMMITTER_NAME": "Test Committer", "GIT_COMMITTER_EMAIL": "committer@example.org",
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": NSTemporaryDirectory(),
    ]

    /// Runs git in `directory`; throws with its output when it fails.
    @discardableResult
    static func git(_ args: [String], in directory: URL, environment extra: [String: String] = [:], input: String? = nil)
        throws -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-c", "init.defaultBranch=main", "-c", "user.name=Test Author", "-c", "user.email=author@example.org"] + args
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment.merging(extra, uniquingKeysWith: { _, b in b }) { env[k] = v }
        process.environment = env
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "git", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "git \(args.joined(separator: " ")): \(text)"])
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A work tree holding a copy of an example plan, committed on main.
    func workTree(from plan: String, named name: String = "work") throws -> URL {
        let dir = root.appendingPathComponent(name)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(plan), to: dir)
        try GitFixture.git(["init", "-q"], in: dir)
        try GitFixture.git(["add", "-A"], in: dir)
        try GitFixture.git(["commit", "-q", "-m", "Seed the plan"], in: dir)
        return dir
    }
}
