import Foundation
import PlanModel
import XCTest

/// `PlanDiff` between the real Leicester plan and a copy changed in code, one change of
/// each kind, each asserted exactly.
final class PlanDiffTests: XCTestCase {
    static let leicester = Fixtures.packageRoot.appendingPathComponent("Repos/leicester")

    func loadLeicester() throws -> Plan {
        let loaded = try PlanLoader().load(from: FolderSource(root: PlanDiffTests.leicester))
        return try XCTUnwrap(loaded.plan, "\(loaded.diagnostics)")
    }

    func ref(_ text: String) -> ActionRef { ActionRef(text)! }

    func testAPlanAgainstItselfHasNoChange() throws {
        let plan = try loadLeicester()
        let diff = PlanDiff(from: plan, to: plan)
        XCTAssertTrue(diff.isEmpty)
        XCTAssertEqual(diff.byRecommendation, [])
        XCTAssertEqual(diff.byPartner, [])
        XCTAssertEqual(diff.totals.count, ChangeKind.allCases.count)
    }

    func testReorderingMovingFilesAndReorderingListsIsNoChange() throws {
        let old = try loadLeicester()
        var new = old
        new.reverseActions(in: "sections/lcc-social-care/16.md")
        new.renameSection("sections/lcc-commissioning/10.md", to: "sections/lcc-commissioning/ten.md")
        new.edit("15.2") {
            $0.leads.reverse()
            $0.success.reverse()
        }
        new.edit("15.1") { $0.text = "  " + $0.text.replacingOccurrences(of: " ", with: "  ") }
        XCTAssertNotEqual(old, new)
        let diff = PlanDiff(from: old, to: new)
        XCTAssertTrue(diff.isEmpty, "\(diff.actions)")
    }

