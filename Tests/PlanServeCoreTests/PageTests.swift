import Foundation
import GitKit
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanGit
import PlanModel
import XCTest

@testable import PlanServeCore

/// The pages: forms post and redirect, errors sit next to their fields, no git words.
final class PageTests: XCTestCase {
    /// The page's visible words (tags and attributes removed).
    static func words(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression).lowercased()
    }

    func testTheOfficersPageShowsTheActionsInPlainWords() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let page = try await Visitor(client, user: "pat").send("/partners/pct")
            XCTAssertEqual(page.status, .ok)
            let html = page.text
            XCTAssertTrue(html.contains("15.1 Complete the local self assessment"))
            XCTAssertTrue(html.contains("15. Improve health outcomes for young parents"))
            XCTAssertTrue(html.contains("July 2008 <span class=\"read\">(read as 31 July 2008)</span>"), html)
            XCTAssertTrue(html.contains("Overdue"))
            XCTAssertTrue(
                html.contains("The plan must be sent to the inspectors by\n<strong>9 September 2008</strong>"))
            XCTAssertTrue(html.contains("href=\"/partners/pct/actions/15.1/edit\""))
            XCTAssertTrue(html.contains("href=\"/partners/pct/new\""))
            XCTAssertFalse(html.contains("<script"))
            let visible = PageTests.words(html)
            for word in ["commit", "branch", "ref", "merge", "push"] {
                XCTAssertNil(visible.range(of: "\\b\(word)\\b", options: .regularExpression), word)
            }
            XCTAssertEqual(page.headers[.contentSecurityPolicy], SecurityHeadersMiddleware.policy)
            XCTAssertTrue(SecurityHeadersMiddleware.policy.contains("default-src 'none'"))
        }
    }

    func testTheEditFormSavesAndRedirects() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat", name: "Pat Officer")
            let form = try await pat.send("/partners/pct/actions/15.1/edit")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("<label for=\"field-due\">Due by</label>"))
            let version = try XCTUnwrap(form.text.firstMatch(of: /name="version" value="([0-9a-f]{40})"/)?.1)
            let token = try XCTUnwrap(form.text.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1)
            pat.csrf = String(token)
            let bad = try await pat.send(
                "/partners/pct/actions/15.1", method: .post,
                form: [
                    "version": String(version), "status": "on track", "due": "the 45th of Smarch",
                    "lead": "Paul Vaughan",
                    "text": "Complete the local self assessment",
                ])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.text.contains("There is a problem"))
            XCTAssertTrue(bad.text.contains("<a href=\"#field-due\">"), bad.text)
            XCTAssertTrue(bad.text.contains("id=\"field-due-error\""))
            XCTAssertTrue(bad.text.contains("value=\"the 45th of Smarch\""))
            XCTAssertNil(try fixture.tip("refs/heads/partners/pct"))
            let good = try await pat.send(
                "/partners/pct/actions/15.1", method: .post,
                form: [
                    "version": String(version), "status": "on track", "due": "31.12.08", "lead": "Paul Vaughan",
                    "text": "Complete the local self assessment",
                ])
            XCTAssertEqual(good.status, .seeOther, good.text)
            XCTAssertEqual(good.headers[.location], "/partners/pct?saved=15.1#action-15-1")
            let text = try XCTUnwrap(fixture.file("sections/pct/15.md", on: "refs/heads/partners/pct"))
            XCTAssertTrue(text.contains("Due: 31.12.08\nLead: Paul Vaughan\nStatus: on track\n"), text)
            let after = try await pat.send("/partners/pct?saved=15.1")
            XCTAssertTrue(after.text.contains("Action 15.1 is saved."))
        }
    }

    func testAFormSavedOverSomeoneElsesChangeToTheSameFieldIsRefusedPlainly() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat", name: "Pat Officer")
            let form = try await pat.send("/partners/pct/actions/15.1/edit")
            let version = try XCTUnwrap(form.text.firstMatch(of: /name="version" value="([0-9a-f]{40})"/)?.1)
            pat.csrf = String(try XCTUnwrap(form.text.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1))
            let paula = Visitor(client, user: "paula", name: "Paula Officer")
            try await paula.signIn()
            let first = try await paula.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "at risk"],
                headers: [.ifMatch: String(version)])
            XCTAssertEqual(first.status, .ok)
            let page = try await pat.send(
                "/partners/pct/actions/15.1", method: .post, form: ["version": String(version), "status": "done"])
            XCTAssertEqual(page.status, .preconditionFailed)
            XCTAssertTrue(page.text.contains("Someone else changed this action while you were editing"))
            XCTAssertTrue(
                page.text.contains("<strong>Progress</strong>: you wrote “done”;\nPaula Officer wrote “at risk”"),
                page.text)
            XCTAssertTrue(
                try XCTUnwrap(fixture.file("sections/pct/15.md", on: "refs/heads/partners/pct")).contains(
                    "Status: at risk"))
        }
    }

    func testTheStartPageSendsEachToTheirPage() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let cora = try await Visitor(client, user: "cora").send("/")
            XCTAssertEqual(cora.status, .seeOther)
            XCTAssertEqual(cora.headers[.location], "/coordinator")
            let pat = try await Visitor(client, user: "pat").send("/")
            XCTAssertEqual(pat.status, .seeOther)
            XCTAssertEqual(pat.headers[.location], "/partners/pct")
            let mallory = try await Visitor(client, user: "mallory").send("/")
            XCTAssertEqual(mallory.status, .forbidden)
            XCTAssertTrue(mallory.text.contains("mallory may not use this plan"))
        }
    }

    func testValuesAreEscaped() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef)).hex
            let response = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["risk": "<script>alert(1)</script> & co"],
                headers: [.ifMatch: main])
            XCTAssertEqual(response.status, .ok)
            let page = try await pat.send("/partners/pct")
            XCTAssertFalse(page.text.contains("<script>"))
            XCTAssertTrue(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
        }
    }

    func testTheCoordinatorsPage() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let cora = Visitor(client, user: "cora")
            let page = try await cora.send("/coordinator")
            XCTAssertEqual(page.status, .ok, page.text)
            XCTAssertTrue(page.text.contains("Primary Care Trust"))
            XCTAssertTrue(page.text.contains("Statutory deadline: <strong>9 September 2008</strong>"))
            let officer = try await Visitor(client, user: "pat").send("/coordinator")
            XCTAssertEqual(officer.status, .forbidden)
            let csv = try await cora.send("/coordinator/versions/main/plan.csv")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.text.contains("Complete the local self assessment"))
        }
    }
}

