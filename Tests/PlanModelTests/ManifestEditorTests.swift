import Foundation
import PlanModel
import XCTest

final class ManifestEditorTests: XCTestCase {
    func leicester() throws -> String {
        try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Repos/leicester/plan.yaml"), encoding: .utf8)
    }

    func testAddingAPartnerKeepsCommentsAndReadsBack() throws {
        let text = try leicester()
        let police = Partner(
            id: "leicestershire-police", name: "Leicestershire Constabulary",
            remote: "https://git.example.org/police/plan.git",
            officers: ["Insp. A, Jones"], pushers: ["police"])
        let edited = try ManifestEditor(text: text).adding(police)
        let manifest = try XCTUnwrap(ManifestReader().read(Array(edited.utf8)).manifest)
        XCTAssertEqual(manifest.partners.last, police)
        XCTAssertEqual(manifest.partners.count, 12)
        let comments = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        let kept = edited.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        XCTAssertEqual(kept, comments, "every comment is kept")
        XCTAssertThrowsError(try ManifestEditor(text: edited).adding(police)) { error in
            XCTAssertEqual(error as? ManifestEditor.EditError, .partnerExists("leicestershire-police"))
        }
        XCTAssertThrowsError(try ManifestEditor(text: text).adding(Partner(id: "Bad Id", name: "x")))
    }

    func testRemovingAPartner() throws {
        let text = try leicester()
        let edited = try ManifestEditor(text: text).removing("uhl")
        let manifest = try XCTUnwrap(ManifestReader().read(Array(edited.utf8)).manifest)
        XCTAssertNil(manifest.partner("uhl"))
        XCTAssertEqual(manifest.partners.count, 10)
        XCTAssertThrowsError(try ManifestEditor(text: edited).removing("uhl"))
        // Put it back: the same manifest as before.
        let original = try XCTUnwrap(ManifestReader().read(Array(text.utf8)).manifest)
        let restored = try ManifestEditor(text: edited).adding(try XCTUnwrap(original.partner("uhl")))
        XCTAssertEqual(
            Set(try XCTUnwrap(ManifestReader().read(Array(restored.utf8)).manifest).partners.map(\.id)),
            Set(original.partners.map(\.id)))
    }

    func testAddingToAnEmptyList() throws {
        let text =
            "title: T\nauthority: A\ninspection: {name: JAR}\ntimescales: []\nrecommendations: []\npartners: []\n"
        let edited = try ManifestEditor(text: text).adding(Partner(id: "pct", name: "PCT: Leicester"))
        XCTAssertEqual(ManifestReader().read(Array(edited.utf8)).manifest?.partners.map(\.name), ["PCT: Leicester"])
    }
}
