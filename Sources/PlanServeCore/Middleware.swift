import Foundation
import HTTPTypes
import Hummingbird

/// Headers on every response: a Content-Security-Policy that allows no script at all and
/// no inline style, no framing, no caching of pages, no referrer.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ServeContext

    static let policy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Responses.message(
                error.status, error.body ?? "\(error.status.reasonPhrase)", api: Responses.isAPI(request))
        }
        response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.policy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Authentication on every route but the stylesheet (and the sign-in form with accounts).
/// With `header:NAME` the proxy's header names the user, and on TCP the request must carry
/// the proxy's shared secret; with `accounts:FILE` the session cookie does.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ServeContext
    let configuration: ServeConfiguration
    let sessions: SessionStore

    static let proxySecretHeader = HTTPField.Name("X-Proxy-Secret")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        if path == "/static/serve.css" { return try await next(request, context) }
        let api = Responses.isAPI(request)
        var context = context
        var existing: Session?
        if let id = request.cookies[SessionStore.cookieName]?.value { existing = await sessions.session(id) }
        switch configuration.auth {
        case .header(let name):
            if let secret = configuration.proxySecret {
                guard let given = request.headers[AuthMiddleware.proxySecretHeader], Secrets.equal(given, secret) else {
                    return Responses.message(
                        .forbidden, "This service is reached through the council's web server only.", api: api)
                }
            }
            guard let field = HTTPField.Name(name), let user = request.headers[field].map(ActionEditor.oneLine),
                !user.isEmpty
            else {
                return Responses.message(
                    .unauthorized, "You are not signed in: the council's web server named nobody.", api: api)
            }
            if let existing, existing.user == user {
                context.session = existing
                return try await next(request, context)
            }
            let display = configuration.nameHeader.flatMap { HTTPField.Name($0) }.flatMap { request.headers[$0] }
            let email = configuration.emailHeader.flatMap { HTTPField.Name($0) }.flatMap { request.headers[$0] }
            let session = await sessions.create(
                user: user, displayName: display.map(ActionEditor.oneLine), email: email.map(ActionEditor.oneLine))
            context.session = session
            var response = try await next(request, context)
            response.setCookie(Responses.sessionCookie(session.id, secure: configuration.secureCookies))
            return response
        case .accounts:
            if path == "/login" { return try await next(request, context) }
            guard let existing else {
                if api { return Responses.message(.unauthorized, "You are not signed in.", api: true) }
                return Responses.redirect("/login")
            }
            context.session = existing
            return try await next(request, context)
        }
    }
}

/// Reads the body of a state-changing request within the limit (413 beyond it), its form
/// fields, and refuses it without its session's CSRF token (see `CSRF`).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = ServeContext
    let configuration: ServeConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if CSRF.isSafe(request.method) { return try await next(request, context) }
        let api = Responses.isAPI(request)
        var request = request
        var context = context
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: configuration.maxBodyBytes)
        } catch {
            return Responses.message(.contentTooLarge, "The request is larger than this service accepts.", api: api)
        }
        context.body = body
        if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            context.form = FormData.parse(String(buffer: body))
        }
        if request.uri.path == "/login", case .accounts = configuration.auth { return try await next(request, context) }
        guard
            CSRF.allows(
                method: request.method, header: request.headers[CSRF.headerName],
                formToken: context.form[CSRF.formField], session: context.session)
        else {
            return Responses.message(
                .forbidden,
                "The form had expired or did not come from this site. Go back, reload the page and try again.", api: api
            )
        }
        return try await next(request, context)
    }
}

/// Building responses.
enum Responses {
    static func isAPI(_ request: Request) -> Bool { request.uri.path.hasPrefix("/api/") }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, etag: String? = nil) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let etag { headers[.eTag] = "\"\(etag)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func bytes(_ bytes: [UInt8], type: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    struct Message: Encodable {
        var error: String
    }

    /// A short plain page (or `{"error": ...}` for the API).
    static func message(_ status: HTTPResponse.Status, _ text: String, api: Bool) -> Response {
        if api { return json(Message(error: text), status: status) }
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return html(
            "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>\(status.code)</title>"
                + "<link rel=\"stylesheet\" href=\"/static/serve.css\"></head>"
                + "<body><main><h1>Sorry</h1><p>\(escaped)</p>"
                + "<p><a href=\"/\">Start again</a></p></main></body></html>", status: status)
    }

    static func sessionCookie(_ id: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: SessionStore.cookieName, value: id, maxAge: maxAge, path: "/", secure: secure, httpOnly: true,
            sameSite: .strict)
    }
}
