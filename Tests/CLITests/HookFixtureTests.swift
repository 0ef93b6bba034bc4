import Foundation
import XCTest

/// A temporary world of real git repositories for the hook, merge driver and sync tests: a
/// bare hub seeded with the Leicester plan (with pushers added to its manifest), clones,
/// and bounded runs of `git` and the built `planmerge`. No user or system git config leaks
/// in: HOME is the temporary folder and every server-user variable is cleared.
final class GitWorld {
    let base: String
    let environment: [String: String]
    var hub: String { base + "/hub.git" }

    /// Pushers written into the seed manifest.
    static let pushers = ["leicester-pct": "pvaughan", "uhl": "jporter", "connexions": "rbeard"]

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-hooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        base = url.resolvingSymlinksInPath().path
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("GIT_") { env[key] = nil }
        for key in ["GL_USER", "REMOTE_USER", "PLANMERGE_USER"] { env[key] = nil }
        env["HOME"] = base
        env["XDG_CONFIG_HOME"] = base + "/.config"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["PATH"] = CLI.executable.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        environment = env
        let gitconfig = """
            [user]
            \tname = Paul Vaughan
            \temail = paul@example.org
            [init]
            \tdefaultBranch = main
            [pull]
            \trebase = false
            [advice]
            \tdetachedHead = false

            """
        try Data(gitconfig.utf8).write(to: URL(fileURLWithPath: base + "/.gitconfig"))
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// Runs a program with a time limit (killed after `timeout` seconds: a test never hangs).
    func run(
        _ executable: String, _ arguments: [String], in directory: String, env extra: [String: String] = [:],
        input: String? = nil, timeout: TimeInterval = 60
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = environment
        for (key, value) in extra { env[key] = value }
        process.environment = env
        let id = UUID().uuidString
        let outPath = base + "/.out-\(id)", errPath = base + "/.err-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        process.standardInput = inPipe
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw TestFailure("\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// `git` (status not checked).
    @discardableResult
    func git(_ arguments: [String], in directory: String, env: [String: String] = [:]) throws -> Run {
        try run("/usr/bin/env", ["git"] + arguments, in: directory, env: env)
    }

    /// `git`, which must succeed; its standard output without the final newline.
    @discardableResult
    func mustGit(_ arguments: [String], in directory: String, env: [String: String] = [:]) throws -> String {
        let result = try git(arguments, in: directory, env: env)
        guard result.status == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.output)")
        }
        return result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
    }

    /// The built planmerge.
    @discardableResult
    func planmerge(_ arguments: [String], in directory: String, env: [String: String] = [:], input: String? = nil)
        throws -> Run
    {
        try run(CLI.executable.path, arguments, in: directory, env: env, input: input)
    }

    /// A bare hub seeded (by the coordinator) with the Leicester plan; server hooks installed
    /// first unless `serverHooks` is false, so the seed push itself goes through them.
    func makeHub(serverHooks: Bool = true, perRef: Bool = false) throws {
        try mustGit(["init", "-q", "--bare", hub], in: base)
        if serverHooks {
            let installed = try planmerge(
                ["hooks", "install", "--server", "--identity", "env:GL_USER", "--repo", hub]
                    + (perRef ? ["--per-ref"] : []), in: base)
            guard installed.status == 0 else { throw TestFailure("hooks install --server: \(installed.output)") }
        }
        let seed = base + "/seed"
        try mustGit(["clone", "-q", hub, seed], in: base)
        for name in ["plan.yaml", "sections"] {
            try FileManager.default.copyItem(
                atPath: CLI.packageRoot.path + "/Repos/leicester/" + name, toPath: seed + "/" + name)
        }
        var manifest = try String(contentsOfFile: seed + "/plan.yaml", encoding: .utf8)
        for (partner, pusher) in Self.pushers {
            manifest = manifest.replacingOccurrences(
                of: "  - id: \(partner)\n", with: "  - id: \(partner)\n    pushers: [\(pusher)]\n")
        }
        try manifest.write(toFile: seed + "/plan.yaml", atomically: true, encoding: .utf8)
        try mustGit(["add", "-A"], in: seed)
        try mustGit(["commit", "-q", "-m", "Seed the Leicester plan"], in: seed)
        try mustGit(["push", "-q", "origin", "main"], in: seed, env: ["GL_USER": "coordinator"])
    }

    /// A clone of the hub (on `branch`, default main) with the clone hooks installed for
    /// `partner` (nil: the coordinator's clone; `hooks` false: none).
    @discardableResult
    func clone(_ name: String, partner: String?, branch: String? = nil, hooks: Bool = true) throws -> String {
        let path = base + "/" + name
        try mustGit(["clone", "-q"] + (branch.map { ["-b", $0] } ?? []) + [hub, path], in: base)
        if hooks {
            let installed = try planmerge(["hooks", "install"] + (partner.map { ["--partner", $0] } ?? []), in: path)
            guard installed.status == 0 else { throw TestFailure("hooks install: \(installed.output)") }
        }
        return path
    }

    /// Replaces `old` by `new` in a file of a clone (the text must be there).
    func edit(_ clone: String, _ file: String, _ old: String, _ new: String) throws {
        let path = clone + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard text.contains(old) else { throw TestFailure("\(file) does not contain \(old)") }
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func read(_ clone: String, _ file: String) throws -> String {
        try String(contentsOfFile: clone + "/" + file, encoding: .utf8)
    }

    /// The hub's refs, for "the hub is unchanged" checks.
    func hubRefs() throws -> String { try mustGit(["show-ref"], in: hub) }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The hook scripts when planmerge cannot be found: they refuse (fail closed).
final class HookFixtureTests: XCTestCase {
    func testHooksFailClosedWhenPlanmergeIsMissing() throws {
        let world = try GitWorld()
        try world.makeHub(serverHooks: false)
        let clone = try world.clone("pct", partner: "leicester-pct")
        try world.mustGit(["config", "planmerge.binary", world.base + "/no/such/planmerge"], in: clone)
        try world.edit(clone, "sections/leicester-pct/15.md", "Due: July 2008", "Due: August 2008")
        try world.mustGit(["add", "-A"], in: clone)
        let bare = ["PATH": "/usr/bin:/bin"]
        let refused = try world.git(["commit", "-q", "-m", "Re-date 15.1"], in: clone, env: bare)
        XCTAssertEqual(refused.status, 1, refused.output)
        // On an officer's computer: where to get planmerge, and the responsible way past.
        XCTAssertTrue(refused.stderr.contains("planmerge not found on this computer"), refused.output)
        XCTAssertTrue(refused.stderr.contains("put its bin/ folder on PATH"), refused.output)
        XCTAssertTrue(
            refused.stderr.contains("'git commit --no-verify' skips this check; the hub still checks your push"),
            refused.output)
        XCTAssertFalse(refused.stderr.contains("on the server"), refused.output)

        try world.mustGit(["config", "--unset", "planmerge.binary"], in: clone)
        XCTAssertEqual(try world.git(["commit", "-q", "-m", "Re-date 15.1"], in: clone, env: bare).status, 1)
        // With planmerge on PATH (the world's PATH) the same commit goes through.
        XCTAssertEqual(try world.git(["commit", "-q", "-m", "Re-date 15.1"], in: clone).status, 0)
    }
}
