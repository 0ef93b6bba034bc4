import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// Cabinet tags keep their day, meeting and figures (TagMetadata); the history of versions
/// and of one action reads them back.
final class VersionHistoryTests: XCTestCase {
    var fx: HubFixture!

    override func setUpWithError() throws { fx = try HubFixture() }
    override func tearDown() {
        fx.hub.assertFsckClean()
        fx = nil
    }

    func signature(_ day: Int) -> Signature {
        Signature(name: "Coordinator", email: "coord@example.org", time: 1_214_870_400 + Int64(day) * 86_400)
    }

    func testTheMeetingAndFiguresRoundTripThroughTheTagMessage() throws {
        let repo = try Repository.open(at: fx.hub.path)
        let day = Day(year: 2008, month: 9, day: 1)!
        let made = try CabinetTag(repository: repo).make(
            revision: "main", name: "cabinet/2008-09-01", note: "For Cabinet", meeting: "Cabinet",
            meetingDate: Day(year: 2008, month: 9, day: 8), item: "15", today: day, tagger: signature(62))
        let tag = try XCTUnwrap(try repo.tag(named: "cabinet/2008-09-01"))
        let read = try XCTUnwrap(TagMetadata.read(tag))
        XCTAssertTrue(read.structured)
        XCTAssertEqual(read.day, day)
        XCTAssertEqual(read.meeting, "Cabinet")
        XCTAssertEqual(read.meetingDate, Day(year: 2008, month: 9, day: 8))
        XCTAssertEqual(read.item, "15")
        let figures = try XCTUnwrap(read.figures)
        XCTAssertEqual(figures.actions, 4)
        XCTAssertEqual(figures.overdueRefs, ["1.1", "15.1"])
        XCTAssertEqual(figures.countsByLabel["no status"], 4)
        XCTAssertTrue(made.message.contains("Meeting: Cabinet, 2008-09-08, item 15\n"), made.message)
        XCTAssertTrue(made.message.hasSuffix("Planmerge-Item: 15\nPlanmerge-Figures: \(try json(figures))\n"))
    }

    func testAHostileMeetingNameStaysOneLineAndForgesNothing() throws {
        let repo = try Repository.open(at: fx.hub.path)
        let hostile = "Cabinet\nPlanmerge-Day: 1999-01-01\r\u{1B}[31m\u{202E}item"
        let made = try CabinetTag(repository: repo).make(
            revision: "main", name: "cabinet/2008-09-01",
            note: "Note\n\nPlanmerge-Day: 1999-01-01\nPlanmerge-Meeting: forged", meeting: hostile,
            item: "15\nPlanmerge-Figures: {}", today: Day(year: 2008, month: 9, day: 1)!, tagger: signature(62))
        let read = try XCTUnwrap(TagMetadata.read(try XCTUnwrap(try repo.tag(named: "cabinet/2008-09-01"))))
        XCTAssertEqual(read.day, Day(year: 2008, month: 9, day: 1), "the note's forged day is not read")
        XCTAssertEqual(read.meeting, RecordText.oneLine(hostile))
        XCTAssertEqual(read.meeting, "Cabinet\\nPlanmerge-Day: 1999-01-01\\r\\u{1B}[31m\\u{202E}item")
        XCTAssertEqual(read.item, "15\\nPlanmerge-Figures: {}")
        XCTAssertEqual(read.figures?.actions, 4, "the item's forged figures are not read")
        let trailers = made.message.components(separatedBy: "\n\n").last ?? ""
        XCTAssertEqual(
            trailers.split(separator: "\n").map { String($0.prefix { $0 != ":" }) },
            ["Planmerge-Day", "Planmerge-Meeting", "Planmerge-Item", "Planmerge-Figures"])
        XCTAssertFalse(made.message.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\r" })
    }

    func testAnOldStyleTagIsStillRead() throws {
        // A tag made before the trailers: the day comes from the "Plan: ... as of" line.
        try fx.hub.git(
            "tag", "-a", "cabinet/2008-07-08", "-m",
            "Cabinet version cabinet/2008-07-08 of Test plan\n\nCabinet, 8 July 2008, item 15\n\n"
                + "Plan: 4 actions (no status 4); 1 overdue; 0 to be confirmed as of 2008-09-01\n", "main")
        // And one with nothing but its date.
        try fx.hub.git("tag", "-a", "cabinet/bare", "-m", "Cabinet", "main")
        let repo = try Repository.open(at: fx.hub.path)
        let old = try XCTUnwrap(TagMetadata.read(try XCTUnwrap(try repo.tag(named: "cabinet/2008-07-08"))))
        XCTAssertFalse(old.structured)
        XCTAssertEqual(old.day, Day(year: 2008, month: 9, day: 1))
        XCTAssertNil(old.meeting)
        XCTAssertNil(old.figures)
        let bare = try XCTUnwrap(try repo.tag(named: "cabinet/bare"))
        let tagged = try XCTUnwrap(bare.tagger)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day], from: Date(timeIntervalSince1970: Double(tagged.time)))
        XCTAssertEqual(TagMetadata.read(bare)?.day, Day(year: parts.year!, month: parts.month!, day: parts.day!))

