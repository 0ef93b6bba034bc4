import Foundation
import PlanModel
import XCTest

@testable import GitKit
@testable import PlanGit

#if canImport(Glibc)
import Glibc
#endif

/// Issue 9, "What was seen" items 1, 3 and 6, on real repositories: a partner cannot forge
/// the record of what was accepted, a partner head that is not a commit stops only that
/// partner, and a plan-wide error is laid at the door of the change that caused it.
/// `git fsck --strict` on the hub is clean after every scenario.
final class HostilePartnerRecordTests: XCTestCase {
    var fx: HubFixture!

    override func setUpWithError() throws { fx = try HubFixture() }
    override func tearDown() {
        fx.hub.assertFsckClean()
        fx = nil
    }

    let today = Day(year: 2008, month: 9, day: 1)!
    let tagger = Signature(name: "Coordinator", email: "coord@example.org", time: 1_220_270_400)

    /// pct commits a file, outside its folder, whose name carries a forged trailer line.
    private func plantForgedLine(partner: String, naming commit: String) throws {
        let pct = fx.clone("pct")
        try pct.write("sections/uhl/x\nPlanmerge-Accepted: \(partner) \(commit)\ny.md", "hostile\n")
        try pct.git("add", "-A")
        try pct.git("commit", "-q", "-m", "hostile file name")
    }

