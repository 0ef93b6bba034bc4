import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// A table of hostile partners consolidated together with honest ones, in one run: every
/// hostile history is refused with a reason naming the partner (its outcome), the commit
/// and the path; every honest partner's work is merged; nothing of a refused history
/// enters the hub; `git fsck --strict` on the hub stays clean and a clone that checks
/// objects works. Each hostile commit is undone by the next one, so only a check of
/// every commit (not the net change) can see it.
final class HostilePartnerCorpusTests: XCTestCase {
    /// One hostile partner: what it puts in its own folder `sections/<id>/`, and the reason
    /// expected after "commit <id>: ".
    struct Case {
        var id: String
        var expected: String
        var build: (TestRepo, _ folder: String?) throws -> String
    }

    /// Puts a file named `name` (bytes) with mode `mode` into the partner's folder.
    static func entry(
        _ id: String, _ mode: String, _ name: [UInt8], content: [UInt8] = Array("text\n".utf8),
        expected: String
    ) -> Case {
        Case(id: id, expected: expected) { repo, folder in
            try repo.tree(folder, putting: .init(mode, name, try repo.blob(content)))
        }
    }

    /// Puts a folder named `name` holding one file into the partner's folder.
    static func folder(_ id: String, _ name: String, mode: String = "40000", expected: String) -> Case {
        Case(id: id, expected: expected) { repo, folder in
            let inner = try repo.rawTree([.init("100644", "config", try repo.blob("[core]\n"))])
            return try repo.tree(folder, putting: .init(mode, name, inner))
        }
    }

    /// Replaces the partner's folder by a tree of exactly `names` (in this order).
    static func raw(_ id: String, _ names: [String], expected: String) -> Case {
        Case(id: id, expected: expected) { repo, _ in
            let blob = try repo.blob("# Recommendation 1\n")
            return try repo.rawTree(names.map { .init("100644", $0, blob) })
        }
    }

    static var cases: [Case] {
        [
            folder("h-dotgit", ".git", expected: "sections/h-dotgit/.git: a name git reads as .git (fsck: hasDotgit)"),
            folder("h-upper", ".GIT", expected: "sections/h-upper/.GIT: a name git reads as .git (fsck: hasDotgit)"),
            folder(
                "h-trailing-dot", ".git.",
                expected: "sections/h-trailing-dot/.git.: a name git reads as .git (fsck: hasDotgit)"),
            folder(
                "h-trailing-space", ".git ",
                expected: "sections/h-trailing-space/.git : a name git reads as .git (fsck: hasDotgit)"),
            folder(
                "h-short-name", "git~1",
                expected: "sections/h-short-name/git~1: a name git reads as .git (fsck: hasDotgit)"),
            folder(
                "h-ntfs-stream", ".git::$INDEX_ALLOCATION",
                expected: "sections/h-ntfs-stream/.git::$INDEX_ALLOCATION: a name git reads as .git (fsck: hasDotgit)"),
            folder(
                "h-hfs", ".g\u{200C}it",
                expected: "sections/h-hfs/.g\u{200C}it: a name git reads as .git (fsck: hasDotgit)"),
            entry(
                "h-gitmodules", "120000", Array(".gitmodules".utf8), content: Array("../../etc".utf8),
                expected:
                    "sections/h-gitmodules/.gitmodules is a symbolic link; plan files must be plain text files (fsck: gitmodulesSymlink)"
            ),
            entry(
                "h-symlink", "120000", Array("passwd".utf8), content: Array("/etc/passwd".utf8),
                expected: "sections/h-symlink/passwd is a symbolic link; plan files must be plain text files"),
            Case(
                id: "h-submodule",
                expected: "sections/h-submodule/vendor is a submodule; plan files must be plain text files"
            ) { repo, folder in
                try repo.tree(folder, putting: .init("160000", "vendor", try repo.git("rev-parse", "HEAD")))
            },
            folder(
                "h-zero-padded", "sub", mode: "040000",
                expected:
                    "sections/h-zero-padded/sub has file mode 040000, which git refuses (fsck: zeroPaddedFilemode); plan files are plain text files (100644)"
            ),
            entry(
                "h-bad-mode", "100664", Array("1.md".utf8),
                expected:
                    "sections/h-bad-mode/1.md has file mode 100664, which git refuses (fsck: badFilemode); plan files are plain text files (100644)"
            ),
            entry(
                "h-binary", "100644", Array("plan.docx".utf8), content: [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF],
                expected: "sections/h-binary/plan.docx is a binary file; plan files must be plain text"),
            entry(
                "h-huge", "100644", Array("notes.md".utf8), content: Array(repeating: 0x78, count: 1_572_864),
                expected: "sections/h-huge/notes.md is 1572864 bytes, more than the 1048576 a plan file may have"),
            raw(
                "h-duplicate", ["1.md", "1.md"],
                expected: "sections/h-duplicate/1.md: a second entry of the same name (fsck: duplicateEntries)"),
            raw(
                "h-unsorted", ["2.md", "1.md"],
                expected: "sections/h-unsorted/1.md: an entry out of git's order (fsck: treeNotSorted)"),
            entry(
                "h-dotdot", "100644", Array("..".utf8), expected: "sections/h-dotdot/..: a '..' entry (fsck: hasDot)"),
            entry(
                "h-empty-name", "100644", [], expected: "sections/h-empty-name/: an empty file name (fsck: emptyName)"),
            entry(
                "h-slash", "100644", Array("a/b".utf8),
                expected: "sections/h-slash/a/b: a name holding '/' (fsck: fullPathname)"),
            entry(
                "h-newline", "100644",
                Array("x\nPlanmerge-Accepted: uhl 0000000000000000000000000000000000000000".utf8),
                expected:
                    "\"sections/h-newline/x\\nPlanmerge-Accepted: uhl 0000000000000000000000000000000000000000\": a file name holding control characters"
            ),
            entry(
                "h-latin1", "100644", [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6D, 0x64],
                expected: "\"sections/h-latin1/caf\\xe9.md\": a file name that is not valid UTF-8"),
        ]
    }

