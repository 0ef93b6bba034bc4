import Foundation
import PlanModel
import PlanRender
import XCTest

final class JSONRendererTests: XCTestCase {
    func json() throws -> [String: Any] {
        let text = try JSONRenderer.render(SamplePlan.document)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The keys `planmerge show --format json` promises.
    func testHasTheRequiredKeys() throws {
        let root = try json()
        for key in [
            "title", "authority", "inspection", "deadline", "timescales", "recommendations", "partners",
            "actions", "summary", "version",
        ] {
            XCTAssertNotNil(root[key], key)
        }
        let recs = try XCTUnwrap(root["recommendations"] as? [[String: Any]])
        for key in ["number", "timescale", "lead", "text", "blocks"] { XCTAssertNotNil(recs.first?[key], key) }
        let actions = try XCTUnwrap(root["actions"] as? [[String: Any]])
        XCTAssertEqual(actions.count, 9)
        for action in actions {
            for key in [
                "ref", "recommendation", "partner", "text", "lead", "status", "due", "success", "resources",
                "risk", "milestones", "crossReferences",
            ] {
                XCTAssertTrue(action.keys.contains(key), "\(key) missing in \(action["ref"] ?? "?")")
            }
        }
    }

    func testDueIsReadAndNullWhenAbsent() throws {
        let actions = try XCTUnwrap(try json()["actions"] as? [[String: Any]])
        let a62 = try XCTUnwrap(actions.first { $0["ref"] as? String == "6.2" })
        let due = try XCTUnwrap(a62["due"] as? [String: Any])
        XCTAssertEqual(due["kind"] as? String, "period")
        XCTAssertEqual(due["start"] as? String, "2008-11-01")
        XCTAssertEqual(due["end"] as? String, "2009-01-31")
        XCTAssertEqual(a62["crossReferences"] as? [String], ["15.1"])
        XCTAssertEqual(a62["lead"] as? [String], ["Mark Ellis"])
        let a63 = try XCTUnwrap(actions.first { $0["ref"] as? String == "6.3" })
        XCTAssertTrue(a63["status"] is NSNull)
        XCTAssertTrue(a63["resources"] is NSNull)
    }

    func testKeysAreSorted() throws {
        let text = try JSONRenderer.render(SamplePlan.document)
        let authority = try XCTUnwrap(text.range(of: "\"authority\""))
        let title = try XCTUnwrap(text.range(of: "\"title\" :") ?? text.range(of: "\"title\":"))
        XCTAssertLessThan(authority.lowerBound, title.lowerBound)
        XCTAssertFalse(text.contains("\\/"), "slashes are not escaped")
    }
}
