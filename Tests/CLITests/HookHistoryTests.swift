import Foundation
import XCTest

/// The hub's push hook checks every pushed commit for unsafe objects, not only the net
/// change (issue 9, items 2 and 5), through real `git push`es. `receive.fsckObjects` is
/// turned off on the hub here so that the hook, not git, is what refuses.
final class HookHistoryTests: XCTestCase {
    var world: GitWorld!

    override func setUpWithError() throws {
        world = try GitWorld()
        try world.makeHub()
        try world.mustGit(["config", "receive.fsckObjects", "false"], in: world.hub)
    }

    override func tearDown() {
        XCTAssertNoThrow(try world.mustGit(["fsck", "--strict", "--no-progress"], in: world.hub))
        XCTAssertNoThrow(
            try world.mustGit(
                ["-c", "transfer.fsckObjects=true", "clone", "-q", "--bare", world.hub, world.base + "/checked.git"],
                in: world.base))
        world = nil
    }

    func testACommitUndoneByTheNextIsStillCheckedNamingCommitAndPath() throws {
        let pct = try world.clone("pct", partner: nil, hooks: false)
        let trees = Trees(world: world, repo: pct)
        let original = try world.mustGit(["rev-parse", "HEAD^{tree}"], in: pct)
        let uhl = try world.mustGit(["rev-parse", "HEAD:sections/uhl/15.md"], in: pct)
        var tree = try trees.put(original, ["100755", ".git", "hooks", "x"], blob: "#!/bin/sh\necho pwned\n")
        tree = try trees.put(tree, ["120000", "sections", "leicester-pct", "passwd"], blob: "/etc/passwd")
        tree = try trees.put(
            tree, ["100644", "sections", "uhl", "15.md"], blob: try world.read(pct, "sections/uhl/15.md") + "\nEdited\n"
        )
        tree = try trees.put(tree, ["100644", "plan.yaml"], blob: try world.read(pct, "plan.yaml") + "# edited\n")
        let head = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        let bad = try world.mustGit(["commit-tree", tree, "-p", head, "-m", "Hostile"], in: pct)
        let undo = try world.mustGit(["commit-tree", original, "-p", bad, "-m", "Undo"], in: pct)
        XCTAssertEqual(try world.mustGit(["rev-parse", "\(undo):sections/uhl/15.md"], in: pct), uhl)

        let refsBefore = try world.hubRefs()
        let pushed = try world.git(
            ["push", "-q", "origin", "\(undo):refs/heads/partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"]
        )
        XCTAssertNotEqual(pushed.status, 0)
        XCTAssertTrue(
            pushed.stderr.contains("commit \(bad.prefix(7)): .git: a name git reads as .git (fsck: hasDotgit)"),
            pushed.output)
        XCTAssertTrue(
            pushed.stderr.contains("commit \(bad.prefix(7)): sections/leicester-pct/passwd is a symbolic link"),
            pushed.output)
        XCTAssertFalse(
            pushed.stderr.contains("sections/uhl/15.md belongs"),
            "ownership is judged on the net change: \(pushed.output)")
        XCTAssertEqual(try world.hubRefs(), refsBefore, "the hub is unchanged")
        XCTAssertNotEqual(
            try world.git(["cat-file", "-e", bad], in: world.hub).status, 0, "nothing of the push stayed")
    }

    /// A second `uhl` folder in `sections` hid that the first one (empty) lost uhl's file.
    func testADuplicateTreeEntryCannotHideADeletion() throws {
        let pct = try world.clone("pct", partner: nil, hooks: false)
        let trees = Trees(world: world, repo: pct)
        let sections = try trees.entries(try world.mustGit(["rev-parse", "HEAD:sections"], in: pct))
        let uhl = try XCTUnwrap(sections.first { $0.hasPrefix("40000 uhl\t") })
        let emptied = try trees.raw([])
        let forged = try trees.raw(sections.filter { $0 != uhl } + ["40000 uhl\t" + emptied, uhl])
        let root = try trees.put(
            try world.mustGit(["rev-parse", "HEAD^{tree}"], in: pct), ["40000", "sections"], id: forged)
        let head = try world.mustGit(["rev-parse", "HEAD"], in: pct)
        let bad = try world.mustGit(["commit-tree", root, "-p", head, "-m", "Hide a deletion"], in: pct)

        let pushed = try world.git(
            ["push", "-q", "origin", "\(bad):refs/heads/partners/leicester-pct"], in: pct, env: ["GL_USER": "pvaughan"])
        XCTAssertNotEqual(pushed.status, 0)
        XCTAssertTrue(
            pushed.stderr.contains(
                "commit \(bad.prefix(7)): sections/uhl: a second entry of the same name (fsck: duplicateEntries)"),
            pushed.output)
        XCTAssertNil(
            try? world.mustGit(["rev-parse", "--verify", "-q", "refs/heads/partners/leicester-pct"], in: world.hub))
    }
}

/// Trees written byte for byte (`git hash-object --literally`), as a hostile partner can.
/// Entries are `"<mode> <name>\t<id>"` strings.
private struct Trees {
    let world: GitWorld
    let repo: String

    func blob(_ text: String) throws -> String {
        let file = world.base + "/blob-\(UUID().uuidString)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try world.mustGit(["hash-object", "-w", file], in: repo)
    }

    /// The entries of `tree` as `"<mode> <name>\t<id>"`, folders with mode `40000`.
    func entries(_ tree: String) throws -> [String] {
        try world.mustGit(["ls-tree", tree], in: repo).split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts[0].split(separator: " ")
            return "\(fields[0] == "040000" ? "40000" : fields[0]) \(parts[1])\t\(fields[2])"
        }
    }

    /// A tree of exactly `entries`, in this order.
    func raw(_ entries: [String]) throws -> String {
        var bytes: [UInt8] = []
        for entry in entries {
            let parts = entry.split(separator: "\t")
            bytes += Array(parts[0].utf8) + [0]
            var hex = Array(parts[1].utf8)
            while hex.count >= 2 {
                bytes.append(UInt8(String(decoding: hex.prefix(2), as: UTF8.self), radix: 16)!)
                hex.removeFirst(2)
            }
        }
        let file = world.base + "/tree-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try world.mustGit(["hash-object", "-t", "tree", "--literally", "-w", file], in: repo)
    }

    /// `tree` with a new blob of `text` put at `spec` (mode, then the path's components).
    func put(_ tree: String, _ spec: [String], blob text: String) throws -> String {
        try put(tree, spec, id: try blob(text))
    }

    /// `tree` with `id` put at `spec` (mode, then the path's components), in git's order.
    func put(_ tree: String?, _ spec: [String], id: String) throws -> String {
        let mode = spec[0], name = spec[1]
        var entries = try tree.map(entries) ?? []
        let existing = entries.first { $0.hasPrefix("40000 \(name)\t") }.map { String($0.split(separator: "\t")[1]) }
        entries.removeAll {
            $0.split(separator: "\t")[0].split(separator: " ", maxSplits: 1).last.map(String.init) == name
        }
        if spec.count == 2 {
            entries.append("\(mode) \(name)\t\(id)")
        } else {
            entries.append("40000 \(name)\t" + (try put(existing, [mode] + spec.dropFirst(2), id: id)))
        }
        func key(_ entry: String) -> [UInt8] {
            let head = entry.split(separator: "\t")[0].split(separator: " ", maxSplits: 1)
            return Array(head[1].utf8) + (head[0] == "40000" ? [0x2F] : [])
        }
        return try raw(entries.sorted { key($0).lexicographicallyPrecedes(key($1)) })
    }
}
