/// `due-unread`: a due text (or a milestone's date) that planmerge could not read as a
/// date, a period or an open form. It is kept as written; the warning asks for a clearer
/// wording so the plan's timeline, overdue and deadline checks can use it.
public struct DueUnreadCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["due-unread"] }

    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] {
        section.actions.flatMap { action -> [Diagnostic] in
            var out: [Diagnostic] = []
            if let due = action.due, due.kind == .unread {
                let at = (action.fieldPositions[.due] ?? action.position).in(section.path)
                out.append(diagnostic(due, at: at, what: "the due date of action \(action.ref)"))
            }
            // A milestone kept as written has no date of its own: the parser warned already.
            for milestone in action.milestones
            where milestone.due.kind == .unread && !milestone.isKeptAsWritten {
                let at = (action.fieldPositions[.milestone] ?? action.position).in(section.path)
                out.append(diagnostic(milestone.due, at: at, what: "a milestone date of action \(action.ref)"))
            }
            return out
        }
    }

    private func diagnostic(_ due: DueDate, at location: SourceLocation, what: String) -> Diagnostic {
        let why = due.note.map { " (\($0))" } ?? ""
        return Diagnostic(
            .warning, "due-unread", at: location, "\(what), '\(due.text)', is not a date planmerge can read\(why)",
            hint:
                "write a date ('31.3.09', 'End August 2008'), a period ('Nov 08-Jan 09') or 'ongoing' / 'To be confirmed'; put extra words in a Milestone or Notes"
        )
    }
}