/// The coordinator's consolidate button: the same run as `planmerge consolidate`.
final class CoordinatorTests: XCTestCase {
    func testConsolidateBringsAnOfficersSaveToMain() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef))
            let saved = try await pat.send(
                "/api/partners/pct/actions/15.1", method: .patch, json: ["status": "on track"],
                headers: [.ifMatch: main.hex])
            XCTAssertEqual(saved.status, .ok)
            let refused = try await pat.send("/coordinator/consolidate", method: .post, form: [:])
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertEqual(try fixture.tip(HubLayout.mainRef), main)

            let cora = Visitor(client, user: "cora", name: "Cora Ordinator")
            try await cora.signIn()
            let page = try await cora.send("/coordinator/consolidate", method: .post, form: [:])
            XCTAssertEqual(page.status, .ok, page.text)
            XCTAssertTrue(page.text.contains("Primary Care Trust: accepted"), page.text)
            XCTAssertNotEqual(try fixture.tip(HubLayout.mainRef), main)
            let text = try XCTUnwrap(fixture.file("sections/pct/15.md", on: HubLayout.mainRef))
            XCTAssertTrue(text.contains("Status: on track"), text)
        }
    }
}

extension CoordinatorTests {
    func testTheCoordinatorMarksACabinetVersionAndComparesIt() async throws {
        let fixture = try ServeFixture()
        try await fixture.application().test(.router) { client in
            let pat = Visitor(client, user: "pat")
            try await pat.signIn()
            let refused = try await pat.send("/coordinator/tag", method: .post, form: ["note": "Cabinet"])
            XCTAssertEqual(refused.status, .forbidden)
            XCTAssertNil(try fixture.tip("refs/tags/cabinet/2008-10-01"))

            let cora = Visitor(client, user: "cora")
            try await cora.signIn()
            let page = try await cora.send(
                "/coordinator/tag", method: .post, form: ["note": "Cabinet, 6 October 2008, item 15"])
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.text.contains("The current plan is now the Cabinet version cabinet/2008-10-01."), page.text)
            XCTAssertNotNil(try fixture.tip("refs/tags/cabinet/2008-10-01"))
            XCTAssertTrue(page.text.contains("href=\"/coordinator/versions/2008-10-01/plan.docx\""))
            let again = try await cora.send("/coordinator/tag", method: .post, form: [:])
            XCTAssertTrue(
                again.text.contains("The version was not made: cabinet/2008-10-01 already exists"), again.text)

            let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef)).hex
            try BranchCommitter(repository: fixture.repository).commit(
                [
                    "sections/pct/15.md": Array(
                        ServeFixture.pct15.replacingOccurrences(of: "Status: not started", with: "Status: done").utf8)
                ],
                on: HubLayout.mainRef, message: "15.1 done", author: Signature(name: "Cora", email: "cora@example.org"))
            XCTAssertNotEqual(try fixture.tip(HubLayout.mainRef)?.hex, main)
            let diff = try await cora.send("/coordinator/diff?from=2008-10-01&to=main")
            XCTAssertEqual(diff.status, .ok)
            XCTAssertEqual(
                diff.headers[.contentDisposition], "attachment; filename=\"changes-2008-10-01-to-main.html\"")
            XCTAssertTrue(diff.text.contains("15.1"), diff.text)
            let unknown = try await cora.send("/coordinator/diff?from=1999-01-01&to=main")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }
}

