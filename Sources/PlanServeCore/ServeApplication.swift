import Foundation
import GitKit
import HTTPTypes
import Hummingbird
import PlanGit
import PlanModel

/// The web app: its router (pages and JSON API) over one `PlanStore`.
public struct ServeApplication: Sendable {
    public let configuration: ServeConfiguration
    public let store: PlanStore
    public let sessions: SessionStore
    public let logins: RateLimiter
    let pages: Pages
    let accounts: AccountsFile?

    public init(configuration: ServeConfiguration) throws {
        self.configuration = configuration
        store = try PlanStore(hubPath: configuration.hubPath, today: configuration.today)
        sessions = SessionStore()
        logins = RateLimiter()
        pages = try Pages()
        if case .accounts(let path) = configuration.auth {
            accounts = try AccountsFile(path: path)
        } else {
            accounts = nil
        }
    }

    /// Every route, behind the security headers, authentication and CSRF middleware.
    public func router() -> Router<ServeContext> {
        let router = Router(context: ServeContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AuthMiddleware(configuration: configuration, sessions: sessions))
        router.add(middleware: CSRFMiddleware(configuration: configuration))

        router.get("/static/serve.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/login") { _, _ in self.loginPage(error: nil, user: "") }
        router.post("/login") { request, context in try await self.login(request, context) }
        router.post("/logout") { request, context in await self.logout(request, context) }
        router.get("/") { _, context in try await self.home(context) }
        router.get("/partners/:id") { request, context in try await self.partnerPage(request, context) }
        router.get("/partners/:id/actions/:ref/edit") { _, context in try await self.editPage(context) }
        router.post("/partners/:id/actions/:ref") { _, context in try await self.saveForm(context) }
        router.get("/partners/:id/new") { _, context in try await self.newPage(context) }
        router.post("/partners/:id/actions") { _, context in try await self.addForm(context) }
        router.get("/coordinator") { _, context in try await self.coordinatorPage(context) }
        router.post("/coordinator/consolidate") { _, context in try await self.consolidate(context) }
        router.get("/coordinator/versions/:name/:file") { _, context in try await self.download(context) }
        router.post("/coordinator/tag") { _, context in try await self.tag(context) }
        router.get("/coordinator/diff") { request, context in try await self.diff(request, context) }

        router.get("/api/session") { _, context in try await self.apiSession(context) }
        router.get("/api/plan") { _, context in try await self.apiPlan(context) }
        router.get("/api/partners/:id/actions/:ref") { _, context in try await self.apiAction(context) }
        router.patch("/api/partners/:id/actions/:ref") { request, context in try await self.apiPatch(request, context) }
        router.post("/api/partners/:id/actions") { _, context in try await self.apiAdd(context) }
        return router
    }

    // MARK: who may do what

    struct Access {
        var officer: Officer
        var role: Pusher.Role
        var partners: [String]
        var isCoordinator: Bool { role == .coordinator }
        func mayEdit(_ id: String) -> Bool { partners.contains(id) }
    }

    /// The signed-in officer and what the manifest lets them do; nil when the manifest names
    /// them nowhere (they may then see nothing).
    func access(_ context: ServeContext) async throws -> Access? {
        guard let officer = context.officer else { return nil }
        let role = try await store.role(of: officer.user)
        if role == .unknown { return nil }
        return Access(officer: officer, role: role, partners: try await store.partners(for: role))
    }

    func unknownUser(_ context: ServeContext, api: Bool) -> Response {
        Responses.message(
            .forbidden,
            "\(context.officer?.user ?? "You") may not use this plan: the name is not on the plan's list of people "
                + "who write for a partner. Ask the plan's coordinator.",
            api: api)
    }

    func planTitle() async -> String {
        (try? await store.manifest().title) ?? "Action plan"
    }

    func render(
        _ template: String, title: String, _ context: ServeContext, _ values: [String: Any],
        status: HTTPResponse.Status = .ok
    ) async -> Response {
        Responses.html(
            pages.page(template, title: title, planTitle: await planTitle(), session: context.session, values),
            status: status)
    }

    // MARK: signing in

    func loginPage(error: String?, user: String, status: HTTPResponse.Status = .ok) -> Response {
        var values: [String: Any] = ["user": user]
        if let error { values["error"] = error }
        return Responses.html(
            pages.page("login", title: "Sign in", planTitle: "Action plan", session: nil, values), status: status)
    }

