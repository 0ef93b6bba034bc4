import Foundation
import PlanGit
import XCTest

@testable import GitKit

final class TreeTests: XCTestCase {
    /// A commit with nested folders, a symbolic link and a submodule gitlink.
    private func makeHostileTree() throws -> (TestRepo, String) {
        let repo = try TestRepo()
        try repo.write("manifest.yaml", "plan\n")
        try repo.write("sections/pct/rec-01.txt", "pct one\n")
        try repo.write("sections/pct/deep/rec-02.txt", "pct two\n")
        try repo.write("sections/police/rec-01.txt", "police\n")
        try FileManager.default.createSymbolicLink(
            atPath: repo.path + "/sections/pct/link.txt",
            withDestinationPath: "/etc/passwd")
        let gitlink = "1111111111111111111111111111111111111111"
        try repo.git("add", "-A")
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(gitlink),sections/pct/sub")
        try repo.git("commit", "-q", "-m", "hostile")
        return (repo, gitlink)
    }

    func testRecursiveTreeReportsFilesLinksAndGitlinks() throws {
        let (repo, gitlink) = try makeHostileTree()
        let repository = try Repository.open(at: repo.path)
        let tree = try repository.tree(of: try repository.resolveCommit("HEAD"))
        XCTAssertEqual(tree.hex, try repo.git("rev-parse", "HEAD^{tree}"))

        let entries = try repository.treeEntries(tree, recursive: true)
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) })
        XCTAssertEqual(
            Set(byPath.keys),
            [
                "manifest.yaml", "sections/pct/rec-01.txt", "sections/pct/deep/rec-02.txt",
                "sections/police/rec-01.txt", "sections/pct/link.txt", "sections/pct/sub",
            ])
        XCTAssertEqual(byPath["sections/pct/link.txt"]?.mode, .link)
        XCTAssertEqual(byPath["sections/pct/sub"]?.mode, .commit)
        XCTAssertEqual(byPath["sections/pct/sub"]?.id.hex, gitlink)
        XCTAssertEqual(byPath["sections/pct/deep/rec-02.txt"]?.name, "rec-02.txt")
        XCTAssertEqual(byPath["sections/pct/deep/rec-02.txt"]?.mode, .blob)
        XCTAssertEqual(byPath["manifest.yaml"]?.id.hex, try repo.git("rev-parse", "HEAD:manifest.yaml"))
        XCTAssertTrue(entries.allSatisfy(\.pathIsValidUTF8))
        // The link's blob holds its target.
        let linkID = try XCTUnwrap(byPath["sections/pct/link.txt"]?.id)
        XCTAssertEqual(String(decoding: try repository.blob(linkID), as: UTF8.self), "/etc/passwd")

        let top = try repository.treeEntries(tree, recursive: false)
        XCTAssertEqual(top.map(\.path), ["manifest.yaml", "sections"])
        XCTAssertEqual(top.last?.mode, .tree)
    }

    func testEntryAtPath() throws {
        let (repo, _) = try makeHostileTree()
        let repository = try Repository.open(at: repo.path)
        let tree = try repository.tree(of: try repository.resolveCommit("HEAD"))
        let entry = try XCTUnwrap(try repository.entry(at: "sections/pct/deep/rec-02.txt", in: tree))
        XCTAssertEqual(entry.name, "rec-02.txt")
        XCTAssertEqual(entry.id.hex, try repo.git("rev-parse", "HEAD:sections/pct/deep/rec-02.txt"))
        XCTAssertEqual(try repository.entry(at: "sections/pct", in: tree)?.mode, .tree)
        XCTAssertNil(try repository.entry(at: "sections/nobody/x.txt", in: tree))
    }

    func testWriteTreeAndCommitAreValidForGit() throws {
        let repo = try TestRepo()
        let repository = try Repository.open(at: repo.path)
        let manifest = try repository.writeBlob("plan: test\n")
        let one = try repository.writeBlob("one\n")
        let two = try repository.writeBlob("two\n")
        let tree = try repository.writeTree(files: [
            "manifest.yaml": (manifest, .blob),
            "sections/pct/rec-01.txt": (one, .blob),
            "sections/pct/deep/rec-02.txt": (two, .blob),
            "sections/police/run.sh": (two, .executable),
        ])
        XCTAssertEqual(
            try repo.git("ls-tree", "-r", "--name-only", tree.hex).split(separator: "\n"),
            [
                "manifest.yaml", "sections/pct/deep/rec-02.txt", "sections/pct/rec-01.txt", "sections/police/run.sh",
            ])
        XCTAssertTrue(try repo.git("ls-tree", tree.hex, "sections/police/").hasPrefix("100755 blob"))
        let signature = Signature(
            name: "Coordinator", email: "plan@council.example", time: 1_220_263_200, offsetMinutes: 60)
        let commit = try repository.createCommit(
            tree: tree, parents: [], author: signature, committer: signature,
            message: "Consolidated plan\n", updateRef: "HEAD")
        repo.assertFsckClean()
        XCTAssertEqual(
            try repo.git("log", "--format=%H %an <%ae> %ad %s", "--date=iso"),
            "\(commit.hex) Coordinator <plan@council.example> 2008-09-01 11:00:00 +0100 Consolidated plan")
        XCTAssertEqual(try repo.git("show", "HEAD:sections/pct/deep/rec-02.txt"), "two")
    }

    func testEmptyTreeAndInvalidPaths() throws {
        let repo = try TestRepo()
        let repository = try Repository.open(at: repo.path)
        XCTAssertEqual(try repository.writeTree(files: [:]).hex, "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        let blob = try repository.writeBlob("x\n")
        for bad in ["", "/abs", "a//b", "a/../b", "./a", "a/", ".git/config"] {
            XCTAssertThrowsError(try repository.writeTree(files: [bad: (blob, .blob)]), "path \(bad)")
        }
        XCTAssertThrowsError(try repository.writeTree(files: ["a": (blob, .blob), "a/b": (blob, .blob)]))
    }

    func testUpdateTreeReplacesAddsAndRemovesAndDropsEmptyFolders() throws {
        let repo = try TestRepo()
        try repo.write("manifest.yaml", "plan\n")
        try repo.write("sections/pct/rec-01.txt", "one\n")
        try repo.write("sections/pct/rec-02.txt", "two\n")
        try repo.write("sections/police/rec-01.txt", "police\n")
        try repo.write("sections/yot/only.txt", "yot\n")
        try repo.commitAll("base")
        let repository = try Repository.open(at: repo.path)
        let base = try repository.tree(of: try repository.resolveCommit("HEAD"))
        let changed = try repository.writeBlob("one, changed\n")
        let added = try repository.writeBlob("new\n")

        let tree = try repository.updateTree(
            base,
            changes: [
                "sections/pct/rec-01.txt": .upsert(changed, .blob),
                "sections/pct/new/rec-09.txt": .upsert(added, .blob),
                "sections/pct/rec-02.txt": .remove,
                "sections/yot/only.txt": .remove,
                "sections/nobody/missing.txt": .remove,
                "manifest.yaml/not-a-folder": .remove,
            ])
        XCTAssertEqual(
            try repo.git("ls-tree", "-r", "--name-only", tree.hex).split(separator: "\n"),
            [
                "manifest.yaml", "sections/pct/new/rec-09.txt", "sections/pct/rec-01.txt", "sections/police/rec-01.txt",
            ])
        XCTAssertEqual(try repo.git("cat-file", "-p", "\(tree.hex):sections/pct/rec-01.txt"), "one, changed")
        // Untouched folders are shared with the base tree, not rewritten.
        XCTAssertEqual(
            try repo.git("rev-parse", "\(tree.hex):sections/police"),
            try repo.git("rev-parse", "HEAD:sections/police"))
        // Removing everything leaves the empty tree.
        let emptied = try repository.updateTree(tree, changes: ["sections": .remove, "manifest.yaml": .remove])
        XCTAssertEqual(emptied.hex, "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        // A file replaced by a folder.
        let replaced = try repository.updateTree(base, changes: ["manifest.yaml/inner.txt": .upsert(added, .blob)])
        XCTAssertEqual(try repository.entry(at: "manifest.yaml", in: replaced)?.mode, .tree)

        let commit = try repository.createCommit(
            tree: tree, parents: [try repository.resolveCommit("HEAD")],
            author: repository.defaultSignature(),
            committer: repository.defaultSignature(), message: "update")
        try repository.updateReference(
            "refs/heads/main", to: commit, expected: try repository.resolveCommit("HEAD"),
            message: "test")
        repo.assertFsckClean()
    }
}
