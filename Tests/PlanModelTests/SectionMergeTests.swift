import PlanModel
import XCTest

final class SectionMergeTests: XCTestCase {
    let base = """
        # Recommendation 15

        ### Position statement
        The plan was signed off.

        ## 15.1 Complete the local self assessment
        Due: July 2008
        Lead: Paul Vaughan
        Success: self assessment completed
        Success: priorities identified

        ## 15.2 Sustain support services
        Due: April 2008 – March 2009
        Lead: Annette Hogarth

        """

    func section(_ text: String) -> SectionFile {
        let result = parse(text, path: "sections/pct/15.md")
        XCTAssertEqual(result.diagnostics, [], text)
        return result.section
    }

    func merge(_ ours: String, _ theirs: String, base: String? = nil) -> SectionMerge.Result {
        SectionMerge(dueReference: Day(year: 2008, month: 6, day: 3))
            .merge(
                base: section(base ?? self.base), ours: section(ours), theirs: section(theirs),
                path: "sections/pct/15.md")
    }

    func testDifferentFieldsOfTheSameActionMergeCleanly() throws {
        let ours = base.replacingOccurrences(of: "Due: July 2008", with: "Due: September 2008")
        let theirs = base.replacingOccurrences(of: "Lead: Paul Vaughan", with: "Lead: Paul Vaughan; Liz Rodrigo")
        let result = merge(ours, theirs)
        XCTAssertEqual(result.conflicts, [])
        let action = try XCTUnwrap(result.merged?.actions.first)
        XCTAssertEqual(action.due?.text, "September 2008")
        XCTAssertEqual(action.leads, ["Paul Vaughan", "Liz Rodrigo"])
        XCTAssertEqual(action.due, DueDateReader.read("September 2008", reference: Day(year: 2008, month: 6, day: 3)))
    }

    func testTheSameFieldChangedDifferentlyIsAConflictNamingBothValues() throws {
        let ours = base.replacingOccurrences(of: "Due: July 2008", with: "Due: September 2008")
        let theirs = base.replacingOccurrences(of: "Due: July 2008", with: "Due: October 2008")
        let result = merge(ours, theirs)
        XCTAssertEqual(result.conflicts.count, 1)
        let conflict = try XCTUnwrap(result.conflicts.first)
        XCTAssertEqual(conflict.subject, .field(ActionRef("15.1")!, "Due"))
        XCTAssertEqual(conflict.base, ["July 2008"])
        XCTAssertEqual(conflict.ours, ["September 2008"])
        XCTAssertEqual(conflict.theirs, ["October 2008"])
        XCTAssertEqual(conflict.what, "action 15.1, field Due")
    }

    func testTheSameChangeOnBothSidesIsNotAConflict() {
        let changed = base.replacingOccurrences(of: "Due: July 2008", with: "Due: September 2008")
        let result = merge(changed, changed)
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(result.merged?.actions.first?.due?.text, "September 2008")
    }

    func testReorderingAloneIsNotAChange() {
        let reordered = """
            # Recommendation 15

            ## 15.2 Sustain support services
            Lead: Annette Hogarth
            Due: April 2008 – March 2009

            ### Position statement
            The plan was signed off.

            ## 15.1 Complete the local self assessment
            Success: priorities identified
            Success: self assessment completed
            Lead: Paul Vaughan
            Due: July 2008

            """
        // Blocks after actions are misplaced; keep the block first but reorder the rest.
        let valid = reordered.replacingOccurrences(of: "\n### Position statement\nThe plan was signed off.\n", with: "")
            .replacingOccurrences(
                of: "# Recommendation 15\n",
                with: "# Recommendation 15\n\n### Position statement\nThe plan was signed off.\n")
        let theirs = base.replacingOccurrences(of: "Lead: Annette Hogarth", with: "Lead: Annette Hogarth; Mel Meggs")
        let result = merge(valid, theirs)
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(result.merged?.actions.last?.leads, ["Annette Hogarth", "Mel Meggs"])
        XCTAssertEqual(section(SectionFormatter.format(result.merged!)), section(theirs))
    }