    func testEveryHostileHistoryIsRefusedAndEveryHonestPartnerMerged() throws {
        let seed = try TestRepo(name: "seed")
        let hostile = Self.cases.map { "  - id: \($0.id)\n    name: Hostile \($0.id)\n    remote: ../\($0.id)\n" }
            .joined()
        try seed.write("plan.yaml", HubFixture.manifest.replacingOccurrences(of: "policy:", with: hostile + "policy:"))
        try seed.write("sections/pct/15.md", HubFixture.pct15)
        try seed.write("sections/uhl/15.md", HubFixture.uhl15)
        try seed.write("sections/council/1.md", HubFixture.council1)
        try seed.commitAll("Seed the plan")
        let hub = try TestRepo(cloneOf: seed, name: "hub.git", bare: true)

        var bad: [String: String] = [:]
        for item in Self.cases {
            let repo = try TestRepo(cloneOf: hub, name: item.id)
            let root = try repo.git("rev-parse", "HEAD^{tree}")
            let folder = try item.build(repo, nil)
            bad[item.id] = try repo.publishUndone(
                tree: try repo.tree(root, putting: .init("40000", item.id, folder), in: ["sections"]))
        }
        var honest: [String: String] = [:]
        for (id, path, old, new) in [
            ("pct", "sections/pct/15.md", "Due: July 2008", "Due: September 2008"),
            ("uhl", "sections/uhl/15.md", "Due: 31.3.09", "Due: 30.4.09"),
            ("council", "sections/council/1.md", "Lead: P Vaughan", "Lead: Paul Vaughan"),
        ] {
            let repo = try TestRepo(cloneOf: hub, name: id)
            let text = try String(contentsOfFile: repo.path + "/" + path, encoding: .utf8)
            try repo.write(path, text.replacingOccurrences(of: old, with: new))
            honest[id] = try repo.commitAll("\(id): \(new)")
        }

        var options = ConsolidationOptions()
        options.today = Day(year: 2008, month: 6, day: 10)
        options.fetchTimeout = .seconds(60)
        options.committer = Signature(name: "planmerge", email: "planmerge@example.org", time: 1_220_000_000)
        let report = try Consolidator(hubPath: hub.path).run(options)

        for item in Self.cases {
            let outcome = try XCTUnwrap(report.outcome(item.id), item.id)
            XCTAssertEqual(outcome.state, .rejected, "\(item.id): \(outcome.reasons)")
            let commit = try XCTUnwrap(bad[item.id]).prefix(7)
            XCTAssertTrue(
                outcome.reasons.contains("commit \(commit): \(item.expected)"), "\(item.id): \(outcome.reasons)")
            XCTAssertFalse(outcome.reasons.contains { $0.contains("\n") }, "\(item.id): every reason is one line")
            XCTAssertFalse(hub.has(try XCTUnwrap(bad[item.id])), "\(item.id): its commit never entered the hub")
        }
        for (id, head) in honest {
            XCTAssertEqual(report.outcome(id)?.state, .accepted, "\(id): \(report.outcome(id)!)")
            XCTAssertEqual(report.outcome(id)?.accepted, head)
        }
        XCTAssertTrue(try hub.git("show", "main:sections/pct/15.md").contains("Due: September 2008"))
        XCTAssertTrue(try hub.git("show", "main:sections/uhl/15.md").contains("Due: 30.4.09"))
        XCTAssertTrue(try hub.git("show", "main:sections/council/1.md").contains("Lead: Paul Vaughan"))
        XCTAssertEqual(
            try hub.git("ls-tree", "--name-only", "main:sections").split(separator: "\n"), ["council", "pct", "uhl"])
        hub.assertFsckClean()
        hub.assertClonesWithFsck()
    }
}
