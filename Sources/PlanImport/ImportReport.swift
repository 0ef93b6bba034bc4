/// What became of every source row, with its place: the import's account.
public struct ImportReport: Hashable, Sendable, Codable {
    /// One entry per source row, in source order.
    public var rows: [RowOutcome]
    /// Findings about the whole import (no partner map, a timescale guessed...).
    public var notes: [String]

    /// A report with these entries.
    public init(rows: [RowOutcome] = [], notes: [String] = []) {
        self.rows = rows
        self.notes = notes
    }

    /// Rows that could not be placed in the plan: the import fails (exit 1) when there are any.
    public var unplaced: [RowOutcome] { rows.filter { $0.outcome == .unplaced } }

    /// How many rows had this outcome.
    public func count(_ outcome: RowOutcome.Outcome) -> Int { rows.filter { $0.outcome == outcome }.count }

    /// `120 rows: 114 imported, 2 continued the action above, 4 skipped, 0 not placed`.
    public var summary: String {
        "\(rows.count) rows: \(count(.imported)) imported, \(count(.continuation)) continued the action above, "
            + "\(count(.heading)) headings, \(count(.header)) header rows, \(count(.skipped)) skipped, "
            + "\(count(.unplaced)) not placed"
    }
}

/// One source row and what became of it.
public struct RowOutcome: Hashable, Sendable, Codable {
    /// What a row became.
    public enum Outcome: String, Hashable, Sendable, Codable {
        /// A new action.
        case imported
        /// More of the action above (a row with no reference and no action text).
        case continuation
        /// A header row (first, repeated on a new page, or retyped).
        case header
        /// A recommendation or timescale heading written as a merged row.
        case heading
        /// Not part of the plan (an empty row, a table that is not an action table).
        case skipped
        /// Part of the plan but could not be placed: the import fails.
        case unplaced
    }

    /// `plan.docx: table 4, row 7`, `Sheet1!A12`.
    public var place: String
    /// What the row became.
    public var outcome: Outcome
    /// The action the row made or continued.
    public var ref: String?
    /// The partner id of the action it made or continued.
    public var partner: String?
    /// Why it was skipped or not placed; what was generated or questioned.
    public var notes: [String]

    /// An entry for the row at `place`.
    public init(place: String, outcome: Outcome, ref: String? = nil, partner: String? = nil, notes: [String] = []) {
        self.place = place
        self.outcome = outcome
        self.ref = ref
        self.partner = partner
        self.notes = notes
    }
}
