import Foundation
import PlanModel
import PlanRender
import XCTest

/// Each diff renderer's output for two versions of the sample plan, byte for byte
/// (`PLANMERGE_UPDATE_GOLDEN=1` regenerates `Fixtures/diff/`).
final class DiffRenderGoldenTests: XCTestCase {
    let diff = SampleDiff.diff
    let labels = SampleDiff.labels

    func testText() throws {
        try Golden.check(DiffTextRenderer.render(diff, labels: labels), named: "diff/expected.txt")
    }

    func testMarkdown() throws {
        try Golden.check(DiffMarkdownRenderer.render(diff, labels: labels), named: "diff/expected.md")
    }

    func testHTML() throws {
        try Golden.check(DiffHTMLRenderer.render(diff, labels: labels), named: "diff/expected.html")
    }

    func testJSON() throws {
        try Golden.check(try DiffJSONRenderer.render(diff, labels: labels), named: "diff/expected.json")
    }

    func testRenderingIsDeterministic() throws {
        let again = PlanDiff(from: SampleDiff.old, to: SampleDiff.new)
        XCTAssertEqual(again, diff)
        XCTAssertEqual(DiffTextRenderer.render(again, labels: labels), DiffTextRenderer.render(diff, labels: labels))
        XCTAssertEqual(
            try DiffJSONRenderer.render(again, labels: labels), try DiffJSONRenderer.render(diff, labels: labels))
    }

    func testTheSampleCoversEveryKind() {
        XCTAssertEqual(diff.kinds, ChangeKind.allCases.filter { $0 != .recommendationRemoved && $0 != .partnerRemoved })
    }

    func testHTMLEscapesEveryText() {
        let html = DiffHTMLRenderer.render(diff, labels: DiffLabels(from: "<v1>", to: "a&b"))
        XCTAssertTrue(html.contains("From <strong>&lt;v1&gt;</strong> to <strong>a&amp;b</strong>"), html)
        XCTAssertFalse(html.contains("<strategy>"))
        XCTAssertTrue(html.contains("&lt;strategy&gt;"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(DiffHTMLRenderer.fragment(diff, labels: labels).hasPrefix("<style>"))
    }

    func testMarkdownEscapesMarkup() {
        let md = DiffMarkdownRenderer.render(diff, labels: labels)
        XCTAssertFalse(md.contains("<strategy>"))
        XCTAssertTrue(md.contains("Sampletown Police \\| Local Policing Unit"), md)
    }

    func testAnEmptyDiffSaysSo() throws {
        let same = PlanDiff(from: SampleDiff.old, to: SampleDiff.old)
        XCTAssertEqual(
            DiffTextRenderer.render(same, labels: labels),
            """
            Changes to Sampletown Joint Area Review Action Plan
            from cabinet/2008-09-01 to main

            No changes: a reader would see the same plan.

            """)
        XCTAssertTrue(DiffMarkdownRenderer.render(same, labels: labels).contains("No changes"))
        XCTAssertTrue(DiffHTMLRenderer.render(same, labels: labels).contains("<p class=\"no-changes\">"))
        let json = try DiffJSONRenderer.render(same, labels: labels)
        XCTAssertTrue(json.contains("\"byRecommendation\" : [\n\n  ]"), json)
    }
}

/// Two versions of the sample plan: the Cabinet version and a later one with a change of
/// every kind (texts with `<&>"'|` on purpose).
enum SampleDiff {
    static let labels = DiffLabels(from: "cabinet/2008-09-01", to: "main")
    static let old = SamplePlan.plan
    static let new: Plan = {
        var plan = SamplePlan.plan
        func edit(_ ref: String, _ change: (inout Action) -> Void) {
            for s in plan.sections.indices {
                for a in plan.sections[s].actions.indices where plan.sections[s].actions[a].ref.description == ref {
                    change(&plan.sections[s].actions[a])
                }
            }
        }
        func section(_ path: String) -> Int { plan.sections.firstIndex { $0.path == path }! }
        let day = SamplePlan.day

        // Withdrawn 1.2; added 15.5; 6.3 moved from the PCT to the council.
        plan.sections[section("sections/council/1.md")].actions.removeAll { $0.ref.description == "1.2" }
        plan.sections[section("sections/police/15.md")].actions.append(
            Action(
                ref: ActionRef("15.5")!, text: "Share missing-from-home reports with the school nurse",
                due: DueDate(text: "Jan 09", kind: .date, start: day("2009-01-31"), end: day("2009-01-31")),
                leads: ["Insp. Jo Grant"], status: .notStarted))
        let moved = plan.sections[section("sections/pct/6.md")].actions.first { $0.ref.description == "6.3" }!
        plan.sections[section("sections/pct/6.md")].actions.removeAll { $0.ref.description == "6.3" }
        plan.sections[section("sections/council/6.md")].actions.append(moved)

        edit("6.2") {  // re-dated later, status changed
            $0.due = DueDate(text: "Feb-Mar 09", kind: .period, start: day("2009-02-01"), end: day("2009-03-31"))
            $0.status = .offTrack
        }
        edit("1.1") {  // re-dated earlier, text changed, success criteria
            $0.due = DueDate(text: "18.7.08", kind: .date, start: day("2008-07-18"), end: day("2008-07-18"))
            $0.text = "Publish a young people's version of the report & a <summary> for parents"
            $0.success = ["Read by 1,000 young people, \"quoted\" in the press", "Summary on the council's website"]
        }
        edit("15.2") {  // re-dated from open to a date: no day count; lead re-assigned
            $0.due = DueDate(text: "December 2008", kind: .date, start: day("2008-12-31"), end: day("2008-12-31"))
            $0.leads = ["Paul Vaughan"]
            $0.status = nil
        }
        edit("6.1") {
            $0.risk = "Partners' priorities differ | funding"
            $0.notes = ["Board meets in October."]
        }

        var manifest = plan.manifest
        let six = manifest.recommendations.firstIndex { $0.number == 6 }!
        manifest.recommendations[six].text =
            "Develop and publish a coordinated strategy for children with learning difficulties <and/or> disabilities"
        manifest.recommendations[six].officer = "Mark Ellis"
        manifest.recommendations.append(
            Recommendation(
                number: 16, text: "Reduce exclusions of looked after children", timescale: "six-months", lead: "council"
            ))
        manifest.partners.append(Partner(id: "college", name: "Sampletown College"))
        plan.manifest = manifest
        let council1 = section("sections/council/1.md")
        plan.sections[council1].blocks[1].lines[1] = "A second sentence, now longer, of the same paragraph."
        return plan
    }()
    static let diff = PlanDiff(from: old, to: new)
}
