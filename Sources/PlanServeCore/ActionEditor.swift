import PlanModel

/// A problem with what the officer typed, attached to the field it concerns (nil: the
/// action as a whole), in plain words with the hint.
public struct FieldProblem: Sendable, Hashable, Codable {
    public var field: String?
    public var rule: String
    public var message: String
    public var hint: String?

    public init(field: EditableField?, rule: String, message: String, hint: String? = nil) {
        self.field = field?.name
        self.rule = rule
        self.message = message
        self.hint = hint
    }
}

/// Turns the values of a form (or a JSON object) into an action, by writing the action in
/// the section format and reading it back with the same parser the hooks use, so that a
/// value means in the browser exactly what it means in a file.
enum ActionEditor {
    struct Result {
        var action: Action?
        var problems: [FieldProblem]
    }

    static func apply(
        _ edits: [EditableField: String], to action: Action, recommendation: Int, partner: String, dueReference: Day?
    ) -> Result {
        var problems: [FieldProblem] = []
        func value(_ field: EditableField) -> String { edits[field] ?? field.value(in: action) }
        let text = oneLine(value(.text))
        if text.isEmpty {
            problems.append(
                FieldProblem(
                    field: .text, rule: "action-text-empty", message: "the action has no description",
                    hint: "say in one line what will be done"))
        }
        let path = SectionFile.path(partner: partner, recommendation: recommendation)
        var lines = ["# Recommendation \(recommendation)", "", "## \(action.ref) \(text)"]
        var fieldOfLine: [Int: EditableField] = [:]
        for field in ActionField.allCases {
            let editable = EditableField.allCases.first { $0.formatField == field }
            let values: [String]
            if let editable {
                let raw = value(editable)
                values =
                    editable.isMultiline
                    ? raw.split(whereSeparator: \.isNewline).map { oneLine(String($0)) }.filter { !$0.isEmpty }
                    : [oneLine(raw)].filter { !$0.isEmpty }
            } else {
                values = SectionFormatter.values(of: field, in: action)
            }
            for item in values {
                lines.append("\(field.label): \(item)")
                fieldOfLine[lines.count] = editable
            }
        }
        if !action.details.isEmpty {
            lines += ["", "### \(BlockKind.details.heading)"] + action.details
        }
        let notes = value(.notes).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingTrailingWhitespace
        }
        let wantedNotes = BlockText.normalise(notes)
        if !wantedNotes.isEmpty {
            lines += ["", "### \(BlockKind.notes.heading)"]
            for line in wantedNotes {
                lines.append(line)
                fieldOfLine[lines.count] = .notes
            }
        }
        let parsed = SectionParser(dueReference: dueReference).parse(lines.joined(separator: "\n") + "\n", path: path)
        for diagnostic in parsed.diagnostics where diagnostic.severity == .error {
            problems.append(
                FieldProblem(
                    field: fieldOfLine[diagnostic.location.line], rule: diagnostic.rule, message: diagnostic.message,
                    hint: diagnostic.hint))
        }
        guard parsed.section.actions.count == 1, var read = parsed.section.actions.first, read.ref == action.ref,
            read.notes == wantedNotes
        else {
            problems.append(
                FieldProblem(
                    field: .notes, rule: "notes-heading",
                    message: "a line of the notes looks like a heading or a conflict marker",
                    hint: "do not start a line of notes with '#', '<<<<<<<', '=======' or '>>>>>>>'"))
            return Result(action: nil, problems: problems)
        }
        read.position = action.position
        return Result(action: problems.isEmpty ? read : nil, problems: problems)
    }

    /// Folds line breaks and runs of spaces: one-line fields stay on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The fields whose values differ between two actions, in form order.
    static func changedFields(from old: Action?, to new: Action) -> [EditableField] {
        EditableField.allCases.filter { field in old.map { field.value(in: $0) } != field.value(in: new) }
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