    func testEachKindOfActionChange() throws {
        let old = try loadLeicester()
        let published = old.manifest.inspection.published
        var new = old
        // Added: a new reference in UHL's file.
        new.insert(
            Action(
                ref: ref("15.6"), text: "Train midwives in brief interventions",
                due: DueDateReader.read("March 2009", reference: published), leads: ["Jane Porter"]),
            into: "sections/uhl/15.md")
        // Withdrawn: 5.4 is gone.
        new.remove("5.4")
        // Re-dated: July 2008 (31 July) to September 2008 (30 September).
        new.edit("15.1") { $0.due = DueDateReader.read("September 2008", reference: published) }
        // Re-assigned lead: one officer replaced.
        new.edit("15.3") { $0.leads = ["Annette Hogarth", "Jo Smith"] }
        // Moved to another partner's folder.
        let moved = try XCTUnwrap(new.actions.first { $0.action.ref == ref("13.1") })
        new.remove("13.1")
        new.insert(moved.action, into: "sections/lcc-learning-services/13.md")
        // Status: none to on track.
        new.edit("15.4") { $0.status = .onTrack }
        // Text: two words out, two in.
        new.edit("15.5") { $0.text = "Increase breastfeeding rates for mothers under 19" }
        // Success criteria: one removed, one added, the rest reordered.
        new.edit("5.3") {
            $0.success.removeAll { $0 == "Agreed quality standard and specification of Sex and Relationship Education" }
            $0.success.reverse()
            $0.success.append("Quality standard agreed with every secondary school")
        }
        // Other fields: resources written, notes changed.
        new.edit("3.1") { $0.resources = "School improvement grant" }

        let diff = PlanDiff(from: old, to: new)
        XCTAssertEqual(
            diff.actions.map(\.ref.description), ["3.1", "5.3", "5.4", "13.1", "15.1", "15.3", "15.4", "15.5", "15.6"])
        XCTAssertEqual(
            diff.actions.map(\.kinds),
            [
                [.other], [.success], [.withdrawn], [.reassigned], [.redated], [.reassigned], [.status], [.text],
                [.added],
            ])

        let added = try XCTUnwrap(diff.action(ref("15.6")))
        XCTAssertEqual(added.partner, "uhl")
        XCTAssertEqual(added.recommendation, 15)
        XCTAssertEqual(added.text, "Train midwives in brief interventions")
        XCTAssertEqual(added.dueText, "March 2009")
        XCTAssertEqual(added.leads, ["Jane Porter"])

        let withdrawn = try XCTUnwrap(diff.action(ref("5.4")))
        XCTAssertEqual(withdrawn.partner, "lcc-teenage-pregnancy")
        XCTAssertEqual(withdrawn.dueText, "2008-10")
        XCTAssertTrue(withdrawn.text.hasPrefix("Improve access to contraception"))

        let redated = try XCTUnwrap(diff.action(ref("15.1")).flatMap(\.due))
        XCTAssertEqual(redated.old?.text, "July 2008")
        XCTAssertEqual(redated.new?.text, "September 2008")
        XCTAssertEqual(redated.old?.end, Day(year: 2008, month: 7, day: 31))
        XCTAssertEqual(redated.new?.end, Day(year: 2008, month: 9, day: 30))
        XCTAssertEqual(redated.days, 61)
        XCTAssertEqual(redated.direction, .later)

        let lead = try XCTUnwrap(diff.action(ref("15.3")))
        XCTAssertEqual(
            lead.leadChange,
            ValueChange(old: ["Paul Vaughan", "Annette Hogarth"], new: ["Annette Hogarth", "Jo Smith"]))
        XCTAssertNil(lead.partnerChange)
        XCTAssertEqual(lead.partners, ["leicester-pct"])

        let move = try XCTUnwrap(diff.action(ref("13.1")))
        XCTAssertEqual(move.partnerChange, ValueChange(old: "leicester-pct", new: "lcc-learning-services"))
        XCTAssertNil(move.leadChange)
        XCTAssertEqual(move.partner, "lcc-learning-services")
        XCTAssertEqual(move.partners, ["leicester-pct", "lcc-learning-services"])

        let status = try XCTUnwrap(diff.action(ref("15.4")))
        XCTAssertEqual(status.statusChange, ValueChange(old: nil, new: .onTrack))

        let text = try XCTUnwrap(diff.action(ref("15.5")).flatMap(\.textChange))
        XCTAssertEqual(text.old, "Increase breastfeeding rates for young mothers under-19")
        XCTAssertEqual(text.new, "Increase breastfeeding rates for mothers under 19")
        XCTAssertEqual(text.removed, ["young", "under-19"])
        XCTAssertEqual(text.added, ["under 19"])

        let success = try XCTUnwrap(diff.action(ref("5.3")).flatMap(\.successChange))
        XCTAssertEqual(success.removed, ["Agreed quality standard and specification of Sex and Relationship Education"])
        XCTAssertEqual(success.added, ["Quality standard agreed with every secondary school"])

        XCTAssertEqual(diff.action(ref("3.1"))?.otherFields, [.resources])

        // Grouped by recommendation in number order, by partner in id order, with totals.
        XCTAssertEqual(diff.byRecommendation.map(\.number), [3, 5, 13, 15])
        XCTAssertEqual(diff.byRecommendation.map { $0.actions.count }, [1, 2, 1, 5])
        XCTAssertTrue(diff.byRecommendation.allSatisfy { $0.change == nil })
        XCTAssertEqual(
            diff.byRecommendation.first { $0.number == 13 }?.text,
            old.manifest.recommendation(13)?.text)
        XCTAssertEqual(
            diff.byPartner.map(\.id),
            [
                "lcc-learning-services", "lcc-teenage-pregnancy", "leicester-pct", "uhl",
            ])
        let learning = try XCTUnwrap(diff.byPartner.first)
        XCTAssertEqual(learning.actions.map(\.description), ["3.1", "13.1"])
        XCTAssertEqual(learning.kinds, [.reassigned, .other])
        let pct = try XCTUnwrap(diff.byPartner.first { $0.id == "leicester-pct" })
        XCTAssertEqual(pct.name, "Leicester City Primary Care Trust")
        XCTAssertEqual(pct.actions.map(\.description), ["13.1", "15.1", "15.3"])
        XCTAssertEqual(pct.totals, [.reassigned: 2, .redated: 1])
        XCTAssertEqual(diff.kinds, [.added, .withdrawn, .redated, .reassigned, .status, .text, .success, .other])
        XCTAssertEqual(diff.totals[.reassigned], 2)
        XCTAssertEqual(diff.totals.filter { $0.key != .reassigned }.values.max(), 1)
        XCTAssertFalse(diff.isEmpty)
    }

