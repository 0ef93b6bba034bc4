import Foundation
import PlanModel

/// What a column of a source table holds, recognised from its header whatever the order
/// and wording: action fields through `ActionField(named:)` (the aliases the section format
/// accepts), and the few columns that are not action fields (reference, action text,
/// recommendation, partner, notes) through the small table here.
public enum ColumnRole: Hashable, Sendable {
    case ref
    case recommendation
    case text
    /// The inspection's timescale group (when the table also has a due column).
    case timescale
    /// A partner id as planmerge writes it (`leicester-pct`).
    case partnerID
    /// An organisation's name.
    case partner
    case field(ActionField)
    case details
    case notes
    /// Derived columns planmerge's own CSV and XLSX carry (due kind, overdue, file): read
    /// again from the due text, so left out.
    case derived
    /// Anything else: kept in the action's notes as `Header: value`.
    case other(String)

    /// The role of a header cell; `.other` when nothing matches.
    public init(header raw: String) {
        guard raw.utf8.count <= 80 else {  // a header is a few words; long text is a data cell
            self = .other(raw)
            return
        }
        let key = ColumnRole.fold(raw)
        // "Success criteria/milestones", "Lead officer (service)": else the first part that is known.
        let withoutBrackets = key.split(separator: "(").first.map(String.init) ?? key
        let parts = withoutBrackets.replacingOccurrences(of: " and ", with: "/")
            .replacingOccurrences(of: "&", with: "/")
            .split(separator: "/").map { ColumnRole.fold(String($0)) }
        for candidate in [key, ColumnRole.fold(withoutBrackets)] + parts where !candidate.isEmpty {
            if let role = ColumnRole.extra[candidate] ?? ActionField(named: candidate).map(ColumnRole.field) {
                self = role
                return
            }
        }
        self = .other(raw.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Lowercase, one space between words, no trailing `:`, `.`, `*`.
    static func fold(_ raw: String) -> String {
        let words = raw.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" })
        var key = Substring(words.joined(separator: " "))
        while let last = key.last, " :.*?".contains(last) { key = key.dropLast() }
        while let first = key.first, " :.*?".contains(first) { key = key.dropFirst() }
        return String(key)
    }

    /// Columns that are not action fields, and header words the field aliases do not cover.
    static let extra: [String: ColumnRole] = {
        var map: [String: ColumnRole] = [:]
        func add(_ role: ColumnRole, _ names: [String]) { for n in names { map[n] = role } }
        add(
            .ref,
            [
                "ref", "refs", "ref no", "reference", "action ref", "action reference", "action no", "action number",
                "no", "number", "item", "item no", "#", "id",
            ])
        add(
            .recommendation,
            [
                "recommendation", "recommendations", "rec", "rec no", "recommendation no",
                "recommendation number", "jar recommendation", "inspection recommendation",
                "area for improvement", "areas for improvement",
            ])
        add(
            .text,
            [
                "action", "actions", "action required", "actions required", "action to be taken",
                "the action to be taken", "actions to be taken", "key action", "key actions", "activity",
                "activities", "task", "tasks", "action description", "description", "what we will do",
                "planned action", "planned actions",
            ])
        add(.timescale, ["timescale", "timescales", "timeframe", "time frame", "timescale group"])
        add(.partnerID, ["partner id"])
        add(
            .partner,
            [
                "partner", "partners", "agency", "lead agency", "organisation", "organization",
                "lead organisation", "lead organization", "lead partner", "service", "lead service", "body",
            ])
        add(.field(.status), ["rag", "rag status", "rag rating", "rating", "status (rag)"])
        add(.field(.due), ["target date", "completion date", "date due", "due by", "target", "by when"])
        add(
            .notes,
            [
                "notes", "note", "comments", "comment", "commentary", "remarks", "update", "progress update",
                "progress to date", "progress notes", "latest update",
            ])
        add(.details, ["details", "detail"])
        add(.derived, ["due kind", "due start", "due end", "due open", "due note", "overdue", "file"])
        return map
    }()

    /// True for the roles that name or identify an action (a row with none of them filled
    /// continues the action above).
    var identifies: Bool {
        switch self {
        case .ref, .text: true
        default: false
        }
    }
}

/// The roles of a header row, or nil when the row is not a header: it must name the action
/// column and at least one other column that only an action table has.
struct HeaderRow {
    var roles: [ColumnRole]

    init?(_ row: SourceRow) {
        var roles = row.cells.map { $0.text.isEmpty ? ColumnRole.other("") : ColumnRole(header: $0.text) }
        guard roles.contains(.text) else { return nil }
        let telling = roles.filter {
            switch $0 {
            case .ref, .recommendation, .timescale, .field(.due), .field(.lead), .field(.success), .field(.milestone):
                true
            default: false
            }
        }
        guard !telling.isEmpty else { return nil }
        // Most filled cells must name a known column: a data row holding "Action" and "date" is no header.
        let filled = zip(row.cells, roles).filter { !$0.0.text.isEmpty }
        let known = filled.filter { if case .other = $0.1 { false } else { true } }
        guard known.count * 3 >= filled.count * 2 else { return nil }
        // "Timescale" is the due date unless another column is.
        if !roles.contains(.field(.due)) {
            roles = roles.map { $0 == .timescale ? .field(.due) : $0 }
        }
        self.roles = roles
    }
}
