/// A due date as people wrote it, and what planmerge understood of it.
///
/// The text is always kept exactly; `kind`, `start` and `end` are the reading.
/// `end` is the last day the action is due by (inclusive); `start` is the first day of a
/// period (for a single date, start == end).
public struct DueDate: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// One day ("31.3.09"), or a month read as its last day ("End August 2008"): start == end.
        case date
        /// A span with a start and an end ("Nov 08-Jan 09", "2008/09 financial year").
        case period
        /// Deliberately no date: ongoing, immediate, to be confirmed, monthly, ...
        case open
        /// Not understood: kept as written, reported as a warning.
        case unread
    }

    /// What an open due date means, when `kind == .open`.
    public enum OpenForm: String, Hashable, Sendable, Codable, CaseIterable {
        case ongoing
        case immediate
        case toBeConfirmed = "tbc"
        case recurring
    }

    public var text: String
    public var kind: Kind
    public var start: Day?
    public var end: Day?
    public var open: OpenForm?
    /// A short plain-English note on how the text was read ("month read as its last day").
    public var note: String?

    public init(
        text: String, kind: Kind, start: Day? = nil, end: Day? = nil, open: OpenForm? = nil,
        note: String? = nil
    ) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.open = open
        self.note = note
    }

    /// True for "To be confirmed" and its spellings.
    public var isToBeConfirmed: Bool { open == .toBeConfirmed }
}
