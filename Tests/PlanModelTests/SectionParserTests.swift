import PlanModel
import XCTest

final class SectionParserTests: XCTestCase {
    let sample = """
        # Recommendation 15

        ### Position statement
        The plan was signed off.

        Second paragraph.

        ## 15.2 Sustain the good support services for young parents
        Due: April 2008 – March 2009
        Lead: Paul Vaughan; Annette Hogarth
        Success: increased level of support provided to young parents
        Success: Teenage Pregnancy action plan 2008-10 implemented
        Milestone: August 08 | Appointment made
        Resources: Teenage Pregnancy Grant
        Risk: Priorities are not agreed
        Monitoring: Monthly progress reports
        See also: 9.4, recommendation 16, R2
        Link: Teenage Pregnancy Strategy
        Status: on track

        ### Notes
        Covers PIPS.

        ## 15.1 Complete the local self assessment
        Due: July 2008
        Lead: Paul Vaughan
        Status: done

        """

    func testReadsEveryFieldOfAnAction() throws {
        let result = parse(sample)
        XCTAssertEqual(result.diagnostics, [])
        let section = result.section
        XCTAssertEqual(section.partner, "pct")
        XCTAssertEqual(section.recommendation, 15)
        XCTAssertEqual(section.actions.map(\.ref.description), ["15.1", "15.2"], "actions are ordered by reference")
        let action = section.actions[1]
        XCTAssertEqual(action.text, "Sustain the good support services for young parents")
        XCTAssertEqual(action.due?.text, "April 2008 – March 2009")
        XCTAssertEqual(action.leads, ["Paul Vaughan", "Annette Hogarth"])
        XCTAssertEqual(action.status, .onTrack)
        XCTAssertEqual(action.success.count, 2)
        XCTAssertEqual(action.milestones.map(\.text), ["Appointment made"])
        XCTAssertEqual(action.milestones.first?.due.text, "August 08")
        XCTAssertEqual(action.resources, "Teenage Pregnancy Grant")
        XCTAssertEqual(action.risk, "Priorities are not agreed")
        XCTAssertEqual(action.monitoring, "Monthly progress reports")
        XCTAssertEqual(
            action.crossReferences,
            [.action(ActionRef(recommendation: 9, item: 4)), .recommendation(16), .recommendation(2)])
        XCTAssertEqual(action.links, ["Teenage Pregnancy Strategy"])
        XCTAssertEqual(action.notes, ["Covers PIPS."])
        XCTAssertEqual(section.block(.positionStatement)?.lines, ["The plan was signed off.", "", "Second paragraph."])
        XCTAssertEqual(action.position.line, 8)
        XCTAssertEqual(action.fieldPositions[.due]?.line, 9)
        XCTAssertEqual(action.fieldPositions[.due]?.column, 6)
    }