    func testAnActionCanCarrySeveralKindsAndUnknownEndsGiveNoDayCount() throws {
        let old = try loadLeicester()
        var new = old
        new.edit("15.2") {
            $0.due = DueDateReader.read("ongoing")
            $0.status = .done
            $0.leads = ["Annette Hogarth"]
        }
        let change = try XCTUnwrap(PlanDiff(from: old, to: new).action(ref("15.2")))
        XCTAssertEqual(change.kinds, [.redated, .reassigned, .status])
        XCTAssertEqual(change.due?.old?.text, "April 2008 – March 2009")
        XCTAssertEqual(change.due?.new?.text, "ongoing")
        XCTAssertNil(change.due?.days)
        XCTAssertNil(change.due?.direction)
        XCTAssertEqual(change.dueText, "ongoing")
        XCTAssertEqual(change.status, .done)
    }

    func testEarlierDueDateCountsNegativeDays() throws {
        let old = try loadLeicester()
        var new = old
        new.edit("15.1") { $0.due = DueDateReader.read("1.7.08") }
        let due = try XCTUnwrap(PlanDiff(from: old, to: new).action(ref("15.1"))?.due)
        XCTAssertEqual(due.days, -30)
        XCTAssertEqual(due.direction, .earlier)
    }

    func testRecommendationAndPartnerChanges() throws {
        let old = try loadLeicester()
        var new = old
        let index = try XCTUnwrap(new.manifest.recommendations.firstIndex { $0.number == 3 })
        new.manifest.recommendations[index].text += " and used by every school"
        new.manifest.recommendations[index].timescale = "six-months"
        new.manifest.recommendations[index].officer = nil
        new.manifest.recommendations.append(
            Recommendation(number: 17, text: "Improve transition planning", timescale: "longer-term", lead: "uhl"))
        new.manifest.recommendations.removeAll { $0.number == 14 }
        new.manifest.partners.append(Partner(id: "leicester-college", name: "Leicester College"))
        new.manifest.partners.removeAll { $0.id == "connexions" }
        let pct15 = try XCTUnwrap(new.sections.firstIndex { $0.path == "sections/leicester-pct/15.md" })
        new.sections[pct15].blocks.append(TextBlock(kind: .positionStatement, lines: ["Signed off in May 2008."]))

        let diff = PlanDiff(from: old, to: new)
        XCTAssertEqual(diff.actions, [])
        XCTAssertEqual(diff.byRecommendation.map(\.number), [3, 14, 15, 17])
        let three = try XCTUnwrap(diff.byRecommendation[0].change)
        XCTAssertEqual(three.kinds, [.recommendationChanged])
        XCTAssertEqual(three.textChange?.added, ["and used by every school"])
        XCTAssertEqual(three.textChange?.removed, [])
        XCTAssertEqual(three.timescale, ValueChange(old: "immediate", new: "six-months"))
        XCTAssertEqual(three.officer, ValueChange(old: "Richard Whitehouse", new: nil))
        XCTAssertNil(three.lead)
        XCTAssertEqual(diff.byRecommendation[1].change?.kinds, [.recommendationRemoved])
        XCTAssertEqual(diff.byRecommendation[1].text, old.manifest.recommendation(14)?.text)
        let fifteen = try XCTUnwrap(diff.byRecommendation[2].change)
        XCTAssertEqual(fifteen.kinds, [.recommendationBlocks])
        XCTAssertEqual(fifteen.blocks.map(\.kind), [.positionStatement])
        XCTAssertEqual(fifteen.blocks.first?.change, .added)
        XCTAssertEqual(fifteen.blocks.first?.text.added, ["Signed off in May 2008."])
        XCTAssertEqual(diff.byRecommendation[3].change?.kinds, [.recommendationAdded])
        XCTAssertEqual(diff.byRecommendation[3].text, "Improve transition planning")
        XCTAssertEqual(
            diff.partners,
            [
                PartnerChange(
                    id: "connexions", name: try XCTUnwrap(old.manifest.partner("connexions")?.name), change: .removed),
                PartnerChange(id: "leicester-college", name: "Leicester College", change: .added),
            ])
        XCTAssertEqual(diff.byPartner.map(\.actions), [[], []])
        XCTAssertEqual(
            diff.kinds,
            [
                .recommendationAdded, .recommendationRemoved, .recommendationChanged,
                .recommendationBlocks, .partnerAdded, .partnerRemoved,
            ])
    }

