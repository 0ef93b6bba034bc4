import Foundation
import PlanModel
import XCTest

@testable import GitKit

final class ConflictWriterTests: XCTestCase {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Every section file of the example plans, parsed.
    func exampleSections() throws -> [SectionFile] {
        var out: [SectionFile] = []
        for plan in ["Repos/leicester", "Repos/derby"] {
            let source = FolderSource(root: Self.packageRoot.appendingPathComponent(plan))
            for path in try source.listFiles() where PlanLoader.isSectionFile(path) {
                out.append(SectionParser().parse(try source.read(path), path: path).section)
            }
        }
        return out
    }

    func testWithoutConflictsItIsTheCanonicalFormat() throws {
        let sections = try exampleSections()
        XCTAssertGreaterThan(sections.count, 30)
        for section in sections {
            let result = SectionMerge().merge(base: section, ours: section, theirs: section, path: section.path)
            XCTAssertEqual(ConflictWriter.format(result), SectionFormatter.format(section), section.path)
        }
    }

    func testWithoutConflictsEveryCleanMergeIsTheCanonicalFormatOfTheMergedFile() throws {
        // One side re-dates every action, the other changes every status: clean merges.
        for section in try exampleSections() where !section.actions.isEmpty {
            var ours = section, theirs = section
            for i in ours.actions.indices { ours.actions[i].due = DueDateReader.read("31.3.09") }
            for i in theirs.actions.indices { theirs.actions[i].status = .onTrack }
            let result = SectionMerge().merge(base: section, ours: ours, theirs: theirs, path: section.path)
            XCTAssertEqual(result.conflicts, [])
            let merged = try XCTUnwrap(result.merged)
            XCTAssertEqual(ConflictWriter.format(result), SectionFormatter.format(merged), section.path)
        }
    }

    let base = """
        # Recommendation 15

        ### Position statement
        The plan was signed off in May 2008.

        ## 15.1 Complete the local self assessment
        Due: July 2008
        Lead: Paul Vaughan

        ## 15.2 Sustain the good support services
        Due: April 2008 – March 2009
        Lead: Annette Hogarth

        """

    func merge(ours: String, theirs: String) -> SectionMerge.Result {
        let parse = { (text: String) in SectionParser().parse(text, path: "sections/leicester-pct/15.md").section }
        return SectionMerge().merge(
            base: parse(base), ours: parse(ours), theirs: parse(theirs), path: "sections/leicester-pct/15.md")
    }

    func testAFieldConflictIsABlockOfThatFieldOnly() throws {
        let result = merge(
            ours: base.replacingOccurrences(of: "Due: July 2008", with: "Due: September 2008"),
            theirs: base.replacingOccurrences(of: "Due: July 2008", with: "Due: October 2008"))
        XCTAssertEqual(result.conflicts.count, 1)
        let text = try XCTUnwrap(
            ConflictWriter.format(result, labels: .init(ours: "ours (Paul Vaughan)", theirs: "theirs")))
        XCTAssertTrue(
            text.contains(
                """
                ## 15.1 Complete the local self assessment
                <<<<<<< ours (Paul Vaughan)
                Due: September 2008
                =======
                Due: October 2008
                >>>>>>> theirs
                Lead: Paul Vaughan

                ## 15.2
                """), text)
        // The parser refuses it until resolved; keeping "ours" gives the merged file back.
        let parsed = SectionParser().parse(text, path: "sections/leicester-pct/15.md")
        XCTAssertEqual(parsed.diagnostics.filter { $0.rule == "conflict-marker" }.count, 3)
        let resolved = text.replacingOccurrences(of: "<<<<<<< ours (Paul Vaughan)\n", with: "")
            .replacingOccurrences(of: "=======\nDue: October 2008\n>>>>>>> theirs\n", with: "")
        let reparsed = SectionParser().parse(resolved, path: "sections/leicester-pct/15.md")
        XCTAssertEqual(reparsed.diagnostics, [])
        XCTAssertEqual(reparsed.section, result.merged)
    }

    func testBlockActionTextAndDeletionConflicts() throws {
        let result = merge(
            ours: base.replacingOccurrences(of: "signed off in May 2008.", with: "signed off in June 2008.")
                .replacingOccurrences(of: "the good support", with: "the excellent support")
                .replacingOccurrences(
                    of: "## 15.1 Complete the local self assessment\nDue: July 2008\nLead: Paul Vaughan\n\n", with: ""),
            theirs: base.replacingOccurrences(of: "signed off in May 2008.", with: "signed off in April 2008.")
                .replacingOccurrences(of: "the good support", with: "the better support")
                .replacingOccurrences(of: "Lead: Paul Vaughan", with: "Lead: Paul Vaughan; Annette Hogarth"))
        XCTAssertEqual(result.conflicts.count, 3, "\(result.conflicts.map(\.what))")
        let text = try XCTUnwrap(ConflictWriter.format(result))
        XCTAssertTrue(
            text.contains(
                """
                <<<<<<< ours
                ### Position statement
                The plan was signed off in June 2008.
                =======
                ### Position statement
                The plan was signed off in April 2008.
                >>>>>>> theirs
                """), text)
        XCTAssertTrue(
            text.contains(
                """
                <<<<<<< ours (deleted 15.1)
                =======
                ## 15.1 Complete the local self assessment
                Due: July 2008
                Lead: Paul Vaughan; Annette Hogarth
                >>>>>>> theirs
                """), text)
        XCTAssertTrue(
            text.contains(
                """
                <<<<<<< ours
                ## 15.2 Sustain the excellent support services
                =======
                ## 15.2 Sustain the better support services
                >>>>>>> theirs
                Due: April 2008 – March 2009
                """), text)
    }

    func testADeletedFileGivesNoText() {
        let section = SectionParser().parse(base, path: "sections/leicester-pct/15.md").section
        let result = SectionMerge().merge(base: section, ours: nil, theirs: section, path: section.path)
        XCTAssertNil(ConflictWriter.format(result))
    }
}