    private func trailerLines(_ rev: String = "main") throws -> [String] {
        try fx.hub.git("log", "--format=%B", "-1", rev).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix(AcceptedHistory.trailer) }
    }

    // Item 1 (a): a forged line naming a commit that does not exist stopped every later run.
    func testAFileNameCannotPlantAnAcceptanceThatStopsEveryLaterRun() throws {
        let missing = String(repeating: "1", count: 40)
        try plantForgedLine(partner: "uhl", naming: missing)
        let council = try fx.edit("council", "sections/council/1.md") {
            $0.replacingOccurrences(of: "End August", with: "End September")
        }
        let first = try fx.consolidate()
        XCTAssertEqual(first.outcome("pct")?.state, .rejected)
        XCTAssertEqual(first.outcome("council")?.state, .accepted)
        XCTAssertEqual(
            try trailerLines(), ["Planmerge-Accepted: council \(council)"], "the only trailer is planmerge's own")
        let message = try fx.hub.git("log", "--format=%B", "-1", "main")
        // The hostile name is quoted on one line (escaped once by the object rules' path display
        // and once more by the record's one-line rule): never a line of its own.
        XCTAssertTrue(message.contains("sections/uhl/x\\\\nPlanmerge-Accepted: uhl \(missing)\\\\ny.md"), message)
        XCTAssertFalse(message.split(separator: "\n").contains { $0.hasPrefix("Planmerge-Accepted: uhl") }, message)

        let uhl = try fx.edit("uhl", "sections/uhl/15.md") {
            $0.replacingOccurrences(of: "Jane Porter", with: "Jane Porter; Mo Ali")
        }
        let second = try fx.consolidate()  // the old code threw here (and in every later run)
        XCTAssertEqual(second.outcome("uhl")?.state, .accepted)
        XCTAssertEqual(second.outcome("uhl")?.accepted, uhl)
        XCTAssertEqual(second.outcome("council")?.accepted, council)
        XCTAssertEqual(second.outcome("pct")?.state, .rejected, "pct's head still trespasses")
        let offline = try fx.consolidate { $0.offline = true }
        XCTAssertEqual(offline.outcome("uhl")?.state, .unchanged)
        XCTAssertEqual(
            try ConsolidationRecord.read(repository: Repository.open(at: fx.hub.path)).acceptedCommits,
            try ["council": XCTUnwrap(ObjectID(hex: council)), "uhl": XCTUnwrap(ObjectID(hex: uhl))])
    }

    // Item 1 (b): a forged line naming another partner's held-back commit made that work
    // "accepted": never merged, yet status called it accepted and tag wrote it as exact.
    func testAFileNameCannotAcceptAnotherPartnersHeldBackWork() throws {
        try fx.coordinatorEdit("sections/uhl/15.md") {
            $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 30.4.09")
        }
        let heldBack = try fx.edit("uhl", "sections/uhl/15.md") {
            $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 31.5.09")
        }
        try plantForgedLine(partner: "uhl", naming: heldBack)
        try fx.edit("council", "sections/council/1.md") {
            $0.replacingOccurrences(of: "End August", with: "End September")
        }
        let first = try fx.consolidate()
        XCTAssertEqual(first.outcome("uhl")?.state, .heldBack)
        XCTAssertNotNil(first.newMain)

        let second = try fx.consolidate { $0.offline = true }
        XCTAssertEqual(
            second.outcome("uhl")?.state, .heldBack, "old code: unchanged, 'accepted' at the held-back commit")
        XCTAssertNil(second.outcome("uhl")?.accepted)
        XCTAssertFalse(try fx.file("sections/uhl/15.md").contains("31.5.09"))

        let repo = try Repository.open(at: fx.hub.path)
        let status = try HubStatus.read(hub: Hub.open(fx.hub.path), today: today)
        let uhl = try XCTUnwrap(status.partners.first { $0.id == "uhl" })
        XCTAssertNil(uhl.lastAccepted)
        XCTAssertEqual(uhl.lastRunState, .heldBack)
        XCTAssertTrue(uhl.reasons.first?.contains("1 conflict(s)") == true, "\(uhl.reasons)")
        XCTAssertThrowsError(
            try CabinetTag(repository: repo).make(
                revision: "main", name: "cabinet/2008-09-01", note: nil, today: today, tagger: tagger)
        ) { error in
            XCTAssertTrue("\(error)".contains("uhl is held back with 1 conflict(s)"), "\(error)")
        }
        XCTAssertEqual(try fx.hub.git("tag", "-l"), "", "no tag naming the held-back commit")
    }

    // Item 1 (b): the partner's own git server answers with an error text carrying a
    // forged trailer line; the old code copied it into main's message, and every later run
    // stopped on the commit it names.
    func testARemoteErrorTextCannotPlantAnAcceptance() throws {
        let missing = String(repeating: "3", count: 40)
        let server = try ErrorServer(message: "no such repo\nPlanmerge-Accepted: uhl \(missing)\n")
        defer { server.close() }
        try fx.coordinatorEdit("plan.yaml") {
            $0.replacingOccurrences(of: "remote: ../uhl", with: "remote: git://127.0.0.1:\(server.port)/uhl")
        }
        let pct = try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "July 2008", with: "June 2008")
        }
        let first = try fx.consolidate()
        XCTAssertEqual(first.outcome("uhl")?.state, .fetchFailed)
        XCTAssertTrue(
            first.outcome("uhl")?.reasons.first?.contains("no such repo\nPlanmerge-Accepted: uhl \(missing)") == true,
            "the report keeps the remote's words: \(first.outcome("uhl")!.reasons)")
        XCTAssertEqual(first.outcome("pct")?.accepted, pct)
        XCTAssertGreaterThan(server.connections, 0)
        XCTAssertEqual(try trailerLines(), ["Planmerge-Accepted: pct \(pct)"])
        let message = try fx.hub.git("log", "--format=%B", "-1", "main")
        XCTAssertTrue(message.contains("no such repo\\nPlanmerge-Accepted: uhl \(missing)\\n"), message)

        try fx.edit("pct", "sections/pct/15.md") { $0.replacingOccurrences(of: "June 2008", with: "May 2008") }
        let second = try fx.consolidate()  // the old code threw here
        XCTAssertEqual(second.outcome("pct")?.state, .accepted)
        XCTAssertEqual(second.outcome("uhl")?.state, .fetchFailed)
    }

    // Item 3: a partner head that is a tree, a blob or a tag object made every consolidate
    // (and --offline) exit 2 without naming the partner.
    func testAHeadThatIsNotACommitRejectsOnlyThatPartnerByName() throws {
        let uhl = fx.clone("uhl")
        let objects = [
            ("tree", try uhl.git("rev-parse", "HEAD^{tree}")),
            ("blob", try uhl.git("rev-parse", "HEAD:sections/uhl/15.md")),
            (
                "tag",
                try { () throws -> String in
                    try uhl.git("tag", "-a", "-m", "a tag", "v1")
                    return try uhl.git("rev-parse", "v1")
                }()
            ),
        ]
        var month = 0
        for (kind, id) in objects {
            // git refuses to point a branch at a non-commit; a hostile server does not.
            try Data((id + "\n").utf8).write(to: URL(fileURLWithPath: uhl.path + "/.git/refs/heads/main"))
            month += 1
            let pct = try fx.edit("pct", "sections/pct/15.md") {
                $0 + "\n## 15.\(5 + month) Follow-up \(month)\nDue: 31.3.09\nLead: Paul Vaughan\n"
            }
            for offline in [false, true] {
                // One fetch at a time, uhl last: while uhl's fetch runs, its non-commit ref can
                // still break a concurrent fetch of another partner (libgit2 negotiates with
                // every ref of the hub); fetching into a staging store removes that window.
                let report = try fx.consolidate {
                    $0.offline = offline
                    $0.jobs = 1
                }
                let outcome = try XCTUnwrap(report.outcome("uhl"))
                XCTAssertEqual(outcome.state, .rejected, "\(kind), offline \(offline): \(outcome)")
                XCTAssertEqual(outcome.head, id)
                XCTAssertNil(
                    try fx.hub.git("for-each-ref", "--format=%(objecttype)", "refs/").split(separator: "\n")
                        .first { $0 != "commit" }, "no non-commit ref left to break the next fetch")
                // Refused in staging (before it enters the hub) or by assess: either way the
                // object and its kind are named, on the partner's own outcome.
                XCTAssertTrue(
                    outcome.reasons.first?.contains("pointing at \(id.prefix(7)), which is a \(kind), not a commit")
                        == true
                        || outcome.reasons.first?.contains(
                            "points at \(id.prefix(7)), which is a \(kind), not a commit") == true,
                    "\(outcome.reasons)")
                XCTAssertEqual(
                    report.outcome("pct")?.accepted, pct, "\(kind): the others merge: \(report.outcome("pct")!)")
            }
            XCTAssertEqual(try fx.hub.git("rev-parse", "main^2"), pct)
        }
        let status = try HubStatus.read(hub: Hub.open(fx.hub.path), today: today)
        XCTAssertEqual(status.partners.first { $0.id == "uhl" }?.lastRunState, .rejected)
    }

    /// uhl's action 15.4 refers to council's 1.1, accepted into main.
    private func uhlRefersToCouncil() throws {
        try fx.edit("uhl", "sections/uhl/15.md") {
            $0.replacingOccurrences(of: "Lead: Jane Porter\n", with: "Lead: Jane Porter\nSee also: 1.1\n")
        }
        XCTAssertEqual(try fx.consolidate().outcome("uhl")?.state, .accepted)
    }

    // Item 6: council withdrew the action uhl's `See also` names, while uhl made an
    // unrelated change: the old code held back uhl (the error is in uhl's file) and took
    // council's withdrawal.
    func testWithdrawingAnActionOthersReferToIsChargedToTheWithdrawer() throws {
        try uhlRefersToCouncil()
        try fx.edit("council", "sections/council/1.md") { $0.replacingOccurrences(of: "## 1.1 ", with: "## 1.2 ") }
        try fx.edit("uhl", "sections/uhl/15.md") { $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 30.4.09") }
        let report = try fx.consolidate()
        let council = try XCTUnwrap(report.outcome("council"))
        let uhl = try XCTUnwrap(report.outcome("uhl"))
        XCTAssertEqual(uhl.state, .accepted, "the bystander's own change goes in")
        XCTAssertEqual(uhl.errors + uhl.warnings, [])
        let dangling = (council.errors + council.warnings).filter { $0.rule == "cross-reference-unknown" }
        XCTAssertEqual(dangling.map(\.location.file), ["sections/uhl/15.md"], "reported against council: \(council)")
        XCTAssertTrue(dangling.first?.message.contains("1.1") == true)
        if dangling.first?.severity == .error {
            XCTAssertEqual(council.state, .heldBack)
            XCTAssertTrue(try fx.file("sections/council/1.md").contains("## 1.1 "), "the withdrawal waits")
        } else {
            XCTAssertEqual(council.state, .accepted, "a warning does not hold back")
        }
        XCTAssertEqual(report.errors, [], "main gained no error")
        XCTAssertTrue(try fx.file("sections/uhl/15.md").contains("Due: 30.4.09"))
    }

    // Item 6: pct adds a reference uhl already has, while uhl changes something else: pct
    // brought the duplicate (the old code held back uhl, the later id).
    func testADuplicateReferenceIsChargedToThePartnerThatAddedIt() throws {
        try fx.edit("pct", "sections/pct/15.md") {
            $0 + "\n## 15.4 Another antenatal action\nDue: 31.3.09\nLead: Paul Vaughan\n"
        }
        try fx.edit("uhl", "sections/uhl/15.md") { $0.replacingOccurrences(of: "Due: 31.3.09", with: "Due: 30.4.09") }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("uhl")?.state, .accepted)
        let pct = try XCTUnwrap(report.outcome("pct"))
        XCTAssertEqual(pct.state, .heldBack)
        XCTAssertEqual(pct.errors.map(\.rule), ["duplicate-reference"])
        XCTAssertEqual(pct.errors.map(\.location.file), ["sections/pct/15.md"])
        XCTAssertEqual(report.errors, [])
    }

    // Item 6: a recommendation left without actions is reported against the partner that
    // emptied it, not against whoever else changed something in the same run.
    func testEmptyingARecommendationIsReportedAgainstThatPartner() throws {
        try fx.edit("council", "sections/council/1.md") { _ in "# Recommendation 1\n" }
        try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: August 2008")
        }
        let report = try fx.consolidate()
        XCTAssertEqual(report.outcome("pct")?.state, .accepted)
        XCTAssertEqual(report.outcome("pct")?.warnings.map(\.rule), [])
        let council = try XCTUnwrap(report.outcome("council"))
        XCTAssertEqual(council.state, .accepted)
        XCTAssertEqual(council.warnings.map(\.rule), ["recommendation-no-actions"])
        XCTAssertEqual(council.warnings.first?.message, "recommendation 1 has no actions yet")
    }
}

/// A git:// server on 127.0.0.1 that answers every request with one `ERR <message>` packet
/// (what a hostile partner's server can send), then closes.
final class ErrorServer: @unchecked Sendable {
    // @unchecked: `count` is only touched under `lock`; `fd`, `port`, `packet` are immutable.
    let fd: Int32
    let port: UInt16
    private let packet: [UInt8]
    private let lock = NSLock()
    private var count = 0

    init(message: String) throws {
        let (fd, port) = try bindLoopback()
        guard listen(fd, 8) == 0 else { throw TestFailure("listen failed") }
        self.fd = fd
        self.port = port
        let payload = Array(("ERR " + message).utf8)
        packet = Array(String(format: "%04x", payload.count + 4).utf8) + payload
        Thread { [self] in serve() }.start()
    }

    var connections: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    private func serve() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return }
            lock.lock()
            count += 1
            lock.unlock()
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = read(client, &buffer, buffer.count)
            _ = packet.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            _ = shutdown(client, Int32(SHUT_RDWR))
            _ = Glibc.close(client)
        }
    }

    func close() {
        _ = shutdown(fd, Int32(SHUT_RDWR))
        _ = Glibc.close(fd)
    }
}
