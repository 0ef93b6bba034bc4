import PlanModel
import XCTest

/// The words partner officers write (issue 13): RAG colours and progress words as statuses,
/// the seed plans' column names as fields, milestones written with " - " or ": ", values
/// wrapped onto a second line, bullets under a field; and the canonical form `fmt` writes.
final class OfficerWordsTests: XCTestCase {
    private func action(_ fields: String) -> (action: Action?, result: SectionParser.Result) {
        let result = parse("# Recommendation 15\n\n## 15.1 Do it\n" + fields)
        return (result.section.actions.first, result)
    }

    // MARK: - Statuses

    func testRAGColoursAndProgressWordsAreStatuses() {
        let expected: [(String, ActionStatus)] = [
            ("Green", .onTrack), ("GREEN", .onTrack), ("Amber", .atRisk), ("Red", .offTrack), ("Blue", .done),
            ("Complete", .done), ("Completed", .done), ("In progress", .onTrack), ("In-progress", .onTrack),
            ("Ongoing", .onTrack), ("on-going", .onTrack), ("Not yet started", .notStarted),
        ]
        for (word, status) in expected {
            let (action, result) = action("Status: \(word)\n")
            XCTAssertEqual(result.diagnostics, [], word)
            XCTAssertEqual(action?.status, status, word)
            XCTAssertEqual(ActionStatus(reading: word), status, word)
        }
        XCTAssertNil(ActionStatus(reading: "Purple"))
        XCTAssertEqual(action("Status: Purple\n").result.diagnostics.rules(), ["status-unknown"])
    }

    func testFmtWritesTheCanonicalStatusWord() {
        let (_, result) = action("Status: Amber\n")
        XCTAssertTrue(SectionFormatter.format(result.section).contains("\nStatus: at risk\n"))
        let (_, progress) = action("Status: In progress\n")
        XCTAssertTrue(SectionFormatter.format(progress.section).contains("\nStatus: on track\n"))
    }

    func testEachStatusHasItsRAGColour() {
        XCTAssertEqual(ActionStatus.allCases.map(\.ragColour), [nil, "Green", "Amber", "Red", "Blue"])
        for status in ActionStatus.allCases {
            if let colour = status.ragColour { XCTAssertEqual(ActionStatus(reading: colour), status) }
        }
    }

    // MARK: - Field names

