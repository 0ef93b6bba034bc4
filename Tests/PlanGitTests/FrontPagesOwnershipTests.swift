import Foundation
import PlanGit
import PlanModel
import XCTest

/// The front pages (`front/*.md`) are the coordinator's, like the manifest: a partner that
/// changes one is refused by the same rule that keeps it inside its own sections folder.
final class FrontPagesOwnershipTests: XCTestCase {
    func testAPartnerChangingAFrontPageIsRefusedAndItsOwnSectionIsNot() {
        let manifest = Manifest(
            title: "Plan", authority: "Council", inspection: Inspection(name: "JAR"), timescales: [],
            recommendations: [], partners: [Partner(id: "pct", name: "Primary Care Trust")])
        let refusals = PathOwnership.refusals(
            paths: ["front/01-introduction.md", "sections/pct/15.md"], partners: ["pct"], manifest: manifest)
        XCTAssertEqual(
            refusals,
            ["front/01-introduction.md belongs to the coordinator; pct may change only sections/pct/"])
        XCTAssertEqual(PathOwnership.owner(of: "front/03-glossary.md", in: manifest), "the coordinator")
    }
}
