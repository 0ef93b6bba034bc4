import Foundation
import PlanModel
import PlanRender
import XCTest

/// `planmerge import` as a coordinator runs it: the built executable, real files, exit codes.
final class ImportCommandTests: XCTestCase {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.appendingPathComponent("planmerge"),
            bundle.deletingLastPathComponent().appendingPathComponent("planmerge"),
            ImportFixture.packageRoot.appendingPathComponent(".build/debug/planmerge"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    func run(_ arguments: [String], in directory: URL) throws -> Result {
        let result = try ImportFixture.run(ImportCommandTests.executable, arguments, in: directory)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    var folder: URL!

    override func setUpWithError() throws {
        folder = try ImportFixture.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Render the Leicester plan to CSV, draft a map, import with it: the written plan is
    /// canonical (`fmt --check` exit 0) and valid (`validate` exit 0).
    func testImportWritesACanonicalValidPlan() throws {
        let plan = try ImportFixture.loadPlan("Repos/leicester")
        let csv = try CSVRenderer.render(PlanDocument(plan: plan, context: RenderContext()))
        try Data(csv).write(to: folder.appendingPathComponent("plan.csv"))

        let suggested = try run(
            ["import", "plan.csv", "--suggest-map", "--authority", "Leicester City Council"], in: folder)
        XCTAssertEqual(suggested.status, 0, suggested.stderr)
        XCTAssertTrue(suggested.stdout.contains("\n  \"Paul Vaughan\": lcc-teenage-pregnancy    # "), suggested.stdout)
        try Data(suggested.stdout.utf8).write(to: folder.appendingPathComponent("map.yaml"))

        let result = try run(
            [
                "import", "plan.csv", "--into", "hub-plan", "--map", "map.yaml",
                "--title", "Leicester Joint Area Review Action Plan", "--authority", "Leicester City Council",
            ], in: folder)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("plan.csv: row 2: imported 1.1 (lcc-teenage-pregnancy)\n"), result.stdout)
        XCTAssertTrue(
            result.stdout.contains(
                "115 rows: 114 imported, 0 continued the action above, 0 headings, 1 header rows, 0 skipped, 0 not "
                    + "placed\n"))
        XCTAssertTrue(result.stdout.contains("wrote hub-plan: 28 files (27 section files); validate: 0 errors, "))

        let fmt = try run(["fmt", "--check", "hub-plan"], in: folder)
        XCTAssertEqual(fmt.status, 0, fmt.stdout + fmt.stderr)
        let validate = try run(["validate", "hub-plan", "--quiet"], in: folder)
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        let manifest = try String(contentsOf: folder.appendingPathComponent("hub-plan/plan.yaml"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("  missing: warning\n"))
    }

    func testARowThatCannotBePlacedFailsAndWritesNothing() throws {
        try Data("Ref,Action,Lead\n1.1,Agree the plan,Jo Bloggs\n1.1,Agree it again,Jo Bloggs\nSee 1.1,,\n".utf8)
            .write(to: folder.appendingPathComponent("plan.csv"))
        let result = try run(["import", "plan.csv", "--into", "out"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stdout.contains(
                "plan.csv: row 3: unplaced 1.1\n  reference 1.1 is already used by "
                    + "plan.csv: row 2\n"),
            result.stdout)
        XCTAssertTrue(
            result.stdout.contains(
                "plan.csv: row 4: unplaced\n  reference 'See 1.1' is not N.M (like 6.10)\n"
                    + "  no action text and no reference N.M: not an action, and not more of the one above\n"),
            result.stdout)
        XCTAssertTrue(result.stdout.contains("nothing written"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    func testOlderFormatsAndOccupiedFoldersAreRefused() throws {
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: folder.appendingPathComponent("plan.doc"))
        let doc = try run(["import", "plan.doc", "--into", "out"], in: folder)
        XCTAssertEqual(doc.status, 2)
        XCTAssertTrue(
            doc.stderr.contains(
                "plan.doc: this older format cannot be read; open it in Word, Excel or "
                    + "LibreOffice and save it as Word Document (.docx) first\nhint: File > Save As"), doc.stderr)

        try Data("Ref,Action,Lead\n1.1,Agree the plan,Jo Bloggs\n".utf8)
            .write(to: folder.appendingPathComponent("plan.csv"))
        let occupied = try run(["import", "plan.csv", "--into", "."], in: folder)
        XCTAssertEqual(occupied.status, 2)
        let hint = "is not empty\nhint: give --into a new or empty folder"
        XCTAssertTrue(occupied.stderr.contains(hint), occupied.stderr)
    }

    func testRenderXLSXNeedsAnOutputFile() throws {
        let result = try run(
            [
                "render", ImportFixture.packageRoot.appendingPathComponent("Repos/derby").path,
                "--format", "xlsx",
            ], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("XLSX is binary: give a file with -o, e.g. -o plan.xlsx"), result.stderr)
        let written = try run(
            [
                "render", ImportFixture.packageRoot.appendingPathComponent("Repos/derby").path,
                "--format", "xlsx", "-o", "derby.xlsx",
            ], in: folder)
        XCTAssertEqual(written.status, 0, written.stderr)
        let bytes = try Data(contentsOf: folder.appendingPathComponent("derby.xlsx"))
        XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B])  // a zip package
    }
}