/// CSRF, rate limiting, secrets and sign-in, each in its one place.
final class SecurityTests: XCTestCase {
    func session(_ token: String) -> Session {
        Session(id: "id", user: "pat", csrfToken: token, expires: Date().addingTimeInterval(60))
    }

    func testCSRFRule() {
        let token = Secrets.token()
        XCTAssertTrue(CSRF.allows(method: .get, header: nil, formToken: nil, session: nil))
        XCTAssertTrue(CSRF.allows(method: .post, header: token, formToken: nil, session: session(token)))
        XCTAssertTrue(CSRF.allows(method: .patch, header: nil, formToken: token, session: session(token)))
        XCTAssertFalse(CSRF.allows(method: .post, header: nil, formToken: nil, session: session(token)))
        XCTAssertFalse(CSRF.allows(method: .post, header: "", formToken: nil, session: session("")))
        XCTAssertFalse(CSRF.allows(method: .post, header: token, formToken: nil, session: nil))
        XCTAssertFalse(CSRF.allows(method: .delete, header: Secrets.token(), formToken: nil, session: session(token)))
    }

    func testSecretsCompareWholeStrings() {
        XCTAssertTrue(Secrets.equal("abc", "abc"))
        XCTAssertFalse(Secrets.equal("abc", "abd"))
        XCTAssertFalse(Secrets.equal("abc", "abcd"))
        XCTAssertFalse(Secrets.equal("", "a"))
        XCTAssertNotEqual(Secrets.token(), Secrets.token())
    }

    func testRateLimiterRefusesAfterTheLimitAndForgetsOldFailures() async {
        let limiter = RateLimiter(limit: 3, window: 60)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for i in 0..<3 {
            let wait = await limiter.retryAfter("pat", now: start.addingTimeInterval(Double(i)))
            XCTAssertNil(wait)
            await limiter.recordFailure("pat", now: start.addingTimeInterval(Double(i)))
        }
        let refused = await limiter.retryAfter("pat", now: start.addingTimeInterval(10))
        XCTAssertEqual(refused, 50)
        let other = await limiter.retryAfter("cora", now: start.addingTimeInterval(10))
        XCTAssertNil(other)
        let later = await limiter.retryAfter("pat", now: start.addingTimeInterval(61))
        XCTAssertNil(later)
    }

