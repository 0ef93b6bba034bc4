import Foundation
import PlanModel
import XCTest

/// Pushers compared case-insensitively; partner set and coordinator set edit in place.
final class ServerManifestTests: XCTestCase {
    let manifest = """
        # The coordinator's comment
        planmerge: 1
        title: Plan
        authority: Council
        inspection:
          name: JAR
        deadline:
          working-days: 70
          first-day: publication
        committees: []
        timescales:
          - id: immediate
            name: Now
        recommendations: []
        partners:
          - id: pct
            # the PCT's own comment
            name: Primary Care Trust
            officers: [Paul Vaughan, Ann Hogarth]
            pushers: [pvaughan]
        coordinator:
          pushers: [coordinator]   # who edits the manifest
        policy:
          required: [lead]
          missing: warning

        """

    func testUserNamesCompareWithoutCapitals() {
        XCTAssertTrue(UserName.same("PVaughan", "pvaughan"))
        XCTAssertTrue(UserName.same(" pvaughan ", "PVAUGHAN"))
        XCTAssertFalse(UserName.same("pvaughan", "pvaughn"))
        XCTAssertTrue(UserName.list(["coordinator", "pvaughan"], contains: "PVaughan"))
    }

    func testPartnerSetKeepsCommentsAndOfficers() throws {
        let change = ManifestEditor.PartnerChange(
            remote: .some("ssh://git@nhs.example/pct.git"), addPushers: ["AHogarth"])
        let (text, partner) = try ManifestEditor(text: manifest).settingPartner("pct", change)
        XCTAssertTrue(text.contains("    # the PCT's own comment\n"))
        XCTAssertTrue(text.contains("# The coordinator's comment\n"))
        XCTAssertTrue(text.contains("    officers: [Paul Vaughan, Ann Hogarth]\n"))
        XCTAssertTrue(text.contains("    pushers: [pvaughan, AHogarth]\n"))
        XCTAssertTrue(text.contains("    remote: \"ssh://git@nhs.example/pct.git\"\n"))
        XCTAssertEqual(partner.officers, ["Paul Vaughan", "Ann Hogarth"])
        let read = try XCTUnwrap(ManifestReader().read(Array(text.utf8)).manifest)
        XCTAssertEqual(read.partner("pct")?.remote, "ssh://git@nhs.example/pct.git")
        XCTAssertEqual(read.partner("pct")?.pushers, ["pvaughan", "AHogarth"])

        let removed = try ManifestEditor(text: text).settingPartner(
            "pct", ManifestEditor.PartnerChange(remote: .some(nil), removePushers: ["PVAUGHAN"]))
        XCTAssertFalse(removed.text.contains("remote:"))
        XCTAssertEqual(removed.partner.pushers, ["AHogarth"])
        XCTAssertTrue(removed.text.contains("    # the PCT's own comment\n"))
    }

    func testPartnerSetOfAnUnknownPartnerIsRefused() {
        XCTAssertThrowsError(try ManifestEditor(text: manifest).settingPartner("police", .init(name: "Police"))) {
            XCTAssertEqual($0 as? ManifestEditor.EditError, .noSuchPartner("police"))
        }
    }

    func testCoordinatorSetKeepsTheComment() throws {
        let text = try ManifestEditor(text: manifest).settingCoordinatorPushers(["admin", "jsmith"])
        XCTAssertTrue(text.contains("  pushers: [admin, jsmith]   # who edits the manifest\n"))
        XCTAssertEqual(ManifestReader().read(Array(text.utf8)).manifest?.coordinator.pushers, ["admin", "jsmith"])
    }

    func testARemoteWithAPasswordIsAnError() throws {
        let withPassword = manifest.replacingOccurrences(
            of: "    pushers: [pvaughan]\n",
            with: "    pushers: [pvaughan]\n    remote: https://hub:s3cret@nhs.example/pct.git\n")
        let folder = NSTemporaryDirectory() + "planmerge-remote-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try withPassword.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        let plan = try XCTUnwrap(PlanLoader().load(from: FolderSource(path: folder)).plan)
        let found = RemoteCredentialsCheck().check(plan, context: CheckContext())
        XCTAssertEqual(found.map(\.rule), ["manifest-remote-password"])
        XCTAssertTrue(found[0].message.contains("https://hub:***@nhs.example/pct.git"))
        XCTAssertFalse(found[0].message.contains("s3cret"))
        XCTAssertEqual(
            RemoteURL.scrubbed("https://hub:s3cret@nhs.example/pct.git"), "https://hub:***@nhs.example/pct.git")
    }
}
