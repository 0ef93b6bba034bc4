import Foundation
import GitKit
import HTTPTypes
import Hummingbird
import PlanGit
import PlanModel
import PlanRender

/// The JSON API (docs/SERVE.md); the pages use the same store and checks.
extension ServeApplication {
    struct SessionJSON: Encodable {
        var user: String
        var partners: [String]
        var role: String
        var csrfToken: String
    }

    struct DueJSON: Encodable {
        var text: String
        var kind: String
        var start: String?
        var end: String?
    }

    struct ActionJSON: Encodable {
        var partner: String
        var ref: String
        var recommendation: Int
        var version: String
        var fields: [String: String]
        var due: DueJSON?
        var editable: Bool
    }

    struct SavedJSON: Encodable {
        var ref: String
        var version: String
        /// The new commit, null when the save changed nothing.
        var commit: String?
        var fields: [String]
    }

    struct ProblemsJSON: Encodable {
        var error: String
        var problems: [FieldProblem]
    }

    struct ConflictsJSON: Encodable {
        var error: String
        var version: String
        var conflicts: [FieldConflict]
    }

    func apiSession(_ context: ServeContext) async throws -> Response {
        guard let session = context.session else {
            return Responses.message(.unauthorized, "You are not signed in.", api: true)
        }
        let role = try await store.role(of: session.user)
        let name: String
        switch role {
        case .coordinator: name = "coordinator"
        case .partners: name = "officer"
        case .unknown: name = "none"
        }
        return Responses.json(
            SessionJSON(
                user: session.user, partners: try await store.partners(for: role), role: name,
                csrfToken: session.csrfToken))
    }

    func apiPlan(_ context: ServeContext) async throws -> Response {
        guard try await access(context) != nil else { return unknownUser(context, api: true) }
        guard let document = try await store.document(version: "main") else {
            return Responses.message(.notFound, "The hub has no plan on main.", api: true)
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: try JSONRenderer.render(document))))
    }

    func apiAction(_ context: ServeContext) async throws -> Response {
        guard let access = try await access(context) else { return unknownUser(context, api: true) }
        let id = context.parameters.get("id") ?? ""
        guard let ref = ActionRef(context.parameters.get("ref") ?? ""),
            let (action, version) = try? await store.action(ref, of: id)
        else { return Responses.message(.notFound, "No such action.", api: true) }
        return Responses.json(
            json(action, partner: id, version: version, editable: access.mayEdit(id)), etag: version.hex)
    }

    func json(_ action: Action, partner: String, version: ObjectID, editable: Bool) -> ActionJSON {
        ActionJSON(
            partner: partner, ref: action.ref.description, recommendation: action.ref.recommendation,
            version: version.hex,
            fields: Dictionary(uniqueKeysWithValues: EditableField.allCases.map { ($0.name, $0.value(in: action)) }),
            due: action.due.map {
                DueJSON(text: $0.text, kind: $0.kind.rawValue, start: $0.start?.iso, end: $0.end?.iso)
            },
            editable: editable)
    }

    /// The fields of a JSON object: strings (or arrays of strings for the list fields).
    /// Unknown names are problems, never ignored.
    func fields(_ body: ByteBuffer?, allow extra: Set<String> = []) -> (
        edits: [EditableField: String], other: [String: Any], problems: [FieldProblem]
    ) {
        guard let body, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        else {
            return (
                [:], [:], [FieldProblem(field: nil, rule: "json", message: "the request body is not a JSON object")]
            )
        }
        var edits: [EditableField: String] = [:]
        var other: [String: Any] = [:]
        var problems: [FieldProblem] = []
        for (key, value) in object {
            if extra.contains(key) {
                other[key] = value
                continue
            }
            guard let field = EditableField(rawValue: key) else {
                problems.append(
                    FieldProblem(
                        field: nil, rule: "field-unknown", message: "'\(key)' is not a field of an action",
                        hint: "use: \(EditableField.allCases.map(\.name).joined(separator: ", "))"))
                continue
            }
            if let text = value as? String {
                edits[field] = text
            } else if field.isMultiline, let list = value as? [String] {
                edits[field] = list.joined(separator: "\n")
            } else {
                problems.append(FieldProblem(field: field, rule: "field-type", message: "'\(key)' must be text"))
            }
        }
        return (edits, other, problems)
    }

    /// `If-Match: "<version>"`; nil when absent or not a version.
    func ifMatch(_ request: Request) -> String? {
        guard var value = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if value.hasPrefix("W/") { value.removeFirst(2) }
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }

    func apiPatch(_ request: Request, _ context: ServeContext) async throws -> Response {
        let checked = try await editable(context, api: true)
        guard case .allowed(let access, let partner) = checked else { return checked.refusal }
        guard let ref = ActionRef(context.parameters.get("ref") ?? "") else {
            return Responses.message(.notFound, "No such action.", api: true)
        }
        guard let match = ifMatch(request) else {
            return Responses.message(
                .preconditionRequired, "Send If-Match with the ETag of the version you read (GET this action first).",
                api: true)
        }
        guard let base = ObjectID(hex: match) else {
            return Responses.message(.preconditionFailed, "If-Match does not name a version of this plan.", api: true)
        }
        let parsed = fields(context.body)
        if !parsed.problems.isEmpty {
            return Responses.json(
                ProblemsJSON(error: "the fields are not valid", problems: parsed.problems),
                status: .unprocessableContent)
        }
        let outcome = try await store.save(
            partner: partner.id, ref: ref, edits: parsed.edits, base: base, officer: access.officer)
        return response(outcome, created: false)
    }

    func apiAdd(_ context: ServeContext) async throws -> Response {
        let checked = try await editable(context, api: true)
        guard case .allowed(let access, let partner) = checked else { return checked.refusal }
        let parsed = fields(context.body, allow: ["recommendation"])
        guard parsed.problems.isEmpty, let number = parsed.other["recommendation"] as? Int else {
            let problems =
                parsed.problems.isEmpty
                ? [
                    FieldProblem(
                        field: nil, rule: "recommendation-missing",
                        message: "say which recommendation the action answers ('recommendation': N)")
                ]
                : parsed.problems
            return Responses.json(
                ProblemsJSON(error: "the fields are not valid", problems: problems), status: .unprocessableContent)
        }
        let outcome = try await store.save(
            partner: partner.id, ref: nil, recommendation: number, edits: parsed.edits, base: nil,
            officer: access.officer)
        return response(outcome, created: true)
    }

    func response(_ outcome: SaveOutcome, created: Bool) -> Response {
        switch outcome {
        case .saved(let version, let commit, let fields, let ref):
            return Responses.json(
                SavedJSON(ref: ref.description, version: version.hex, commit: commit?.hex, fields: fields.map(\.name)),
                status: created ? .created : .ok, etag: version.hex)
        case .invalid(let problems):
            return Responses.json(
                ProblemsJSON(error: "the plan's checks refused the change", problems: problems),
                status: .unprocessableContent)
        case .conflict(let conflicts, let version):
            return Responses.json(
                ConflictsJSON(
                    error: "the same field was changed since your version", version: version.hex, conflicts: conflicts),
                status: .preconditionFailed, etag: version.hex)
        case .forbidden(let why):
            return Responses.message(.forbidden, why, api: true)
        case .notFound(let why):
            return Responses.message(.notFound, why, api: true)
        }
    }
}