    func testWordDiffFindsRunsAndStaysFastOnHugeTexts() {
        let runs = WordDiff.runs(from: "a b c d e f", to: "a x c d y f")
        XCTAssertEqual(runs.removed, ["b", "e"])
        XCTAssertEqual(runs.added, ["x", "y"])
        XCTAssertEqual(WordDiff.runs(from: "", to: "new words").added, ["new words"])
        XCTAssertEqual(WordDiff.runs(from: "same", to: "same"), WordDiff.Runs(removed: [], added: []))
        let huge = (0..<20_000).map { "w\($0)" }
        let old = huge.joined(separator: " ")
        let new = huge.reversed().joined(separator: " ")
        // Capped: the whole middle as one run each (no timing here: timing belongs in make bench).
        let capped = WordDiff.runs(from: "keep " + old + " end", to: "keep " + new + " end")
        XCTAssertEqual(capped.removed, [old])
        XCTAssertEqual(capped.added, [new])
    }

    func testTheDiffRoundTripsThroughJSON() throws {
        let old = try loadLeicester()
        var new = old
        new.edit("15.4") { $0.status = .onTrack }
        new.remove("5.4")
        let diff = PlanDiff(from: old, to: new)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(diff)
        XCTAssertEqual(try JSONDecoder().decode(PlanDiff.self, from: data), diff)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""statusChange":{"new":"on track","old":null}"#), text)
        XCTAssertTrue(text.contains(#""totals":{"added":0,"#), text)
    }
}

/// Edits of a loaded plan, as a partner would make them in its files.
extension Plan {
    mutating func edit(_ ref: String, _ change: (inout Action) -> Void) {
        for s in sections.indices {
            for a in sections[s].actions.indices where sections[s].actions[a].ref.description == ref {
                change(&sections[s].actions[a])
            }
        }
    }

    mutating func remove(_ ref: String) {
        for s in sections.indices { sections[s].actions.removeAll { $0.ref.description == ref } }
    }

    /// Appends an action to a section file, creating the file when the partner has none.
    mutating func insert(_ action: Action, into path: String) {
        if let s = sections.firstIndex(where: { $0.path == path }) {
            sections[s].actions.append(action)
        } else {
            let split = SectionFile.splitPath(path)!
            sections.append(
                SectionFile(
                    path: path, partner: split.partner, recommendation: action.ref.recommendation,
                    actions: [action]))
            sections.sort { $0.path < $1.path }
        }
    }

    mutating func reverseActions(in path: String) {
        for s in sections.indices where sections[s].path == path { sections[s].actions.reverse() }
    }

    mutating func renameSection(_ path: String, to newPath: String) {
        for s in sections.indices where sections[s].path == path { sections[s].path = newPath }
        sections.sort { $0.path < $1.path }
    }
}