    func login(_ request: Request, _ context: ServeContext) async throws -> Response {
        guard let accounts else { return Responses.redirect("/") }
        let user = ActionEditor.oneLine(context.form["user"] ?? "")
        let password = context.form["password"] ?? ""
        let key = "user:" + user.lowercased()
        if let wait = await logins.retryAfter(key) {
            var response = loginPage(
                error: "Too many attempts to sign in as this user. Try again in \(wait / 60 + 1) minutes.", user: user,
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard AccountsFile.isValidUser(user), accounts.verify(user: user, password: password) else {
            await logins.recordFailure(key)
            return loginPage(error: "The user name or the password is not right.", user: user, status: .unauthorized)
        }
        await logins.recordSuccess(key)
        let session = await sessions.create(user: user)
        var response = Responses.redirect("/")
        response.setCookie(Responses.sessionCookie(session.id, secure: configuration.secureCookies))
        return response
    }

    func logout(_ request: Request, _ context: ServeContext) async -> Response {
        if let session = context.session { await sessions.end(session.id) }
        var response = Responses.redirect(accounts == nil ? "/" : "/login")
        response.setCookie(Responses.sessionCookie("", secure: configuration.secureCookies, maxAge: 0))
        return response
    }

    // MARK: pages

    func home(_ context: ServeContext) async throws -> Response {
        guard let access = try await access(context) else { return unknownUser(context, api: false) }
        let manifest = try await store.manifest()
        if access.isCoordinator { return Responses.redirect("/coordinator") }
        if access.partners.count == 1 { return Responses.redirect("/partners/\(access.partners[0])") }
        return await render(
            "home", title: "Your part of the plan", context,
            ["partners": access.partners.compactMap { manifest.partner($0) }.map { ["id": $0.id, "name": $0.name] }])
    }

    func partnerPage(_ request: Request, _ context: ServeContext) async throws -> Response {
        guard let access = try await access(context) else { return unknownUser(context, api: false) }
        let id = context.parameters.get("id") ?? ""
        guard let view = try? await store.partnerView(id) else {
            return Responses.message(.notFound, "There is no partner '\(id)' in the plan.", api: false)
        }
        var saved: String?
        if let ref = request.uri.queryParameters.get("saved") {
            saved = "Action \(ActionEditor.oneLine(ref)) is saved."
        }
        return await render(
            "partner", title: "\(view.partner.name): actions", context,
            Pages.partner(view, editable: access.mayEdit(id), saved: saved))
    }

    /// The partner and action of an edit route, when this officer may edit them.
    func editable(_ context: ServeContext, api: Bool) async throws -> Checked {
        guard let access = try await access(context) else { return .refused(unknownUser(context, api: api)) }
        let id = context.parameters.get("id") ?? ""
        guard let partner = try await store.manifest().partner(id) else {
            return .refused(Responses.message(.notFound, "There is no partner '\(id)' in the plan.", api: api))
        }
        guard access.mayEdit(id) else {
            return .refused(
                Responses.message(.forbidden, "\(access.officer.user) does not write for \(partner.name).", api: api))
        }
        guard partner.publication.isOnHub else {
            return .refused(
                Responses.message(
                    .forbidden,
                    "\(partner.name) keeps its part of the plan in its own system; its officers make changes there.",
                    api: api))
        }
        return .allowed(access, partner)
    }

    func editPage(_ context: ServeContext) async throws -> Response {
        let checked = try await editable(context, api: false)
        guard case .allowed(_, let partner) = checked else { return checked.refusal }
        guard let ref = ActionRef(context.parameters.get("ref") ?? ""),
            let (action, version) = try? await store.action(ref, of: partner.id)
        else { return Responses.message(.notFound, "\(partner.name) has no such action.", api: false) }
        return await formPage(context, partner: partner, ref: ref, values: values(of: action), version: version)
    }

    func values(of action: Action) -> [EditableField: String] {
        Dictionary(uniqueKeysWithValues: EditableField.allCases.map { ($0, $0.value(in: action)) })
    }

    func formPage(
        _ context: ServeContext, partner: Partner, ref: ActionRef, values: [EditableField: String], version: ObjectID,
        problems: [FieldProblem] = [], conflicts: [FieldConflict] = [], status: HTTPResponse.Status = .ok
    ) async -> Response {
        let manifest = try? await store.manifest()
        let rec = manifest?.recommendation(ref.recommendation)
        let form = Pages.Form(
            partner: partner, heading: "Change action \(ref)", postTo: "/partners/\(partner.id)/actions/\(ref)",
            version: version.hex, values: values, problems: problems, conflicts: conflicts,
            recommendationText: rec.map { "Recommendation \($0.number): \($0.text)" })
        return await render(
            "edit", title: (problems.isEmpty ? "" : "Error: ") + "Change action \(ref)", context,
            Pages.form(form, csrf: context.session?.csrfToken ?? ""), status: status)
    }

    /// The form's fields as edits.
    func edits(_ form: [String: String]) -> [EditableField: String] {
        var edits: [EditableField: String] = [:]
        for field in EditableField.allCases { if let value = form[field.name] { edits[field] = value } }
        return edits
    }

    func saveForm(_ context: ServeContext) async throws -> Response {
        let checked = try await editable(context, api: false)
        guard case .allowed(let access, let partner) = checked else { return checked.refusal }
        guard let ref = ActionRef(context.parameters.get("ref") ?? "") else {
            return Responses.message(.notFound, "\(partner.name) has no such action.", api: false)
        }
        let base = context.form["version"].flatMap { ObjectID(hex: $0) }
        let edits = edits(context.form)
        let outcome = try await store.save(
            partner: partner.id, ref: ref, edits: edits, base: base, officer: access.officer)
        switch outcome {
        case .saved(_, _, _, let saved):
            return Responses.redirect("/partners/\(partner.id)?saved=\(saved)#action-\(Pages.anchor(saved))")
        case .invalid(let problems):
            return await formPage(
                context, partner: partner, ref: ref, values: edits, version: base ?? ObjectID(bytes: []),
                problems: problems,
                status: .unprocessableContent)
        case .conflict(let conflicts, let version):
            let current = try? await store.action(ref, of: partner.id)
            return await formPage(
                context, partner: partner, ref: ref, values: current.map { values(of: $0.action) } ?? edits,
                version: version,
                conflicts: conflicts, status: .preconditionFailed)
        case .forbidden(let why):
            return Responses.message(.forbidden, plain(why), api: false)
        case .notFound(let why):
            return Responses.message(.notFound, Words.sentence(why), api: false)
        }
    }

    /// A refusal in the council's words (the hub's reasons name branches; officers see none).
    func plain(_ why: String) -> String {
        why.contains("refs/") ? "This change is not yours to make." : Words.sentence(why)
    }

    func newPage(_ context: ServeContext) async throws -> Response {
        let checked = try await editable(context, api: false)
        guard case .allowed(_, let partner) = checked else { return checked.refusal }
        let view = try await store.partnerView(partner.id)
        return await newForm(
            context, partner: partner, recommendations: view.contributes, chosen: nil, values: [:],
            version: view.version)
    }

    func newForm(
        _ context: ServeContext, partner: Partner, recommendations: [Recommendation], chosen: Int?,
        values: [EditableField: String], version: ObjectID, problems: [FieldProblem] = [],
        status: HTTPResponse.Status = .ok
    ) async -> Response {
        let form = Pages.Form(
            partner: partner, heading: "Add an action", postTo: "/partners/\(partner.id)/actions", version: version.hex,
            values: values, problems: problems, recommendations: recommendations, chosen: chosen)
        return await render(
            "edit", title: (problems.isEmpty ? "" : "Error: ") + "Add an action", context,
            Pages.form(form, csrf: context.session?.csrfToken ?? ""), status: status)
    }

    func addForm(_ context: ServeContext) async throws -> Response {
        let checked = try await editable(context, api: false)
        guard case .allowed(let access, let partner) = checked else { return checked.refusal }
        let number = Int(context.form["recommendation"] ?? "") ?? 0
        let edits = edits(context.form)
        let outcome = try await store.save(
            partner: partner.id, ref: nil, recommendation: number, edits: edits, base: nil, officer: access.officer)
        switch outcome {
        case .saved(_, _, _, let ref):
            return Responses.redirect("/partners/\(partner.id)?saved=\(ref)#action-\(Pages.anchor(ref))")
        case .invalid(let problems):
            let view = try await store.partnerView(partner.id)
            return await newForm(
                context, partner: partner, recommendations: view.contributes, chosen: number, values: edits,
                version: view.version,
                problems: problems, status: .unprocessableContent)
        case .conflict:
            return Responses.message(
                .preconditionFailed, "Someone else added an action at the same moment. Try again.", api: false)
        case .forbidden(let why):
            return Responses.message(.forbidden, plain(why), api: false)
        case .notFound(let why):
            return Responses.message(.notFound, Words.sentence(why), api: false)
        }
    }
}

/// Whether an edit route may go on.
enum Checked {
    case allowed(ServeApplication.Access, Partner)
    case refused(Response)

    /// The refusal (a 500 page if asked of an allowed route, which no caller does).
    var refusal: Response {
        if case .refused(let response) = self { return response }
        return Responses.message(.internalServerError, "Something went wrong.", api: false)
    }
}
