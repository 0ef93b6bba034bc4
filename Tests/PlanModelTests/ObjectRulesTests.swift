import PlanModel
import XCTest

/// The rules on what a partner may bring into the hub, name by name and mode by mode.
final class ObjectRulesTests: XCTestCase {
    func testEverySpellingOfDotGitIsRefused() {
        let spellings: [[UInt8]] = [
            ".git", ".GIT", ".Git", ".git.", ".git ", ".git. . ", "git~1", "GIT~1", ".git::$INDEX_ALLOCATION",
            ".git:stream", ".git\\hooks", "GIT~1\\config", ".g\u{200C}it", "\u{FEFF}.git", ".gi\u{206A}t",
        ].map { Array($0.utf8) }
        for name in spellings {
            XCTAssertEqual(
                ObjectRules.nameProblem(name), "a name git reads as .git (fsck: hasDotgit)",
                String(decoding: name, as: UTF8.self))
        }
        for fine in [".gitignore", ".github", "git", "git~2", "15.md", "a.git", ".gitx"] {
            XCTAssertNil(ObjectRules.nameProblem(Array(fine.utf8)), fine)
        }
    }

    func testOtherUnsafeNames() {
        XCTAssertEqual(ObjectRules.nameProblem([]), "an empty file name (fsck: emptyName)")
        XCTAssertEqual(ObjectRules.nameProblem(Array("..".utf8)), "a '..' entry (fsck: hasDot)")
        XCTAssertEqual(ObjectRules.nameProblem(Array("a/b".utf8)), "a name holding '/' (fsck: fullPathname)")
        XCTAssertEqual(ObjectRules.nameProblem([0x61, 0xFF]), "a file name that is not valid UTF-8")
        XCTAssertEqual(
            ObjectRules.nameProblem(Array("x\nPlanmerge-Accepted: a 1".utf8)), "a file name holding control characters")
        XCTAssertTrue(ObjectRules.isDotGitModules(Array(".GitModules".utf8)))
        XCTAssertTrue(ObjectRules.isDotGitModules(Array("gitmod~1".utf8)))
        XCTAssertFalse(ObjectRules.isDotGitModules(Array(".gitattributes".utf8)))
    }

    func testModesAsFsckStrictReadsThem() {
        XCTAssertEqual(ObjectRules.kind(ofMode: "100644"), .file)
        XCTAssertEqual(ObjectRules.kind(ofMode: "100755"), .executable)
        XCTAssertEqual(ObjectRules.kind(ofMode: "40000"), .folder)
        XCTAssertEqual(ObjectRules.kind(ofMode: "120000"), .symbolicLink)
        XCTAssertEqual(ObjectRules.kind(ofMode: "160000"), .submodule)
        XCTAssertNil(ObjectRules.kind(ofMode: "040000"))
        XCTAssertNil(ObjectRules.kind(ofMode: "100664"))
        XCTAssertEqual(ObjectRules.modeText(0o40000), "40000")
        XCTAssertEqual(
            ObjectRules.modeProblem(nil, modeText: "040000", path: "sections/x"),
            "sections/x has file mode 040000, which git refuses (fsck: zeroPaddedFilemode); plan files are plain text files (100644)"
        )
        XCTAssertEqual(
            ObjectRules.modeProblem(.symbolicLink, modeText: "120000", path: "a"),
            "a is a symbolic link; plan files must be plain text files")
        XCTAssertNil(ObjectRules.modeProblem(.file, modeText: "100644", path: "a"))
    }

    func testDuplicateAndUnsortedEntries() {
        let names = ["a", "b", "b", "a.md", "c"].map { Array($0.utf8) }
        let problems = ObjectRules.orderProblems(names: names, isFolder: [false, false, false, false, false])
        XCTAssertEqual(problems.map(\.index), [2, 3])
        XCTAssertEqual(problems.first?.problem, "a second entry of the same name (fsck: duplicateEntries)")
        XCTAssertEqual(problems.last?.problem, "an entry out of git's order (fsck: treeNotSorted)")
        // A folder `a` sorts as `a/`, after `a.md`.
        XCTAssertTrue(
            ObjectRules.orderProblems(names: [Array("a.md".utf8), Array("a".utf8)], isFolder: [false, true]).isEmpty)
    }

    func testDisplayPathIsOneLine() {
        XCTAssertEqual(ObjectRules.displayPath("sections/pct/15.md"), "sections/pct/15.md")
        XCTAssertEqual(ObjectRules.displayPath("sections/é/1.md"), "sections/é/1.md")
        XCTAssertEqual(ObjectRules.displayPath("x\nPlanmerge-Accepted: uhl 1"), "\"x\\nPlanmerge-Accepted: uhl 1\"")
        XCTAssertEqual(ObjectRules.displayPath([0x61, 0xFF, 0x01]), "\"a\\xff\\x01\"")
        XCTAssertEqual(
            ObjectRules.sizeProblem(3, limit: 2, path: "a"), "a is 3 bytes, more than the 2 a plan file may have")
    }
}