    func testSignInWithAccountsSetsAStrictCookieAndIsRateLimited() async throws {
        let fixture = try ServeFixture()
        let path = fixture.folder.appendingPathComponent("accounts").path
        var accounts = try AccountsFile(path: path)
        try accounts.set(user: "pat", password: "correct horse battery", cost: 4)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        var configuration = fixture.configuration(.accounts(path), secret: nil)
        configuration.secureCookies = true
        try await fixture.application(configuration).test(.router) { client in
            let browser = Visitor(client, user: nil, secret: nil)
            let ok = try await browser.send(
                "/login", method: .post, form: ["user": "pat", "password": "correct horse battery"])
            XCTAssertEqual(ok.status, .seeOther)
            let cookie = try XCTUnwrap(ok.headers[.setCookie])
            XCTAssertTrue(cookie.contains("HttpOnly"))
            XCTAssertTrue(cookie.contains("SameSite=Strict"))
            XCTAssertTrue(cookie.contains("Secure"))
            let session = try await browser.send("/api/session")
            XCTAssertEqual(session.json["user"] as? String, "pat")

            let attacker = Visitor(client, user: nil, secret: nil)
            for _ in 0..<5 {
                let wrong = try await attacker.send(
                    "/login", method: .post, form: ["user": "pat", "password": "guess"])
                XCTAssertEqual(wrong.status, .unauthorized)
            }
            let limited = try await attacker.send(
                "/login", method: .post, form: ["user": "pat", "password": "correct horse battery"])
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertNotNil(limited.headers[.retryAfter])
            XCTAssertNil(limited.headers[.setCookie])
        }
    }

    func testListenIsLoopbackOrUnixOnly() throws {
        XCTAssertEqual(try ServeMain.Listen("unix:/tmp/x.sock"), .unix("/tmp/x.sock"))
        XCTAssertEqual(try ServeMain.Listen("127.0.0.1:8080"), .tcp(host: "127.0.0.1", port: 8080))
        XCTAssertEqual(try ServeMain.Listen("[::1]:80"), .tcp(host: "::1", port: 80))
        XCTAssertThrowsError(try ServeMain.Listen("0.0.0.0:8080"))
        XCTAssertThrowsError(try ServeMain.Listen("example.org:443"))
    }
}

extension CoordinatorTests {
    /// The coordinator's page says what the last consolidation did with each partner's work,
    /// and why, from the hub's record of runs (the same record `planmerge status` reads).
    func testThePageSaysWhyAPartnersWorkWasRefused() async throws {
        let fixture = try ServeFixture()
        // The PCT's branch changes the hospital's file: consolidate refuses the whole of it.
        let uhl = try XCTUnwrap(fixture.file("sections/uhl/15.md", on: HubLayout.mainRef))
        let main = try XCTUnwrap(fixture.tip(HubLayout.mainRef))
        try fixture.repository.updateReference("refs/heads/partners/pct", to: main, expected: nil, message: "test")
        try BranchCommitter(repository: fixture.repository).commit(
            ["sections/uhl/15.md": Array((uhl + "Notes: changed by the PCT\n").utf8)],
            on: "refs/heads/partners/pct", message: "Edit the hospital's file",
            author: Signature(name: "Pat", email: "pat@example.org"))
        try await fixture.application().test(.router) { client in
            let cora = Visitor(client, user: "cora", name: "Cora Ordinator")
            try await cora.signIn()
            let run = try await cora.send("/coordinator/consolidate", method: .post, form: [:])
            XCTAssertEqual(run.status, .ok, run.text)
            let page = try await cora.send("/coordinator")
            XCTAssertEqual(page.status, .ok, page.text)
            let row = try XCTUnwrap(
                page.text.range(of: "/partners/pct\">").map { String(page.text[$0.upperBound...].prefix(1200)) })
            XCTAssertTrue(row.contains("<td>Refused<p class=\"reason\">"), row)
            XCTAssertTrue(row.contains("sections/uhl/15.md"), row)
        }
    }
}
