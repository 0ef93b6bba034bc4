import Foundation
import PlanModel
import XCTest

/// The coordinator's front pages (`front/*.md`): read in file-name order through any plan
/// source, titled by their first heading, allowed by the file layout check, and refused
/// as a page when they cannot be read as text.
final class FrontPagesTests: XCTestCase {
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("front-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    func testFrontPagesAreReadInFileNameOrderWithTheirTitles() throws {
        let manifest = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Repos/leicester/plan.yaml"), encoding: .utf8)
        let root = try folder([
            "plan.yaml": manifest,
            "front/02-findings-and-grades.md": "| Theme | Grade |\n|---|---|\n| Safeguarding | 3 |\n",
            "front/01-introduction.md": "\n# Setting the context\n\nThe review took place.\n\n",
            "front/notes.txt": "not a page",
        ])
        let result = try PlanLoader().load(from: FolderSource(root: root))
        let plan = try XCTUnwrap(result.plan)
        XCTAssertEqual(plan.frontPages.map(\.path), ["front/01-introduction.md", "front/02-findings-and-grades.md"])
        XCTAssertEqual(plan.frontPages.map(\.title), ["Setting the context", "Findings and grades"])
        XCTAssertEqual(plan.frontPages.first?.lines, ["The review took place."])
        let layout = FileLayoutCheck().check(plan, context: CheckContext())
        XCTAssertEqual(layout.map(\.location.file), ["front/notes.txt"], "front/*.md has its place; other files do not")
    }

    func testAFrontPageThatIsNotUTF8IsAnErrorNotAPage() throws {
        let source = MemorySource(files: ["front/01-intro.md": [0x49, 0xFF, 0x0A]])
        let read = FrontPages.read(from: source, files: ["front/01-intro.md"])
        XCTAssertEqual(read.pages, [])
        XCTAssertEqual(read.diagnostics.map(\.rule), ["file-unreadable"])
        XCTAssertEqual(read.diagnostics.first?.location.file, "front/01-intro.md")
    }

    func testOnlyMarkdownFilesDirectlyUnderFrontArePages() {
        XCTAssertTrue(FrontPages.isFrontPage("front/01-introduction.md"))
        XCTAssertFalse(FrontPages.isFrontPage("front/sub/01.md"))
        XCTAssertFalse(FrontPages.isFrontPage("front/.hidden.md"))
        XCTAssertFalse(FrontPages.isFrontPage("front/intro.txt"))
        XCTAssertFalse(FrontPages.isFrontPage("sections/council/front.md"))
    }

    func testTheExamplePlansCarryTheSeedsFrontPages() throws {
        for (plan, titles) in [
            ("leicester", ["Setting the context", "The Joint Area Review findings"]),
            ("derby", ["Introduction", "Findings and grades", "Glossary"]),
        ] {
            let loaded = try XCTUnwrap(
                try PlanLoader().load(
                    from: FolderSource(root: Fixtures.packageRoot.appendingPathComponent("Repos/\(plan)"))
                ).plan)
            XCTAssertEqual(loaded.frontPages.map(\.title), titles, plan)
        }
    }
}

private struct MemorySource: PlanSource {
    var files: [String: [UInt8]]
    var label: String { "memory" }
    func listFiles() throws -> [String] { files.keys.sorted() }
    func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw PlanSourceError.notFound(path) }
        return bytes
    }
}