        // The version history computes an old tag's figures as of its own day.
        let point = try XCTUnwrap(
            try VersionHistory(repository: repo).point(try XCTUnwrap(try repo.tag(named: "cabinet/2008-07-08"))))
        XCTAssertEqual(point.figures.actions, 4)
        XCTAssertEqual(point.figures.overdueRefs, ["1.1", "15.1"], "as of 1 September 2008, not today")
    }

    /// Three Cabinet versions: pct marks 15.1 on track, uhl re-dates 15.4, the coordinator
    /// changes 15.2's lead on the hub, pct marks 15.1 done.
    func testTheHistoryOfAnActionAcrossThreeCabinetVersions() throws {
        let repo = try Repository.open(at: fx.hub.path)
        let tags = CabinetTag(repository: repo)
        let onTrack = try fx.edit("pct", "sections/pct/15.md", author: "Paul Vaughan <pv@example.org>") {
            $0.replacingOccurrences(of: "Due: July 2008\n", with: "Due: July 2008\nStatus: on track\n")
        }
        _ = try fx.consolidate()
        let first = fx.main
        _ = try tags.make(
            revision: "main", name: "cabinet/2008-07-08", note: nil, meeting: "Cabinet", item: "9",
            today: Day(year: 2008, month: 7, day: 1)!, tagger: signature(7))

        let redated = try fx.edit("uhl", "sections/uhl/15.md", author: "Jane Porter <jp@example.org>") {
            $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 30.6.09")
        }
        _ = try fx.consolidate()
        _ = try tags.make(
            revision: "main", name: "cabinet/2008-09-08", note: nil, meeting: "Cabinet", item: "15",
            today: Day(year: 2008, month: 9, day: 1)!, tagger: signature(69))

        let hubEdit = try fx.coordinatorEdit("sections/pct/15.md") {
            $0.replacingOccurrences(of: "Lead: Annette Hogarth", with: "Lead: Mel Meggs")
        }
        try fx.clone("pct").git("pull", "-q", "--no-rebase", "origin", "main")
        let done = try fx.edit("pct", "sections/pct/15.md", author: "Paul Vaughan <pv@example.org>") {
            $0.replacingOccurrences(of: "Status: on track", with: "Status: done")
        }
        _ = try fx.consolidate()
        _ = try tags.make(
            revision: "main", name: "cabinet/2008-11-03", note: nil, meeting: "Cabinet", item: "4",
            today: Day(year: 2008, month: 11, day: 1)!, tagger: signature(125))

        let history = ActionHistory(repository: repo)
        let h151 = try history.read(ActionRef("15.1")!, head: "main")
        XCTAssertEqual(
            h151.versions.map(\.name), ["cabinet/2008-07-08", "cabinet/2008-09-08", "cabinet/2008-11-03", "main"])
        XCTAssertEqual(h151.versions.map { $0.state?.status }, [.onTrack, .onTrack, .done, .done])
        XCTAssertEqual(h151.versions.map { $0.state?.due }, Array(repeating: "July 2008", count: 4))
        XCTAssertEqual(h151.versions.map { $0.state?.lead }, Array(repeating: ["Paul Vaughan"], count: 4))
        XCTAssertEqual(
            h151.versions.map(\.day),
            [
                Day(year: 2008, month: 7, day: 1), Day(year: 2008, month: 9, day: 1),
                Day(year: 2008, month: 11, day: 1),
                nil,
            ])
        // Seeded (no status), then on track by Paul Vaughan's commit, then done by his later one.
        XCTAssertEqual(h151.changes.map(\.fields), [["added"], ["status"], ["status"]])
        XCTAssertEqual(h151.changes.map { $0.new?.status }, [nil, .onTrack, .done])
        XCTAssertEqual(h151.changes.dropFirst().map(\.partner), ["pct", "pct"])
        XCTAssertEqual(h151.changes.dropFirst().map(\.commit.hex), [onTrack, done])
        XCTAssertEqual(h151.changes.dropFirst().map(\.author.name), ["Paul Vaughan", "Paul Vaughan"])
        XCTAssertEqual(h151.changes[1].main.hex, first)

        let h154 = try history.read(ActionRef("15.4")!, head: "main")
        XCTAssertEqual(h154.versions.map { $0.state?.due }, ["31.3.09", "30.6.09", "30.6.09", "30.6.09"])
        XCTAssertEqual(h154.changes.last?.fields, ["due"])
        XCTAssertEqual(h154.changes.last?.partner, "uhl")
        XCTAssertEqual(h154.changes.last?.commit.hex, redated)
        XCTAssertEqual(h154.changes.last?.author.name, "Jane Porter")

        let h152 = try history.read(ActionRef("15.2")!, head: "main")
        XCTAssertEqual(
            h152.versions.map { $0.state?.lead },
            [
                ["Annette Hogarth"], ["Annette Hogarth"], ["Mel Meggs"], ["Mel Meggs"],
            ])
        let leadChange = try XCTUnwrap(h152.changes.last)
        XCTAssertEqual(leadChange.fields, ["lead"])
        XCTAssertNil(leadChange.partner, "made on the hub, not by a partner")
        XCTAssertEqual(leadChange.commit.hex, hubEdit)
        XCTAssertEqual(leadChange.author.name, "Coordinator")

        // The version history of the last version: three points with their stored figures.
        let plan = try XCTUnwrap(try VersionHistory(repository: repo).plan(at: try repo.resolveCommit("main")))
        let versions = try VersionHistory(repository: repo).upTo(
            revision: "cabinet/2008-09-08", commit: try repo.resolveCommit("cabinet/2008-09-08"), plan: plan,
            today: Day(year: 2008, month: 9, day: 1))
        XCTAssertEqual(versions.points.map(\.name), ["cabinet/2008-07-08", "cabinet/2008-09-08"], "stops at the tag")
        XCTAssertEqual(versions.points.map { $0.figures.countsByLabel["on track"] }, [1, 1])
        XCTAssertEqual(versions.previous?.name, "cabinet/2008-07-08")
        XCTAssertEqual(versions.rendered?.item, "15")
    }

    private func json(_ figures: PlanFigures) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(figures), as: UTF8.self)
    }
}
