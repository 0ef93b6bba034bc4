import Foundation
import PlanModel
import XCTest

@testable import GitKit
@testable import PlanGit

/// The record of what each consolidate decided (`refs/planmerge/record`, docs/RECORD.md):
/// written by every run that could write, read only through `ConsolidationRecord.read`,
/// which believes an acceptance only when main merged that fetched commit.
final class RecordTests: XCTestCase {
    var fx: HubFixture!

    override func setUpWithError() throws { fx = try HubFixture() }
    override func tearDown() {
        fx.hub.assertFsckClean()
        fx = nil
    }

    let today = Day(year: 2008, month: 9, day: 1)!
    let tagger = Signature(name: "Coordinator", email: "coord@example.org", time: 1_220_270_400)

    private var repository: Repository { get throws { try Repository.open(at: fx.hub.path) } }

    private func storedRun(_ rev: String = HubLayout.recordRef) throws -> RecordedRun {
        try JSONDecoder().decode(
            RecordedRun.self, from: Data(fx.hub.git("show", "\(rev):\(RecordedRun.fileName)").utf8))
    }

    private func recordLength() throws -> Int { Int(try fx.hub.git("rev-list", "--count", HubLayout.recordRef)) ?? -1 }

    private func holdBackUHL() throws -> String {
        try fx.coordinatorEdit("sections/uhl/15.md") {
            $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 30.4.09")
        }
        return try fx.edit("uhl", "sections/uhl/15.md") {
            $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 31.5.09")
        }
    }

