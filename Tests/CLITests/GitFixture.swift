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

    /// A HOME of this test process's own (empty, never shared with a parallel test process).
    static let home: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    static let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Test Author", "GIT_AUTHOR_EMAIL": "author@example.org",
        "GIT_COMMITTER_NAME": "Test Committer", "GIT_COMMITTER_EMAIL": "committer@example.org",
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": home, "XDG_CONFIG_HOME": home + "/.config",
    ]

    /// Runs git in `directory`; throws with its output when it fails.
    @discardableResult
    static func git(
        _ args: [String], in directory: URL, environment extra: [String: String] = [:], input: String? = nil
    )
        throws -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments =
            ["-c", "init.defaultBranch=main", "-c", "user.name=Test Author", "-c", "user.email=author@example.org"]
            + args
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
            throw NSError(
                domain: "git", code: Int(process.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: "git \(args.joined(separator: " ")): \(text)"])
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A hub made by `planmerge init --from <plan>` (main holds the manifest only) with every
    /// partner's sections of the example plan published on `partners/<id>`, one commit each:
    /// what a first `consolidate` merges (all accepted). Much cheaper than the demo story.
    func publishedHub(from plan: String = "Repos/leicester", named name: String = "hub.git") throws -> URL {
        let hub = root.appendingPathComponent(name)
        let created = try CLI.run(["init", hub.path, "--from", plan], environment: GitFixture.environment)
        guard created.status == 0 else {
            throw NSError(
                domain: "planmerge init", code: Int(created.status),
                userInfo: [NSLocalizedDescriptionKey: created.stderr])
        }
        let work = root.appendingPathComponent("publishing-\(name)")
        try GitFixture.git(["clone", "-q", hub.path, work.path], in: root)
        let sections = CLI.packageRoot.appendingPathComponent(plan).appendingPathComponent("sections")
        let partners = try FileManager.default.contentsOfDirectory(atPath: sections.path).sorted()
        for partner in partners {
            try GitFixture.git(["checkout", "-q", "-B", "publish-\(partner)", "origin/main"], in: work)
            try FileManager.default.createDirectory(
                at: work.appendingPathComponent("sections"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: sections.appendingPathComponent(partner), to: work.appendingPathComponent("sections/\(partner)"))
            try GitFixture.git(["add", "-A"], in: work)
            try GitFixture.git(["commit", "-q", "-m", "\(partner): the sections"], in: work)
        }
        try GitFixture.git(
            ["push", "-q", "origin"] + partners.map { "publish-\($0):refs/heads/partners/\($0)" }, in: work)
        return hub
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