    func testTimescaleIsTheDueDateAndResourceImplicationsTheResources() {
        let (action, result) = action("Timescale: March 2008\nResource implications: Existing budgets\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(action?.due?.text, "March 2008")
        XCTAssertEqual(action?.due?.end?.iso, "2008-03-31")
        XCTAssertEqual(action?.resources, "Existing budgets")
        let formatted = SectionFormatter.format(result.section)
        XCTAssertTrue(formatted.hasSuffix("## 15.1 Do it\nDue: March 2008\nResources: Existing budgets\n"), formatted)
        XCTAssertEqual(ActionField(named: "RAG status"), .status)
        XCTAssertEqual(ActionField(named: "Timescales"), .due)
    }

    // MARK: - Milestones without "|"

    func testMilestoneWrittenWithADashOrAColonIsSplitWhereTheDateReadsWhole() {
        let (action, result) = action(
            """
            Milestone: August 08 - Appointment made
            Milestone: 31.3.09: Report to Cabinet
            Milestone: Nov 08 - Jan 09 - Consultation with young people
            Milestone: End July – Self assessment
            Milestone: Q2 2008/09 - Data set agreed

            """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(
            action?.milestones.map(\.due.text), ["August 08", "31.3.09", "Nov 08 - Jan 09", "End July", "Q2 2008/09"])
        XCTAssertEqual(
            action?.milestones.map(\.text),
            [
                "Appointment made", "Report to Cabinet", "Consultation with young people", "Self assessment",
                "Data set agreed",
            ])
        XCTAssertEqual(action?.milestones[2].due.start?.iso, "2008-11-01")
        XCTAssertEqual(action?.milestones[2].due.end?.iso, "2009-01-31")
        let formatted = SectionFormatter.format(result.section)
        XCTAssertTrue(formatted.contains("Milestone: August 08 | Appointment made\n"), formatted)
        XCTAssertTrue(formatted.contains("Milestone: Nov 08 - Jan 09 | Consultation with young people\n"), formatted)
    }

    func testAMilestoneWhoseDateCannotBeToldApartIsKeptAsWrittenWithAWarning() {
        let texts = [
            "Nov 08 - Jan 09",  // a period, never split into a date and a step
            "Review - Dec 08",  // the date is not first
            "Dec 08 - 3 schools visited",  // the step starts with a number
            "Dec 08 review of progress",  // no separator
            "Plan agreed: by the Board",  // "Plan agreed" is no date
        ]
        for text in texts {
            let (action, result) = action("Milestone: \(text)\n")
            XCTAssertEqual(result.diagnostics.rules(.warning), ["milestone-unsplit"], text)
            XCTAssertEqual(result.diagnostics.rules(.error), [], text)
            XCTAssertEqual(action?.milestones, [Milestone(keptAsWritten: text)], text)
            XCTAssertEqual(action?.milestones.first?.isKeptAsWritten, true)
            let formatted = SectionFormatter.format(result.section)
            XCTAssertTrue(formatted.contains("\nMilestone: \(text)\n"), formatted)
            XCTAssertEqual(parse(formatted).section, result.section, text)
        }
        XCTAssertEqual(action("Milestone: | step\n").result.diagnostics.rules(), ["milestone-format"])
    }

    // MARK: - Values over several lines

    func testIndentedContinuationLinesJoinTheValue() {
        let (action, result) = action(
            """
            Resources: Teenage Pregnancy Grant and
              the LAA underspend of 2008
            Success: local self assessment completed
            \tand priorities agreed
            Risk: none

            """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(action?.resources, "Teenage Pregnancy Grant and the LAA underspend of 2008")
        XCTAssertEqual(action?.success, ["local self assessment completed and priorities agreed"])
        XCTAssertEqual(action?.risk, "none")
        let formatted = SectionFormatter.format(result.section)
        XCTAssertTrue(
            formatted.contains("\nResources: Teenage Pregnancy Grant and the LAA underspend of 2008\n"), formatted)
    }

    func testBulletsUnderAFieldAreItsValues() {
        let (action, result) = action(
            """
            Success:
            - Data set agreed: by the Board
            - All data is linked and accessible
              across partners
            * Progress of pupils with LDD is evaluated
            Lead:
            - Paul Vaughan
            - Annette Hogarth
            Milestone:
            • August 08 | Appointment made
            • Dec 08 - Review
            Resources: Existing budgets
            - Teenage Pregnancy Grant

            """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(
            action?.success,
            [
                "Data set agreed: by the Board", "All data is linked and accessible across partners",
                "Progress of pupils with LDD is evaluated",
            ])
        XCTAssertEqual(action?.leads, ["Paul Vaughan", "Annette Hogarth"])
        XCTAssertEqual(action?.milestones.map(\.due.text), ["August 08", "Dec 08"])
        XCTAssertEqual(action?.resources, "Existing budgets; Teenage Pregnancy Grant")
        let formatted = SectionFormatter.format(result.section)
        XCTAssertEqual(
            formatted,
            """
            # Recommendation 15

            ## 15.1 Do it
            Lead: Paul Vaughan; Annette Hogarth
            Success: Data set agreed: by the Board
            Success: All data is linked and accessible across partners
            Success: Progress of pupils with LDD is evaluated
            Milestone: August 08 | Appointment made
            Milestone: Dec 08 | Review
            Resources: Existing budgets; Teenage Pregnancy Grant

            """)
        XCTAssertEqual(parse(formatted).section, result.section)
    }

    func testAProblemInABulletIsReportedAtItsLine() {
        let (_, result) = action("Status: Green\nMilestone:\n- Dec 08 | Review\n- | no date\n")
        let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" }
        XCTAssertEqual(found, ["7:3 milestone-format"])
    }

    func testAFieldWithNoValueAndNoBulletsIsStillEmpty() {
        let (action, result) = action("Success:\nRisk: none\n")
        XCTAssertEqual(result.diagnostics.rules(.warning), ["field-empty"])
        XCTAssertEqual(action?.success, [])
        XCTAssertEqual(action?.risk, "none")
    }

    func testAnIndentedFieldLineStaysAField() {
        let (action, result) = action("Risk: none\n  Lead: Paul Vaughan\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(action?.risk, "none")
        XCTAssertEqual(action?.leads, ["Paul Vaughan"])
    }

    func testABulletWithNoFieldAboveIsStillAnError() {
        XCTAssertEqual(action("- stray bullet\n").result.diagnostics.rules(), ["line-unexpected"])
        XCTAssertEqual(action("Risk: none\n\n- after a blank line\n").result.diagnostics.rules(), ["line-unexpected"])
    }

    // MARK: - The manifest says how the plan reports

    func testTheManifestSaysWhetherThePlanReportsInRAG() throws {
        func read(_ extra: String) -> ManifestReader.Result {
            let yaml = """
                title: T
                authority: A
                inspection: {name: JAR}
                timescales: [{id: now, name: Now}]
                recommendations: [{number: 1, text: Do, timescale: now, lead: p}]
                partners: [{id: p, name: P}]
                \(extra)
                """
            return ManifestReader().read(Array(yaml.utf8))
        }
        XCTAssertEqual(try XCTUnwrap(read("").manifest).reporting, .words)
        XCTAssertEqual(read("reporting: rag").diagnostics, [])
        XCTAssertEqual(try XCTUnwrap(read("reporting: rag").manifest).reporting, .rag)
        XCTAssertEqual(try XCTUnwrap(read("reporting: RAG").manifest).reporting, .rag)
        XCTAssertEqual(try XCTUnwrap(read("reporting: words").manifest).reporting, .words)
        XCTAssertEqual(read("reporting: colours").diagnostics.rules(), ["manifest-type"])
    }
}
