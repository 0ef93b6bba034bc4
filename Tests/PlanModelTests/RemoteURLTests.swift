import PlanModel
import XCTest

/// Where a partner's remote is, as the manifest writes it: relative ones from the hub.
final class RemoteURLTests: XCTestCase {
    func testARelativeRemoteIsTakenFromTheHubsFolder() {
        XCTAssertEqual(
            RemoteURL.resolve("../partners/leicester-pct.git", from: "/srv/plan/hub.git"),
            "/srv/plan/partners/leicester-pct.git")
    }

    func testARelativeRemoteIsTakenFromTheHubsURLInAClone() {
        XCTAssertEqual(
            RemoteURL.resolve("../partners/pct.git", from: "https://plans.example.org/git/hub.git"),
            "https://plans.example.org/git/partners/pct.git")
    }

    func testURLsAbsolutePathsAndScpFormsAreKeptAsWritten() {
        for remote in ["https://example.org/pct.git", "/srv/pct.git", "git@host:pct.git", "ssh://git@host/pct.git"] {
            XCTAssertFalse(RemoteURL.isRelative(remote), remote)
            XCTAssertEqual(RemoteURL.resolve(remote, from: "/srv/plan/hub.git"), remote)
        }
        // An scp-style hub gives no folder to resolve from: kept as written.
        XCTAssertEqual(RemoteURL.resolve("../pct.git", from: "git@host:plan/hub.git"), "../pct.git")
    }
}
