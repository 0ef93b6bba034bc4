import PlanModel

/// How days, due dates and statuses read in every rendered document (UK style, as the
/// Cabinet papers write them). Pure and locale-free: no DateFormatter, no clock.
enum DisplayText {
    /// A milestone as a reader sees it: "when: what", or its line as written when it has no
    /// date of its own.
    static func milestone(_ m: Milestone) -> String { m.isKeptAsWritten ? m.text : "\(m.due.text): \(m.text)" }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    static func shortMonth(_ month: Int) -> String { String(monthNames[month - 1].prefix(3)) }

    /// `31 Mar 2009`.
    static func day(_ day: Day) -> String { "\(day.day) \(shortMonth(day.month)) \(day.year)" }

    /// `1 September 2008`: for headings and cover pages.
    static func longDay(_ day: Day) -> String { "\(day.day) \(monthNames[day.month - 1]) \(day.year)" }

    /// What planmerge understood of a due date, in words: `31 Mar 2009`,
    /// `1 Nov 2008 – 31 Jan 2009`, `from 1 Sep 2008`, `open: ongoing`, `not read`.
    static func reading(_ due: DueDate) -> String {
        switch due.kind {
        case .date:
            return due.end.map(day) ?? "date"
        case .period:
            switch (due.start, due.end) {
            case let (start?, end?): return "\(day(start)) – \(day(end))"
            case let (start?, nil): return "from \(day(start))"
            case let (nil, end?): return "by \(day(end))"
            case (nil, nil): return "period"
            }
        case .open:
            let form = due.open.map(openForm) ?? "open"
            return due.end.map { "\(form) until \(day($0))" } ?? form
        case .unread:
            return "not read"
        }
    }

    static func openForm(_ form: DueDate.OpenForm) -> String {
        switch form {
        case .ongoing: "ongoing"
        case .immediate: "immediate"
        case .toBeConfirmed: "to be confirmed"
        case .recurring: "recurring"
        }
    }

    /// `Not started` ... `Done`; `No status` for nil.
    static func status(_ status: ActionStatus?) -> String {
        guard let status else { return "No status" }
        let word = status.rawValue
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// The status as the plan reports it: the word, and with `reporting: rag` its colour
    /// first (`Green: on track`); `No status` for nil.
    static func status(_ status: ActionStatus?, _ reporting: StatusReporting) -> String {
        guard reporting == .rag, let colour = ragColour(status) else { return self.status(status) }
        return "\(colour): \(DisplayText.status(status).lowercased())"
    }

    /// The RAG colour word of a status (`Green`, `Amber`, `Red`, `Blue`); nil for not
    /// started and no status, which have none.
    static func ragColour(_ status: ActionStatus?) -> String? {
        switch status {
        case .onTrack: "Green"
        case .atRisk: "Amber"
        case .offTrack: "Red"
        case .done: "Blue"
        case .notStarted, nil: nil
        }
    }

    /// What each status word means, for the status key of the paper.
    static func meaning(_ status: ActionStatus?) -> String {
        switch status {
        case .notStarted: "Work on the action has not begun."
        case .onTrack: "Work has begun and the action is expected to be done by its due date."
        case .atRisk:
            "The action may miss its due date or fall short of its success criteria; the lead is acting on it."
        case .offTrack: "The action will miss its due date or its success criteria without further action or help."
        case .done: "The action is complete and its success criteria are met."
        case nil: "The partner has not yet reported a status for the action."
        }
    }

    /// The fill of a status in RAG reporting (hex, no `#`): the colours themselves.
    static func ragFill(_ status: ActionStatus?) -> String {
        switch status {
        case .onTrack: "C6EFCE"
        case .atRisk: "FFEB9C"
        case .offTrack: "FFC7CE"
        case .done: "BDD7EE"
        case .notStarted, nil: "FFFFFF"
        }
    }

    /// `not-started`, `on-track`, ..., `none`: a class name / identifier.
    static func statusKey(_ status: ActionStatus?) -> String {
        status.map { $0.rawValue.replacingOccurrences(of: " ", with: "-") } ?? "none"
    }

    /// Fill colour (hex, no `#`) for a status: shared by HTML, SVG and DOCX so they agree.
    static func statusColour(_ status: ActionStatus?) -> String {
        switch status {
        case .notStarted: "FFFFFF"
        case .onTrack: "C6EFCE"
        case .atRisk: "FFEB9C"
        case .offTrack: "FFC7CE"
        case .done: "D9D9D9"
        case nil: "FFFFFF"
        }
    }

    /// The statutory deadline rule in words: `70 working days from publication`.
    static func deadlineRule(_ rule: DeadlineRule) -> String {
        switch rule.firstDay {
        case .publication: "\(rule.workingDays) working days, the publication day counting as day 1"
        case .next: "\(rule.workingDays) working days from the day after publication"
        }
    }

    /// The reading of a due, or nil when it would only repeat the text as written.
    static func readingIfNew(_ due: DueDate) -> String? {
        let reading = reading(due)
        return reading.lowercased() == due.text.lowercased() ? nil : reading
    }

    /// `Paul Vaughan; Annette Hogarth`.
    static func leads(_ leads: [String]) -> String { leads.joined(separator: "; ") }
}
