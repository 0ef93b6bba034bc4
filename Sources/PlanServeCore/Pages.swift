import Mustache
import PlanGit
import PlanModel

/// Builds the pages from the store's views: plain words, no git terms on officer pages.
struct Pages: Sendable {
    let library: MustacheLibrary

    init() throws {
        library = try Templates.library()
    }

    func page(_ template: String, title: String, planTitle: String, session: Session?, _ values: [String: Any])
        -> String
    {
        let body = library.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "planTitle": planTitle, "body": body]
        if let session {
            layout["user"] = session.displayName ?? session.user
            layout["csrf"] = session.csrfToken
        }
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    // MARK: the officer's page

    static func partner(_ view: PartnerView, editable: Bool, saved: String?) -> [String: Any] {
        var values: [String: Any] = [
            "id": view.partner.id, "name": view.partner.name,
            "canAdd": editable && view.editedElsewhere == nil && !view.contributes.isEmpty,
            "actions": view.actions.map { action(view: $0, editable: editable && view.editedElsewhere == nil) },
        ]
        if let deadline = view.deadline { values["deadline"] = Words.day(deadline) }
        if let elsewhere = view.editedElsewhere { values["elsewhere"] = elsewhere }
        if let saved { values["saved"] = saved }
        return values
    }

    static func action(view: ActionView, editable: Bool) -> [String: Any] {
        let action = view.action
        var values: [String: Any] = [
            "ref": action.ref.description, "anchor": anchor(action.ref), "text": action.text,
            "recommendation": view.recommendation.map { "\($0.number). \($0.text)" }
                ?? "Recommendation \(action.ref.recommendation)",
            "timescale": view.timescale.map { t in t.end.map { "\(t.name) (by \(Words.day($0)))" } ?? t.name } ?? "",
            "due": action.due?.text ?? "Not given",
            "lead": action.leads.isEmpty ? "Not given" : action.leads.joined(separator: "; "),
            "status": action.status.map { Words.status($0) } ?? "Not given",
            "success": action.success, "milestones": action.milestones.map { "\($0.due.text): \($0.text)" },
            "resources": action.resources ?? "Not given", "risk": action.risk ?? "Not given", "notes": action.notes,
            "editable": editable, "flags": view.overdue || view.toBeConfirmed, "overdue": view.overdue,
            "tbc": view.toBeConfirmed,
        ]
        if let due = action.due, let read = Words.reading(due) { values["dueRead"] = read }
        return values
    }

    static func anchor(_ ref: ActionRef) -> String {
        ref.description.replacingOccurrences(of: ".", with: "-")
    }

    // MARK: the edit form

    struct Form {
        var partner: Partner
        var heading: String
        var postTo: String
        var version: String
        var values: [EditableField: String]
        var problems: [FieldProblem] = []
        var conflicts: [FieldConflict] = []
        var recommendations: [Recommendation] = []
        var chosen: Int?
        var recommendationText: String?
    }

    static func form(_ form: Form, csrf: String) -> [String: Any] {
        let fields: [[String: Any]] = EditableField.allCases.map { field in
            let problem = form.problems.first { $0.field == field.name }
            var item: [String: Any] = ["name": field.name, "label": field.label, "value": form.values[field] ?? ""]
            if let hint = hint(field) { item["hint"] = hint }
            if let problem {
                item["error"] = Words.sentence(problem.message)
                if let hint = problem.hint { item["errorHint"] = Words.sentence(hint) }
            }
            item["describedBy"] = [
                hint(field) != nil ? "field-\(field.name)-hint" : nil,
                problem != nil ? "field-\(field.name)-error" : nil,
            ]
            .compactMap { $0 }.joined(separator: " ")
            if field == .status {
                let current = form.values[.status] ?? ""
                item["select"] = true
                item["options"] =
                    [["value": "", "label": "Not given", "selected": current.isEmpty]]
                    + ActionStatus.allCases.map { status -> [String: Any] in
                        [
                            "value": status.rawValue, "label": Words.status(status),
                            "selected": status.rawValue == current,
                        ]
                    }
            } else if field.isMultiline {
                item["multiline"] = true
            } else {
                item["line"] = true
            }
            return item
        }
        let problems: [[String: Any]] = form.problems.map { problem in
            var item: [String: Any] = [
                "target": problem.field.map { "field-\($0)" } ?? "field-text",
                "message": Words.sentence(problem.message),
            ]
            if let hint = problem.hint { item["hint"] = Words.sentence(hint) }
            return item
        }
        let conflicts: [[String: Any]] = form.conflicts.map { conflict in
            [
                "label": EditableField(rawValue: conflict.field)?.label ?? conflict.field,
                "yours": (conflict.yours ?? ["(nothing)"]).joined(separator: "; "),
                "theirs": (conflict.theirs ?? ["(nothing)"]).joined(separator: "; "),
                "by": conflict.theirsBy ?? "someone else", "date": conflict.theirsDate ?? "",
            ]
        }
        var values: [String: Any] = [
            "id": form.partner.id, "name": form.partner.name, "heading": form.heading, "action": form.postTo,
            "version": form.version, "csrf": csrf, "fields": fields, "problems": problems,
            "hasProblems": !problems.isEmpty, "conflicts": conflicts, "hasConflicts": !conflicts.isEmpty,
        ]
        if let text = form.recommendationText { values["recommendationText"] = text }
        if !form.recommendations.isEmpty {
            values["chooseRecommendation"] = true
            values["recommendations"] = form.recommendations.map { rec -> [String: Any] in
                ["number": rec.number, "text": rec.text, "selected": rec.number == form.chosen]
            }
        }
        return values
    }

    static func hint(_ field: EditableField) -> String? {
        switch field {
        case .text: "One line: what will be done."
        case .due: "For example 31.3.09, End August 2008, Nov 08-Jan 09, ongoing or To be confirmed."
        case .lead: "Names or posts; separate several with a semicolon."
        case .success: "One on each line."
        case .milestones: "One on each line: a date, a bar, then the step. For example: August 2008 | Appointment made"
        case .notes: nil
        case .status, .resources, .risk: nil
        }
    }
}

/// Plain words for dates, statuses and readings.
enum Words {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    static func day(_ day: Day) -> String { "\(day.day) \(months[day.month - 1]) \(day.year)" }

    static func status(_ status: ActionStatus) -> String {
        let raw = status.rawValue
        return raw.prefix(1).uppercased() + raw.dropFirst()
    }

    /// How a due date was read, in words ("31 March 2009"), nil when it says nothing new.
    static func reading(_ due: DueDate) -> String? {
        switch due.kind {
        case .date: due.end.map(day)
        case .period:
            if let start = due.start, let end = due.end { "\(day(start)) to \(day(end))" } else { nil }
        case .open:
            switch due.open {
            case .ongoing: "ongoing, no end date"
            case .immediate: "straight away"
            case .toBeConfirmed: "a date still to be confirmed"
            case .recurring: "a recurring date"
            case nil: nil
            }
        case .unread: "not a date that can be read"
        }
    }

    /// A message as a sentence: capital first letter, full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let body = first.uppercased() + text.dropFirst()
        return body.hasSuffix(".") ? body : body + "."
    }
}