    func testCRLFAndByteOrderMarkGiveTheSameModel() {
        let lf = parse(sample)
        let crlf = Array([0xEF, 0xBB, 0xBF]) + Array(sample.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let windows = SectionParser(dueReference: Day(year: 2008, month: 6, day: 3)).parse(
            crlf, path: "sections/pct/15.md")
        XCTAssertEqual(windows.diagnostics, [])
        XCTAssertEqual(windows.section, lf.section)
        XCTAssertEqual(windows.section.actions[1].leads, ["Paul Vaughan", "Annette Hogarth"], "no stray \\r in values")
        XCTAssertEqual(SectionFormatter.format(windows.section), SectionFormatter.format(lf.section))
    }

    func testForgivesFieldNameCaseAliasesAndTrailingSpace() {
        let text =
            "# Recommendation 15\n\n## 15.1 Do it   \nDUE DATE :  July 2008  \nlead officer: A; B\nSuccess Criteria: done well\nRESOURCES REQUIRED: grant\nrisks: none\n"
        let result = parse(text)
        XCTAssertEqual(result.diagnostics, [])
        let action = result.section.actions[0]
        XCTAssertEqual(action.text, "Do it")
        XCTAssertEqual(action.due?.text, "July 2008")
        XCTAssertEqual(action.leads, ["A", "B"])
        XCTAssertEqual(action.success, ["done well"])
        XCTAssertEqual(action.resources, "grant")
        XCTAssertEqual(action.risk, "none")
    }

    func testReportsEveryProblemWithLineColumnRuleAndHint() {
        let text = """
            # Recommendation 15
            Stray text
            ## 15.1 Do it
            Sucess: typo
            Status: finished
            Milestone: no bar here
            See also: 9.4, nonsense
            Due: July 2008
            Due: August 2008
            ## fifteen Bad ref
            ### Unknown heading
            text in it
            <<<<<<< HEAD
            ## 15.2
            ### Judgement
            late text

            """
        let result = parse(text)
        let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" }
        XCTAssertEqual(
            found,
            [
                "2:1 line-unexpected", "4:1 field-unknown", "5:9 status-unknown", "6:12 milestone-unsplit",
                "7:11 cross-reference-invalid", "9:1 field-duplicate", "10:4 action-ref-invalid",
                "11:5 block-unknown", "13:1 conflict-marker", "14:8 action-text-missing", "15:5 block-misplaced",
            ])
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.hint?.isEmpty == false }, "every diagnostic has a hint")
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.location.file == "sections/pct/15.md" })
        XCTAssertEqual(result.diagnostics.first("field-unknown")?.hint?.hasPrefix("did you mean 'Success:'"), true)
        XCTAssertEqual(result.section.actions.map(\.ref.description), ["15.1", "15.2"], "parsing goes on after errors")
        XCTAssertEqual(result.section.actions[0].due?.text, "July 2008", "the first Due is kept")
    }

    func testHeadingProblems() {
        XCTAssertEqual(parse("## 15.1 Do it\nDue: July 2008\n").diagnostics.rules(), ["heading-missing"])
        XCTAssertEqual(parse("# Recommendations\n").diagnostics.rules(), ["heading-invalid"])
        XCTAssertEqual(
            parse("# Recommendation 15: Improve health\n").diagnostics.rules(.warning), ["heading-text-ignored"])
        XCTAssertEqual(parse("# Recommendation 15\n# Recommendation 16\n").diagnostics.rules(), ["heading-duplicate"])
        XCTAssertEqual(parse("").diagnostics.rules(), ["heading-missing"])
        XCTAssertEqual(parse("# Recommendation 15\nDue: July 2008\n").diagnostics.rules(), ["field-outside-action"])
    }

    func testInvalidUTF8IsReportedAtItsLineAndTheRestIsRead() {
        var bytes = Array("# Recommendation 15\n\n## 15.1 Caf".utf8)
        bytes += [0xE9]  // Latin-1 é
        bytes += Array(" meeting\nDue: July 2008\n".utf8)
        let result = SectionParser().parse(bytes, path: "sections/pct/15.md")
        XCTAssertEqual(result.diagnostics.map(\.rule), ["invalid-utf8"])
        XCTAssertEqual(result.diagnostics.first?.location.line, 3)
        XCTAssertEqual(result.section.actions.first?.due?.text, "July 2008")
    }

    func testEmptyFieldIsAWarningAndIgnored() {
        let result = parse("# Recommendation 15\n\n## 15.1 Do it\nRisk:\n")
        XCTAssertEqual(result.diagnostics.rules(.warning), ["field-empty"])
        XCTAssertNil(result.section.actions[0].risk)
    }

    func testBlocksKeepIndentationAndFoldBlankRuns() {
        let text =
            "# Recommendation 8\n\n### Summary of actions\n\n\nDerby College actions:\n\n\n\n- one\n  - sub\n\n\n"
        let result = parse(text, path: "sections/college/8.md")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.section.block(.summary)?.lines, ["Derby College actions:", "", "- one", "  - sub"])
    }

    func testLettersSuffixReferencesSortAfterTheirNumber() {
        let text = "# Recommendation 2\n\n## 2.10 ten\n\n## 2.6b six b\n\n## 2.6a six a\n\n## 2.6 six\n\n## 2.7 seven\n"
        let result = parse(text, path: "sections/c/2.md")
        XCTAssertEqual(result.section.actions.map(\.ref.description), ["2.6", "2.6a", "2.6b", "2.7", "2.10"])
    }
}