    /// A killed run can leave `refs/planmerge/record.lock`: the next run writes main, then
    /// says which file blocks the record and how to clear it.
    func testAStaleRecordLockIsNamedWithItsPathAndTheFix() throws {
        _ = try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "July 2008", with: "June 2008") }
        _ = try fx.consolidate()
        let lockFile = URL(fileURLWithPath: fx.hub.path + "/" + HubLayout.recordRef + ".lock")
        try FileManager.default.createDirectory(
            at: lockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: lockFile)
        _ = try fx.edit("uhl", "sections/uhl/15.md") {
            $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 31.5.09")
        }
        XCTAssertThrowsError(try fx.consolidate()) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains(lockFile.path), text)
            XCTAssertTrue(text.contains("Remove that file if no other run is going on"), text)
        }
        try FileManager.default.removeItem(at: lockFile)
    }

    func testEveryRunIsRecordedAlsoOneThatWroteNoMergeCommit() throws {
        let before = fx.main
        let pct = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "July 2008", with: "June 2008")
        }
        let first = try fx.consolidate()
        let run = try storedRun()
        XCTAssertEqual(run.schema, 1)
        XCTAssertEqual(run.time, "2008-08-29T08:53:20Z")
        XCTAssertEqual(run.previousMain, before)
        XCTAssertEqual(run.newMain, first.newMain)
        XCTAssertEqual(run.partners.map(\.partner), ["council", "pct", "uhl"])
        XCTAssertEqual(
            run.outcome("pct"),
            RecordedOutcome(
                partner: "pct", state: .accepted, fetchedHead: pct, acceptedHead: pct, commits: 1, reasons: []))
        XCTAssertEqual(run.outcome("uhl")?.state, .unchanged)
        XCTAssertEqual(try recordLength(), 1)

        let uhl = try holdBackUHL()
        let mainNow = fx.main
        let second = try fx.consolidate()
        XCTAssertNil(second.newMain)
        let held = try storedRun()
        XCTAssertNil(held.newMain, "a run that wrote no merge commit is recorded too")
        XCTAssertEqual(held.previousMain, mainNow)
        XCTAssertEqual(held.outcome("uhl")?.state, .heldBack)
        XCTAssertEqual(held.outcome("uhl")?.fetchedHead, uhl)
        XCTAssertNil(held.outcome("uhl")?.acceptedHead)
        XCTAssertTrue(
            held.outcome("uhl")?.reasons.first?.hasPrefix("1 conflict(s) with changes made on the hub") == true)
        XCTAssertEqual(try recordLength(), 2)
        XCTAssertEqual(
            try fx.hub.git("log", "-1", "--format=%s", HubLayout.recordRef),
            "planmerge record: main \(mainNow.prefix(7)), nothing written; held-back uhl")

        _ = try fx.consolidate()
        XCTAssertEqual(try recordLength(), 2, "the same decision again is not stored again")
        _ = try fx.consolidate { $0.dryRun = true }
        XCTAssertEqual(try recordLength(), 2, "a dry run records nothing")

        let record = try ConsolidationRecord.read(repository: repository)
        XCTAssertEqual(record.acceptedCommits, ["pct": try XCTUnwrap(ObjectID(hex: pct))])
        XCTAssertEqual(record.accepted["pct"]?.recorded, true)
        XCTAssertEqual(record.latestOutcome("uhl")?.state, .heldBack)
        XCTAssertEqual(record.diagnostics, [])
    }

    func testAStrictRunThatWroteNothingRecordsTheMergeableWorkAsHeldBack() throws {
        try holdBackUHL()
        let pct = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "July 2008", with: "June 2008")
        }
        let report = try fx.consolidate { $0.strict = true }
        XCTAssertNil(report.newMain)
        let pctRun = try XCTUnwrap(try storedRun().outcome("pct"))
        XCTAssertEqual(pctRun.state, .heldBack)
        XCTAssertEqual(pctRun.fetchedHead, pct)
        XCTAssertNil(pctRun.acceptedHead)
        XCTAssertEqual(
            pctRun.reasons,
            ["not written: --strict, and not every partner could be accepted; its last accepted version stands"])
        XCTAssertEqual(try ConsolidationRecord.read(repository: repository).acceptedCommits, [:])
    }

    /// A record commit written by hand (not by planmerge: a partner cannot push one) that
    /// claims uhl's held-back commit was accepted in the main commit the last run wrote.
    func testARecordedAcceptanceThatMainDidNotMergeIsIgnored() throws {
        let uhl = try holdBackUHL()
        let pct = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "July 2008", with: "June 2008")
        }
        _ = try fx.consolidate()
        var forged = try storedRun()
        let index = try XCTUnwrap(forged.partners.firstIndex { $0.partner == "uhl" })
        forged.partners[index].state = .accepted
        forged.partners[index].acceptedHead = uhl
        let repo = try repository
        let blob = try repo.writeBlob(Array(try JSONEncoder.record.encode(forged)))
        let tree = try repo.writeTree(files: [RecordedRun.fileName: (blob, .blob)])
        let tip = try XCTUnwrap(repo.directTarget(HubLayout.recordRef))
        let commit = try repo.createCommit(
            tree: tree, parents: [tip], author: tagger, committer: tagger, message: "forged\n")
        try repo.updateReference(HubLayout.recordRef, to: commit, expected: tip, message: "forged")
        // The forged run claims to have written the current main.
        XCTAssertEqual(forged.newMain, fx.main)

        let record = try ConsolidationRecord.read(repository: repo)
        XCTAssertEqual(record.acceptedCommits, ["pct": try XCTUnwrap(ObjectID(hex: pct))])
        XCTAssertEqual(record.diagnostics.count, 1)
        XCTAssertTrue(
            record.diagnostics.first?.contains("says uhl was accepted at \(uhl.prefix(7))") == true,
            "\(record.diagnostics)")
        let again = try fx.consolidate { $0.offline = true }
        XCTAssertEqual(again.outcome("uhl")?.state, .heldBack)
        XCTAssertNil(again.outcome("uhl")?.accepted)
        let status = try HubStatus.read(hub: Hub.open(fx.hub.path), today: today)
        XCTAssertNil(status.partners.first { $0.id == "uhl" }?.lastAccepted)
        XCTAssertEqual(status.recordDiagnostics, record.diagnostics)
    }

    /// A hub consolidated before the record existed: trailers are read, each believed only
    /// when the commit carrying it merged the named commit. A forged line already in main's
    /// history (the old escape) is ignored instead of stopping every run.
    func testAnOlderHubIsReadFromItsCheckedTrailers() throws {
        let pct = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "July 2008", with: "June 2008")
        }
        _ = try fx.consolidate()
        try fx.hub.git("update-ref", "-d", HubLayout.recordRef)
        let uhl = try holdBackUHL()
        // What the old code wrote when a rejection reason carried a newline: a second
        // trailer naming a commit main never merged (here, uhl's held-back one).
        let poisoned = try fx.hub.git(
            "commit-tree", "\(fx.main)^{tree}", "-p", fx.main, "-m",
            "Consolidate 0 partners\n\nRejected pct: sections/uhl/x\nPlanmerge-Accepted: uhl \(uhl)\nPlanmerge-Accepted: pct \(String(repeating: "2", count: 40))"
        )
        try fx.hub.git("update-ref", "refs/heads/main", poisoned)

        let record = try ConsolidationRecord.read(repository: repository)
        XCTAssertEqual(record.acceptedCommits, ["pct": try XCTUnwrap(ObjectID(hex: pct))])
        XCTAssertEqual(record.accepted["pct"]?.recorded, false)
        XCTAssertEqual(record.diagnostics.count, 2, "\(record.diagnostics)")
        let report = try fx.consolidate()  // the old code threw: the forged pct trailer names no object
        XCTAssertEqual(report.outcome("uhl")?.state, .heldBack)
        XCTAssertEqual(report.outcome("pct")?.state, .unchanged)
        XCTAssertEqual(report.outcome("pct")?.accepted, pct)
    }

    func testTheTagNamesPartnersWhoseNewerWorkIsNotIncludedAndStrictRefuses() throws {
        let accepted = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "July 2008", with: "June 2008")
        }
        _ = try fx.consolidate()
        try fx.edit("pct", "sections/uhl/15.md") { $0.replacingOccurrences(of: "Jane Porter", with: "Someone Else") }
        let rejected = try fx.consolidate()
        XCTAssertEqual(rejected.outcome("pct")?.state, .rejected)
        let pctHead = try XCTUnwrap(rejected.outcome("pct")?.head)
        let repo = try repository

        XCTAssertThrowsError(
            try CabinetTag(repository: repo).make(
                revision: "main", name: "cabinet/strict", note: nil, today: today, tagger: tagger, strict: true)
        ) { error in
            XCTAssertTrue(
                "\(error)".contains(
                    "pct: newer work not included: its published \(pctHead.prefix(7)) is rejected: sections/uhl/15.md belongs to"
                ), "\(error)")
        }
        XCTAssertEqual(try fx.hub.git("tag", "-l"), "")
        let made = try CabinetTag(repository: repo).make(
            revision: "main", name: "cabinet/2008-09-01", note: nil, today: today, tagger: tagger)
        XCTAssertEqual(made.warnings.count, 1)
        XCTAssertTrue(
            made.warnings.first?.hasPrefix(
                "pct: newer work not included: its published \(pctHead.prefix(7)) is rejected") == true,
            "\(made.warnings)")
        XCTAssertTrue(made.message.contains("  pct \(accepted) "), made.message)
        XCTAssertTrue(
            made.message.contains(
                "Not included (newer work of these partners is not in this version):\n  pct: newer work not included"),
            made.message)
    }

    func testATagFailsClosedWhenThePendingWorkCannotBeChecked() throws {
        // A clean plan, but in a repository consolidate refuses to run on (main checked out
        // in a work tree): the old code swallowed that and tagged without the check.
        let work = try TestRepo(cloneOf: fx.hub, name: "work")
        XCTAssertThrowsError(
            try CabinetTag(repository: Repository.open(at: work.path)).make(
                revision: "main", name: "cabinet/x", note: nil, today: today, tagger: tagger)
        ) { error in
            XCTAssertTrue(error is CabinetTag.Refusal, "\(error)")
            XCTAssertTrue("\(error)".contains("the partners' pending work could not be checked"), "\(error)")
        }
        XCTAssertEqual(try work.git("tag", "-l"), "")
    }

    func testNobodyPushesToPlanmergesOwnReferences() throws {
        let repo = try repository
        let main = try XCTUnwrap(ObjectID(hex: fx.main))
        let zero = ObjectID(bytes: [UInt8](repeating: 0, count: 20))
        for name in [HubLayout.recordRef, HubLayout.fetchedRef("uhl")] {
            let verdicts = try PushCheck(repository: repo).check(
                [RefUpdate(name: name, old: zero, new: main)], pusher: "anyone")
            XCTAssertEqual(verdicts.first?.report.refusals.count, 1)
            XCTAssertTrue(
                verdicts.first?.report.refusals.first?.hasPrefix("\(name) is planmerge's own") == true, "\(verdicts)")
        }
    }

    func testPartnerTextBecomesOneLine() {
        XCTAssertEqual(RecordText.oneLine("a\nPlanmerge-Accepted: x\r\tb\\c"), "a\\nPlanmerge-Accepted: x\\r\\tb\\\\c")
        XCTAssertEqual(RecordText.oneLine("x\u{2028}y\u{202E}z\u{1B}[31m"), "x\\u{2028}y\\u{202E}z\\u{1B}[31m")
        XCTAssertEqual(RecordText.oneLine("Jane Porter – 15.4"), "Jane Porter – 15.4")
        let long = RecordText.oneLine(String(repeating: "e", count: 10_000))
        XCTAssertEqual(long, String(repeating: "e", count: RecordText.maxCharacters) + "…")
        XCTAssertFalse(RecordText.oneLine("\n\u{85}\u{2029}\r").contains { $0.isNewline })
        XCTAssertTrue(RecordText.isOneLine(RecordText.oneLine("a\nb\\c")))
        XCTAssertFalse(RecordText.isOneLine("a\nb"))
    }
}
