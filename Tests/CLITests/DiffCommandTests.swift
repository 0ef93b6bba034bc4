import Foundation
import XCTest

/// `planmerge diff` on real git repositories (a Cabinet tag against HEAD) and on folders.
final class DiffCommandTests: XCTestCase {
    var fixture: GitFixture!

    override func setUpWithError() throws { fixture = try GitFixture() }
    override func tearDown() { fixture.remove() }

    /// Rewrites one file of a plan folder.
    func change(_ root: URL, _ path: String, _ edit: (String) -> String) throws {
        let file = root.appendingPathComponent(path)
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The text report's summary: each kind's label and count.
    func summary(_ out: String) -> [String: Int] {
        let lines = out.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "Summary") else { return [:] }
        var counts: [String: Int] = [:]
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("  "), let last = line.split(separator: " ").last, let count = Int(last) else { break }
            counts[line.dropLast(last.count).trimmingCharacters(in: .whitespaces)] = count
        }
        return counts
    }

    /// The partner edits made after Cabinet saw the plan.
    func editLeicester(_ root: URL) throws {
        try change(root, "sections/leicester-pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008\n", with: "Due: September 2008\nStatus: on track\n")
        }
        try change(root, "sections/uhl/15.md") {
            $0 + "\n## 15.6 Train midwives in brief interventions\nDue: March 2009\nLead: Jane Porter\n"
        }
        try change(root, "sections/lcc-teenage-pregnancy/5.md") { text in
            String(text[..<text.range(of: "## 5.4 ")!.lowerBound]).trimmingCharacters(in: .newlines) + "\n"
        }
    }

    func testDiffBetweenACabinetTagAndHead() throws {
        let work = try fixture.workTree(from: "Repos/leicester")
        try GitFixture.git(["tag", "-a", "cabinet/2008-09-01", "-m", "Plan as submitted to Cabinet"], in: work)
        try editLeicester(work)
        // A pure move of a file within its partner's folder is not a change.
        try GitFixture.git(["mv", "sections/lcc-commissioning/10.md", "sections/lcc-commissioning/010.md"], in: work)
        try GitFixture.git(["commit", "-q", "-am", "Partner updates after Cabinet"], in: work)

        let result = try CLI.run(["diff", "cabinet/2008-09-01", "HEAD"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let out = result.stdout
        XCTAssertTrue(
            out.hasPrefix("Changes to Leicester Joint Area Review Action Plan\nfrom cabinet/2008-09-01 to HEAD\n"), out)
        XCTAssertEqual(summary(out), ["Added": 1, "Withdrawn": 1, "Re-dated": 1, "Status changed": 1])
        for expected in [
            "      Re-dated: “July 2008” → “September 2008” (61 days later)\n",
            "      Status: “no status” → “on track”\n",
            "  15.6 Train midwives in brief interventions [University Hospitals of Leicester NHS Trust]\n",
            "      Added: due March 2009; lead Jane Porter\n",
            "      Withdrawn: was due 2008-10; lead Paul Vaughan; Annette Hogarth\n",
        ] {
            XCTAssertTrue(out.contains(expected), "missing \(expected.debugDescription) in:\n\(out)")
        }
        XCTAssertFalse(out.contains("10."), "the moved file is no change:\n\(out)")
        XCTAssertFalse(out.contains("Other fields"), out)

        // Markdown to a file; JSON for tools; --repo from elsewhere.
        let report = fixture.root.appendingPathComponent("report.md")
        let md = try CLI.run(["diff", "cabinet/2008-09-01", "main", "--format", "md", "-o", report.path], in: work)
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertEqual(md.stdout, "")
        let written = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(written.contains("  - Re-dated: ~~July 2008~~ → **September 2008** (61 days later)"), written)

        let json = try CLI.run(
            ["diff", "cabinet/2008-09-01", "main", "--format", "json", "--repo", work.path],
            in: fixture.root)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["from"] as? String, "cabinet/2008-09-01")
        let totals = try XCTUnwrap(object["totals"] as? [String: Int])
        XCTAssertEqual(totals.filter { $0.value > 0 }, ["added": 1, "withdrawn": 1, "re-dated": 1, "status": 1])

        let html = try CLI.run(["diff", "cabinet/2008-09-01", "HEAD", "--format", "html"], in: work)
        XCTAssertEqual(html.status, 0)
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.stdout.contains("<del>July 2008</del> → <ins>September 2008</ins>"), html.stdout)

        let same = try CLI.run(["diff", "cabinet/2008-09-01", "cabinet/2008-09-01"], in: work)
        XCTAssertEqual(same.status, 0)
        XCTAssertTrue(same.stdout.contains("No changes"), same.stdout)
    }

    func testDiffBetweenTwoFoldersAndAFolderAndARevision() throws {
        let work = try fixture.workTree(from: "Repos/leicester")
        let before = fixture.root.appendingPathComponent("before")
        try FileManager.default.copyItem(at: work, to: before)
        try editLeicester(work)

        let folders = try CLI.run(["diff", before.path, work.path])
        XCTAssertEqual(folders.status, 0, folders.stderr)
        XCTAssertTrue(
            folders.stdout.contains("Re-dated: “July 2008” → “September 2008” (61 days later)"), folders.stdout)

        // The committed plan against the working copy.
        let mixed = try CLI.run(["diff", "HEAD", "."], in: work)
        XCTAssertEqual(mixed.status, 0, mixed.stderr)
        XCTAssertTrue(mixed.stdout.contains("from HEAD to .\n"), mixed.stdout)
        XCTAssertEqual(summary(mixed.stdout), ["Added": 1, "Withdrawn": 1, "Re-dated": 1, "Status changed": 1])
    }

    func testUnknownRevisionsAndNonPlansAreEnvironmentErrors() throws {
        let work = try fixture.workTree(from: "Repos/leicester")
        let unknown = try CLI.run(["diff", "cabinet/2009-01-01", "HEAD"], in: work)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("cabinet/2009-01-01"), unknown.stderr)
        XCTAssertEqual(unknown.stdout, "")

        let empty = fixture.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let notAPlan = try CLI.run(["diff", empty.path, "HEAD"], in: work)
        XCTAssertEqual(notAPlan.status, 2)
        XCTAssertTrue(notAPlan.stderr.contains("without plan.yaml"), notAPlan.stderr)

        let outsideGit = try CLI.run(["diff", "main", "HEAD"], in: empty)
        XCTAssertEqual(outsideGit.status, 2)
        XCTAssertTrue(outsideGit.stderr.contains("not in a git repository"), outsideGit.stderr)

        XCTAssertEqual(try CLI.run(["diff", "HEAD", "HEAD", "--format", "docx"], in: work).status, 2)
        XCTAssertEqual(try CLI.run(["diff", "HEAD"], in: work).status, 2)
    }
}
