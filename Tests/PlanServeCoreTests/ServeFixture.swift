import Foundation
import GitKit
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanGit
import PlanModel
import XCTest

@testable import PlanServeCore

/// A bare hub made with libgit2: a small plan whose partners pct and uhl publish on the hub
/// and council on its own remote; pat and paula write for pct, ursula for uhl, colin for
/// council, cora coordinates.
final class ServeFixture: @unchecked Sendable {
    let folder: URL
    let hubPath: String
    let repository: Repository

    static let manifest = """
        planmerge: 1
        title: Test plan
        authority: Test City Council
        inspection:
          name: Joint Area Review
          published: 2008-06-03
        timescales:
          - id: immediate
            name: For immediate action
            end: 2009-12-31
        recommendations:
          - number: 1
            text: Disseminate the findings
            timescale: immediate
            lead: council
          - number: 15
            text: Improve health outcomes for young parents
            timescale: immediate
            lead: pct
            partners: [uhl]
          - number: 16
            text: Review the services for teenage parents
            timescale: immediate
            lead: uhl
        partners:
          - id: council
            name: Test City Council
            remote: ../council
            pushers: [colin]
          - id: pct
            name: Primary Care Trust
            pushers: [pat, paula]
          - id: uhl
            name: University Hospitals
            pushers: [ursula]
        coordinator:
          name: Cora Ordinator
          pushers: [cora]
        policy:
          required: [lead, due]
          missing: error

        """

    static let pct15 = """
        # Recommendation 15

        ## 15.1 Complete the local self assessment
        Due: July 2008
        Lead: Paul Vaughan
        Status: not started
        Success: self assessment completed

        ## 15.2 Sustain support services
        Due: April 2008 – March 2009
        Lead: Annette Hogarth

        """

    static let uhl15 = """
        # Recommendation 15

        ## 15.4 Antenatal support
        Due: 31.3.09
        Lead: Jane Porter

        """

    static let council1 = """
        # Recommendation 1

        ## 1.1 Present the findings to the Young People's Council
        Due: End August 2008
        Lead: P Vaughan

        """

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        hubPath = folder.appendingPathComponent("hub.git").path
        let files: [String: [UInt8]] = [
            "plan.yaml": Array(ServeFixture.manifest.utf8), "sections/pct/15.md": Array(ServeFixture.pct15.utf8),
            "sections/uhl/15.md": Array(ServeFixture.uhl15.utf8),
            "sections/council/1.md": Array(ServeFixture.council1.utf8),
        ]
        let hub = try Hub.create(
            at: hubPath, files: files, author: Signature(name: "Cora Ordinator", email: "cora@example.org"))
        repository = hub.repository
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    static let secret = "s3cret-shared-with-the-proxy-0123456789"

    func configuration(
        _ auth: ServeConfiguration.Auth = .header("X-Remote-User"), secret: String? = ServeFixture.secret
    )
        -> ServeConfiguration
    {
        ServeConfiguration(
            hubPath: hubPath, auth: auth, proxySecret: secret, nameHeader: "X-Remote-Name",
            emailHeader: "X-Remote-Email",
            today: { Day(year: 2008, month: 10, day: 1)! })
    }

    func application(_ configuration: ServeConfiguration? = nil) throws -> some ApplicationProtocol {
        let app = try ServeApplication(configuration: configuration ?? self.configuration())
        return Application(router: app.router())
    }

    /// The bytes of `path` on `ref`, as text.
    func file(_ path: String, on ref: String) throws -> String? {
        try BranchCommitter(repository: repository).read(path, on: ref).map { String(decoding: $0, as: UTF8.self) }
    }

    func tip(_ ref: String) throws -> ObjectID? { try repository.reference(named: ref) }
}

/// One signed-in browser (or API client) in a router test: identity headers through the
/// "proxy", the session cookie and the CSRF token it was given.
final class Visitor: @unchecked Sendable {
    let client: any TestClientProtocol
    var identity: HTTPFields
    var cookie: String?
    var csrf: String?

    init(_ client: any TestClientProtocol, user: String?, name: String? = nil, secret: String? = ServeFixture.secret) {
        self.client = client
        identity = [:]
        if let user { identity[HTTPField.Name("X-Remote-User")!] = user }
        if let name { identity[HTTPField.Name("X-Remote-Name")!] = name }
        if let secret { identity[HTTPField.Name("X-Proxy-Secret")!] = secret }
    }

    /// GET /api/session: keeps the cookie and the token.
    @discardableResult
    func signIn() async throws -> [String: Any] {
        let response = try await send("/api/session")
        XCTAssertEqual(response.status, .ok)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
        csrf = object["csrfToken"] as? String
        return object
    }

    func send(
        _ uri: String, method: HTTPRequest.Method = .get, json: Any? = nil, form: [String: String]? = nil,
        headers extra: HTTPFields = [:], withToken: Bool = true
    ) async throws -> TestResponse {
        var headers = identity
        if let cookie { headers[.cookie] = cookie }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
            if withToken, let csrf { headers[CSRF.headerName] = csrf }
        }
        if var form {
            if withToken, let csrf, form["csrf"] == nil { form["csrf"] = csrf }
            let text = form.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
            }.joined(separator: "&")
            body = ByteBuffer(string: text)
            headers[.contentType] = "application/x-www-form-urlencoded"
        }
        for field in extra { headers[field.name] = field.value }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        if let set = response.headers[.setCookie], let pair = set.split(separator: ";").first,
            pair.hasPrefix(SessionStore.cookieName + "=")
        {
            cookie = String(pair)
        }
        return response
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    var text: String { String(buffer: body) }
}