    func testIndependentAdditionsToAListCombine() throws {
        let ours = base.replacingOccurrences(
            of: "Success: priorities identified\n", with: "Success: priorities identified\nSuccess: plan agreed\n")
        let theirs = base.replacingOccurrences(of: "Success: self assessment completed\n", with: "")
        let result = merge(ours, theirs)
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(result.merged?.actions.first?.success, ["priorities identified", "plan agreed"])
    }

    func testAListItemReplacedDifferentlyOnBothSidesConflicts() {
        let ours = base.replacingOccurrences(of: "Success: priorities identified", with: "Success: priorities agreed")
        let theirs = base.replacingOccurrences(
            of: "Success: priorities identified", with: "Success: priorities published")
        XCTAssertEqual(merge(ours, theirs).conflicts.map(\.what), ["action 15.1, field Success"])
    }

    func testActionsAddedOnEachSideAndDeletedOnOne() throws {
        let ours = base + "\n## 15.3 Housing support\nDue: 31.3.09\n"
        let theirs =
            base.replacingOccurrences(
                of: "## 15.2 Sustain support services\nDue: April 2008 – March 2009\nLead: Annette Hogarth\n", with: "")
            + "\n## 15.4 Antenatal support\nDue: 31.3.10\n"
        let result = merge(ours, theirs)
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(result.merged?.actions.map(\.ref.description), ["15.1", "15.3", "15.4"])
    }

    func testDeletedOnOneSideChangedOnTheOtherConflicts() {
        let ours = base.replacingOccurrences(of: "Lead: Annette Hogarth", with: "Lead: Mel Meggs")
        let theirs = base.replacingOccurrences(
            of: "## 15.2 Sustain support services\nDue: April 2008 – March 2009\nLead: Annette Hogarth\n", with: "")
        let result = merge(ours, theirs)
        XCTAssertEqual(result.conflicts.map(\.subject), [.action(ActionRef("15.2")!)])
        XCTAssertNil(result.conflicts.first?.theirs)
        XCTAssertEqual(result.merged?.actions.count, 2, "the changed action is kept, and the conflict reported")
    }

    func testTheSameNewReferenceAddedDifferentlyConflictsFieldByField() {
        let ours = base + "\n## 15.3 Housing support\nDue: 31.3.09\n"
        let theirs = base + "\n## 15.3 Antenatal support\nDue: 31.3.09\n"
        XCTAssertEqual(merge(ours, theirs).conflicts.map(\.what), ["action 15.3, field Action"])
    }

    func testBlocksWithoutALineMergerConflictWhenBothChange() {
        let ours = base.replacingOccurrences(of: "The plan was signed off.", with: "The plan was signed off in May.")
        let theirs = base.replacingOccurrences(
            of: "The plan was signed off.", with: "The plan was signed off.\nIt is on track.")
        let result = merge(ours, theirs)
        XCTAssertEqual(result.conflicts.map(\.subject), [.block(.positionStatement)])
        let onlyTheirs = merge(base, theirs)
        XCTAssertEqual(onlyTheirs.conflicts, [])
        XCTAssertEqual(
            onlyTheirs.merged?.block(.positionStatement)?.lines, ["The plan was signed off.", "It is on track."])
    }

    func testFileLevelCases() {
        let merger = SectionMerge()
        let s = section(base)
        XCTAssertNil(merger.merge(base: s, ours: nil, theirs: s, path: "p").merged, "deleted on one side")
        XCTAssertEqual(merger.merge(base: nil, ours: nil, theirs: s, path: "p").merged, s, "added on one side")
        let changed = section(base.replacingOccurrences(of: "July 2008", with: "June 2008"))
        XCTAssertEqual(merger.merge(base: s, ours: nil, theirs: changed, path: "p").conflicts.map(\.subject), [.file])
    }
}
