import Foundation
import GitKit
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanGit
import PlanModel
import XCTest

@testable import PlanServeCore

let pctBranch = "refs/heads/partners/pct"

/// The JSON API, in process (HummingbirdTesting's router framework), on a real hub.
final class APITests: XCTestCase {

    func testSessionSaysWhoYouAreAndForWhom() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            let session = try await pat.signIn()
            XCTAssertEqual(session["user"] as? String, "pat")
            XCTAssertEqual(session["partners"] as? [String], ["pct"])
            XCTAssertEqual(session["role"] as? String, "officer")
            XCTAssertEqual((session["csrfToken"] as? String)?.count, 64)
            let cora = try await Visitor(client, user: "cora").signIn()
            XCTAssertEqual(cora["role"] as? String, "coordinator")
            XCTAssertEqual(cora["partners"] as? [String], ["council", "pct", "uhl"])
        }
    }

    func testForgedIdentityWithoutTheProxySecretIsRefused() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let forged = try await Visitor(client, user: "cora", secret: nil).send("/api/session")
            XCTAssertEqual(forged.status, .forbidden)
            let wrong = try await Visitor(client, user: "cora", secret: "not-the-secret-at-all-0000000000").send(
                "/api/plan")
            XCTAssertEqual(wrong.status, .forbidden)
            let page = try await Visitor(client, user: "pat", secret: nil).send("/partners/pct")
            XCTAssertEqual(page.status, .forbidden)
            XCTAssertFalse(page.text.contains("Paul Vaughan"))
        }
    }

    func testUnauthenticatedRequestsAreRefused() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let nobody = Visitor(client, user: nil)
            for uri in [
                "/api/session", "/api/plan", "/api/partners/pct/actions/15.1", "/partners/pct", "/coordinator", "/",
            ] {
                let response = try await nobody.send(uri)
                XCTAssertEqual(response.status, .unauthorized, uri)
            }
            let patch = try await nobody.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "done"])
            XCTAssertNotEqual(patch.status, .ok)
            XCTAssertNil(try fixture.tip(pctBranch))
        }
        let accounts = fixture.folder.appendingPathComponent("accounts").path
        try await fixture.application(fixture.configuration(.accounts(accounts), secret: nil)).test(.router) { client in
            let nobody = Visitor(client, user: nil, secret: nil)
            let api = try await nobody.send("/api/session")
            XCTAssertEqual(api.status, .unauthorized)
            let page = try await nobody.send("/partners/pct")
            XCTAssertEqual(page.status, .seeOther)
            XCTAssertEqual(page.headers[.location], "/login")
        }
    }

    func testAnUnlistedUserSeesNothing() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let mallory = Visitor(client, user: "mallory")
            try await mallory.signIn()
            let plan = try await mallory.send("/api/plan")
            XCTAssertEqual(plan.status, .forbidden)
            let action = try await mallory.send("/api/partners/pct/actions/15.1")
            XCTAssertEqual(action.status, .forbidden)
        }
    }

    func testGetActionCarriesTheVersionAsETag() async throws {
        let fixture = try ServeFixture()
        let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef))
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            let response = try await pat.send("/api/partners/pct/actions/15.1")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.eTag], "\"\(main.hex)\"")
            let fields = response.json["fields"] as? [String: String]
            XCTAssertEqual(fields?["lead"], "Paul Vaughan")
            XCTAssertEqual(fields?["status"], "not started")
            XCTAssertEqual((response.json["due"] as? [String: Any])?["end"] as? String, "2008-07-31")
            let missing = try await pat.send("/api/partners/pct/actions/15.9")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testPatchCommitsOnThePartnersBranchAsTheOfficer() async throws {
        let fixture = try ServeFixture()
        let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef))
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat", name: "Pat Officer")
            try await pat.signIn()
            let response = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "on track", "due": "31.12.08"],
                headers: [.ifMatch: "\"\(main.hex)\""])
            XCTAssertEqual(response.status, .ok, response.text)
            let commit = try XCTUnwrap(response.json["commit"] as? String)
            XCTAssertEqual(try fixture.tip(pctBranch)?.hex, commit)
            XCTAssertEqual(response.headers[.eTag], "\"\(commit)\"")
            XCTAssertEqual(response.json["fields"] as? [String], ["status", "due"])
            let info = try fixture.repository.commit(XCTUnwrap(ObjectID(hex: commit)))
            XCTAssertEqual(info.author.name, "Pat Officer")
            XCTAssertEqual(info.parents, [main])
            XCTAssertEqual(info.summary, "Action 15.1: progress, due by")
            let text = try XCTUnwrap(fixture.file("sections/pct/15.md", on: pctBranch))
            XCTAssertTrue(
                text.contains(
                    "## 15.1 Complete the local self assessment\nDue: 31.12.08\n"
                        + "Lead: Paul Vaughan\nStatus: on track\n"),
                text)
            XCTAssertEqual(try fixture.file("sections/pct/15.md", on: HubLayout.mainRef), ServeFixture.pct15)
        }
    }

    func testStateChangingRequestsWithoutTheCSRFTokenAreRefused() async throws {
        let fixture = try ServeFixture()
        let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef))
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let noToken = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "done"],
                headers: [.ifMatch: main.hex],
                withToken: false)
            XCTAssertEqual(noToken.status, .forbidden)
            let wrong = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "done"],
                headers: [.ifMatch: main.hex, CSRF.headerName: String(repeating: "0", count: 64)], withToken: false)
            XCTAssertEqual(wrong.status, .forbidden)
            let form = try await pat.send(
                "/partners/pct/actions/15.1", method: .post, form: ["status": "done", "version": main.hex],
                withToken: false)
            XCTAssertEqual(form.status, .forbidden)
            XCTAssertNil(try fixture.tip(pctBranch))
        }
    }

    func testAnotherPartnersActionsAreRefusedThroughEveryWritePath() async throws {
        let fixture = try ServeFixture()
        let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef))
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let patch = try await pat.send(
                "/api/partners/uhl/actions/15.4", method: .patch, json: ["status": "done"],
                headers: [.ifMatch: main.hex])
            XCTAssertEqual(patch.status, .forbidden)
            let add = try await pat.send(
                "/api/partners/uhl/actions", method: .post,
                json: ["recommendation": 15, "text": "X", "due": "1.1.09", "lead": "Y"])
            XCTAssertEqual(add.status, .forbidden)
            let form = try await pat.send(
                "/partners/uhl/actions/15.4", method: .post, form: ["status": "done", "version": main.hex])
            XCTAssertEqual(form.status, .forbidden)
            let addForm = try await pat.send(
                "/partners/uhl/actions", method: .post,
                form: ["recommendation": "15", "text": "X", "due": "1.1.09", "lead": "Y"])
            XCTAssertEqual(addForm.status, .forbidden)
            let editPage = try await pat.send("/partners/uhl/actions/15.4/edit")
            XCTAssertEqual(editPage.status, .forbidden)
            // Fields cannot name a file: an unknown field is refused, never used.
            let smuggled = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch,
                json: ["status": "done", "path": "sections/uhl/15.md"],
                headers: [.ifMatch: main.hex])
            XCTAssertEqual(smuggled.status, .unprocessableContent)
            XCTAssertNil(try fixture.tip("refs/heads/partners/uhl"))
            XCTAssertNil(try fixture.tip(pctBranch))
            XCTAssertEqual(try fixture.tip(HubLayout.mainRef), main)
        }
    }

    func testAPartnerOnItsOwnRemoteIsReadOnly() async throws {
        let fixture = try ServeFixture()
        let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef))
        try await fixture.application().test(.router) { client in
            let colin = Visitor(client, user: "colin")
            try await colin.signIn()
            let patch = try await colin.send(
                "/api/partners/council/actions/1.1", method: .patch, json: ["status": "done"],
                headers: [.ifMatch: main.hex])
            XCTAssertEqual(patch.status, .forbidden)
            let page = try await colin.send("/partners/council")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("keeps its part of the plan in its own system"), page.text)
            XCTAssertFalse(page.text.contains("/partners/council/actions/1.1/edit"))
            XCTAssertNil(try fixture.tip("refs/heads/partners/council"))
        }
    }

    func testAStaleSaveMergesDifferentFields() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat", name: "Pat Officer")
            let paula = Visitor(client, user: "paula", name: "Paula Officer")
            try await pat.signIn()
            try await paula.signIn()
            let read = try await paula.send("/api/partners/pct/actions/15.1")
            let etag = try XCTUnwrap(read.headers[.eTag])
            let first = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "on track"],
                headers: [.ifMatch: etag])
            XCTAssertEqual(first.status, .ok)
            let second = try await paula.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["lead": "Paula Officer"],
                headers: [.ifMatch: etag])
            XCTAssertEqual(second.status, .ok, second.text)
            let text = try XCTUnwrap(fixture.file("sections/pct/15.md", on: pctBranch))
            XCTAssertTrue(text.contains("Lead: Paula Officer\nStatus: on track\n"), text)
            let log = try fixture.repository.commit(XCTUnwrap(fixture.tip(pctBranch)))
            XCTAssertEqual(log.author.name, "Paula Officer")
            XCTAssertEqual(try fixture.repository.commit(log.parents[0]).author.name, "Pat Officer")
        }
    }

    func testTheSameFieldChangedByBothIsRefusedWithBothValues() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat", name: "Pat Officer")
            let paula = Visitor(client, user: "paula", name: "Paula Officer")
            try await pat.signIn()
            try await paula.signIn()
            let read = try await paula.send("/api/partners/pct/actions/15.1")
            let etag = try XCTUnwrap(read.headers[.eTag])
            let first = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "on track"],
                headers: [.ifMatch: etag])
            XCTAssertEqual(first.status, .ok)
            let saved = try fixture.tip(pctBranch)
            let second = try await paula.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "at risk"], headers: [.ifMatch: etag]
            )
            XCTAssertEqual(second.status, .preconditionFailed)
            let conflicts = try XCTUnwrap(second.json["conflicts"] as? [[String: Any]])
            XCTAssertEqual(conflicts.count, 1)
            XCTAssertEqual(conflicts[0]["field"] as? String, "status")
            XCTAssertEqual(conflicts[0]["yours"] as? [String], ["at risk"])
            XCTAssertEqual(conflicts[0]["theirs"] as? [String], ["on track"])
            XCTAssertEqual(conflicts[0]["theirsBy"] as? String, "Pat Officer")
            XCTAssertEqual(second.json["version"] as? String, saved?.hex)
            XCTAssertEqual(try fixture.tip(pctBranch), saved)
            XCTAssertTrue(try XCTUnwrap(fixture.file("sections/pct/15.md", on: pctBranch)).contains("Status: on track"))
        }
    }

    func testMissingIfMatchIsRefused() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let response = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "done"])
            XCTAssertEqual(response.status, .preconditionRequired)
            XCTAssertNil(try fixture.tip(pctBranch))
        }
    }

    func testChecksRefuseWith422AndTheDiagnostics() async throws {
        let fixture = try ServeFixture()
        let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef)).hex
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            func problems(_ fields: [String: String]) async throws -> [[String: Any]] {
                let response = try await pat.send(
                    "/api/partners/pct/actions/15.1", method: .patch, json: fields, headers: [.ifMatch: main])
                XCTAssertEqual(response.status, .unprocessableContent, response.text)
                return response.json["problems"] as? [[String: Any]] ?? []
            }
            let status = try await problems(["status": "finished-ish"])
            XCTAssertEqual(status.first?["field"] as? String, "status")
            XCTAssertEqual(status.first?["rule"] as? String, "status-unknown")
            XCTAssertNotNil(status.first?["hint"] as? String)
            let due = try await problems(["due": "when pigs fly"])
            XCTAssertEqual(due.first?["field"] as? String, "due")
            XCTAssertEqual(due.first?["rule"] as? String, "due-unread")
            let lead = try await problems(["lead": ""])
            XCTAssertEqual(lead.first?["field"] as? String, "lead")
            XCTAssertEqual(lead.first?["rule"] as? String, "action-missing-field")
            let notes = try await problems(["notes": "fine\n## 9.9 Injected action"])
            XCTAssertEqual(notes.first?["field"] as? String, "notes")
            XCTAssertNil(try fixture.tip(pctBranch))
        }
    }

    func testAddingAnActionTakesTheNextFreeNumber() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let ursula = Visitor(client, user: "ursula", name: "Ursula Officer")
            try await ursula.signIn()
            let response = try await ursula.send(
                "/api/partners/uhl/actions", method: .post,
                json: ["recommendation": 15, "text": "Train midwives", "due": "31.3.09", "lead": "Jane Porter"])
            XCTAssertEqual(response.status, .created, response.text)
            XCTAssertEqual(response.json["ref"] as? String, "15.5")
            let text = try XCTUnwrap(fixture.file("sections/uhl/15.md", on: "refs/heads/partners/uhl"))
            XCTAssertTrue(text.contains("## 15.5 Train midwives\nDue: 31.3.09\nLead: Jane Porter\n"), text)
            let notNamed = try await ursula.send(
                "/api/partners/uhl/actions", method: .post,
                json: ["recommendation": 1, "text": "X", "due": "1.1.09", "lead": "Y"])
            XCTAssertEqual(notNamed.status, .forbidden)
        }
    }

    func testASaveKeepsTheCoordinatorsCorrectionOnMain() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef)).hex
            let first = try await pat.send(
                "/api/partners/pct/actions/15.2", method: .patch, json: ["status": "on track"],
                headers: [.ifMatch: main])
            XCTAssertEqual(first.status, .ok)
            // The coordinator corrects the lead of 15.1 on main.
            try BranchCommitter(repository: fixture.repository).commit(
                [
                    "sections/pct/15.md": Array(
                        ServeFixture.pct15.replacingOccurrences(of: "Lead: Paul Vaughan", with: "Lead: Dr Paul Vaughan")
                            .utf8)
                ],
                on: HubLayout.mainRef, message: "Correct a name",
                author: Signature(name: "Cora", email: "cora@example.org"))
            let read = try await pat.send("/api/partners/pct/actions/15.1")
            XCTAssertEqual((read.json["fields"] as? [String: String])?["lead"], "Dr Paul Vaughan")
            let second = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "done"],
                headers: [.ifMatch: read.headers[.eTag]!])
            XCTAssertEqual(second.status, .ok, second.text)
            let text = try XCTUnwrap(fixture.file("sections/pct/15.md", on: pctBranch))
            XCTAssertTrue(text.contains("Lead: Dr Paul Vaughan\nStatus: done"), text)
        }
    }

    func testThePlanAsJSON() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let response = try await Visitor(client, user: "pat").send("/api/plan")
            XCTAssertEqual(response.status, .ok)
            let actions = try XCTUnwrap(response.json["actions"] as? [[String: Any]])
            XCTAssertEqual(actions.compactMap { $0["ref"] as? String }, ["1.1", "15.1", "15.2", "15.4"])
        }
    }

    func testBodiesAreBounded() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let huge = String(repeating: "x", count: 300 * 1024)
            let response = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["notes": huge], headers: [.ifMatch: "0"])
            XCTAssertEqual(response.status, .contentTooLarge)
        }
    }
}
