import PlanModel
import XCTest

@testable import PlanRender

final class PlanDocumentTests: XCTestCase {
    let doc = SamplePlan.document

    func testGroupsRecommendationsAndActionsAreInReadingOrder() {
        XCTAssertEqual(doc.groups.map(\.id), ["immediate", "six-months", "longer-term"])
        XCTAssertEqual(doc.recommendations.map(\.number), [1, 6, 15])
        XCTAssertEqual(
            doc.actions.map(\.ref.description), ["1.1", "1.2", "6.1", "6.2", "6.3", "15.1", "15.2", "15.3", "15.4"])
    }

    func testRecommendationCarriesLeadBlocksAndPartners() throws {
        let rec1 = try XCTUnwrap(doc.recommendations.first)
        XCTAssertEqual(rec1.lead.name, "Sampletown City Council")
        XCTAssertEqual(rec1.officer, "Siobhan O'Neill")
        XCTAssertEqual(rec1.blocks.map(\.kind), [.positionStatement, .summary], "in BlockKind order")
        let rec15 = try XCTUnwrap(doc.recommendations.last)
        XCTAssertEqual(rec15.partners.map(\.id), ["pct", "police"])
        XCTAssertEqual(
            rec15.actions.first { $0.ref.description == "15.4" }?.partner.name,
            "Sampletown Police | Local Policing Unit")
    }

    func testSummaryCountsEveryStatusAndTheWatchLists() {
        let s = doc.summary
        XCTAssertEqual(s.total, 9)
        XCTAssertEqual(s.byStatus.map(\.count), [2, 2, 1, 1, 2, 1])
        XCTAssertEqual(s.byStatus.last?.status, nil)
        XCTAssertEqual(s.byPartner.map(\.total), [3, 5, 1])
        XCTAssertEqual(s.overdue.map(\.description), ["1.1"], "1.2 is done and open; 15.1 ends in 2009")
        XCTAssertEqual(s.toBeConfirmed.map(\.description), ["15.2"])
        XCTAssertEqual(s.unread.map(\.description), ["6.3"])
        XCTAssertEqual(s.undated, [])
    }

    func testNoTodayMeansNothingIsOverdue() {
        let doc = PlanDocument(plan: SamplePlan.plan, context: RenderContext())
        XCTAssertEqual(doc.summary.overdue, [])
        XCTAssertFalse(doc.actions.contains(where: \.isOverdue))
    }

    func testProvenanceListsEveryPartnerRecordedOrNot() {
        XCTAssertEqual(doc.provenance.map(\.partner.id), ["council", "pct", "police"])
        XCTAssertEqual(doc.provenance.map { $0.source?.commit }, ["3f2a9c1", "a71be04", nil])
    }

    func testSectionsForUnknownRecommendationsAreKeptNotDropped() {
        var plan = SamplePlan.plan
        plan.sections.append(
            SectionFile(
                path: "sections/police/99.md", partner: "police", recommendation: 99,
                actions: [
                    Action(ref: ActionRef("99.1")!, text: "Stray action")
                ]))
        let doc = PlanDocument(plan: plan, context: SamplePlan.context)
        XCTAssertEqual(doc.groups.last?.id, "unassigned")
        XCTAssertEqual(doc.groups.last?.recommendations.first?.lead.id, "police")
        XCTAssertEqual(doc.summary.undated.map(\.description), ["99.1"])
    }

    func testBlockTextReadsParagraphsBulletsAndEmphasis() {
        XCTAssertEqual(
            BlockText.parts(["one", "two", "", "- a", "* b", "after"]),
            [.paragraph("one two"), .bullets(["a", "b"]), .paragraph("after")])
        XCTAssertEqual(
            BlockText.spans("in *all* schools * here"),
            [
                .init(text: "in ", emphasis: false), .init(text: "all", emphasis: true),
                .init(text: " schools * here", emphasis: false),
            ])
    }

    func testDueReadingsInWords() {
        func due(_ kind: DueDate.Kind, _ start: String?, _ end: String?, open: DueDate.OpenForm? = nil) -> String {
            DisplayText.reading(
                DueDate(
                    text: "x", kind: kind, start: start.flatMap { Day(iso: $0) },
                    end: end.flatMap { Day(iso: $0) }, open: open))
        }
        XCTAssertEqual(due(.date, "2009-03-31", "2009-03-31"), "31 Mar 2009")
        XCTAssertEqual(due(.period, "2008-11-01", "2009-01-31"), "1 Nov 2008 – 31 Jan 2009")
        XCTAssertEqual(due(.period, "2008-09-01", nil), "from 1 Sep 2008")
        XCTAssertEqual(due(.open, nil, nil, open: .ongoing), "ongoing")
        XCTAssertEqual(due(.open, nil, "2009-03-31", open: .recurring), "recurring until 31 Mar 2009")
        XCTAssertEqual(due(.unread, nil, nil), "not read")
    }
}
