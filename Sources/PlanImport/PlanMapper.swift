import Foundation
import PlanModel

/// What `import` is told besides the files.
public struct ImportOptions: Hashable, Sendable {
    /// The plan title (default: the document's title).
    public var title: String?
    /// The lead authority; also the partner of actions nothing else places.
    public var authority: String?
    /// Officer and organisation names -> partner ids.
    public var partnerMap: PartnerMap?

    /// Options as the command line gives them.
    public init(title: String? = nil, authority: String? = nil, partnerMap: PartnerMap? = nil) {
        self.title = title
        self.authority = authority
        self.partnerMap = partnerMap
    }
}

/// The plan an import made: the manifest's text, each section file's canonical text by
/// path, and the account of every source row.
public struct ImportedPlan: Hashable, Sendable {
    /// The text of `plan.yaml`.
    public var manifest: String
    /// `sections/<partner>/<N>.md` -> canonical text.
    public var files: [String: String]
    /// What became of every source row.
    public var report: ImportReport
    /// Officer and organisation names found, with how many actions name each (for
    /// `--suggest-map`), in order of first appearance.
    public var names: [FoundName]
    /// Problems of the generated section files (none expected; an import with any fails).
    public var diagnostics: [Diagnostic]

    /// True when there is at least one action, every row was placed and the files parse
    /// without errors.
    public var isComplete: Bool {
        !files.isEmpty && report.unplaced.isEmpty && !diagnostics.contains { $0.severity == .error }
    }
}

/// A lead officer or organisation the source names.
public struct FoundName: Hashable, Sendable, Codable {
    /// A lead officer, or an organisation from a partner column.
    public enum Kind: String, Hashable, Sendable, Codable { case officer, organisation }
    /// The name as the source writes it.
    public var name: String
    /// Officer or organisation.
    public var kind: Kind
    /// How many actions name it.
    public var actions: Int
    /// The partner id the import gave the actions that name it.
    public var partner: String
}

/// Turns the rows the readers found into a plan: columns by header, recommendations from
/// headings, merged rows or a column, partners through the map, and one `RowOutcome` for
/// every row.
public struct PlanMapper {
    let options: ImportOptions
    var report = ImportReport()
    var recommendations: [Int: DraftRecommendation] = [:]
    var actions: [DraftAction] = []
    var usedRefs: [ActionRef: String] = [:]
    var names: [FoundName] = []

    // Reading state.
    var currentRecommendation: Int?
    var currentTimescale: Headings.Timescale?
    var awaitingText = false
    var block: BlockKind?
    /// The heading level of the recommendation heading above (nil: not a heading).
    var recommendationLevel: Int?
    var roles: [ColumnRole]?
    var lastWidth = 0
    var title: String?
    /// Timescale id -> the day its actions are due by, where the document says so.
    var timescaleEnds: [String: Day] = [:]
    var inspection: String?
    var published: Day?
    var isSpreadsheet = false

    /// A mapper with these options; call `map` once.
    public init(options: ImportOptions) {
        self.options = options
    }

    /// Maps the documents, in order, into one plan.
    public mutating func map(_ documents: [SourceDocument]) throws -> ImportedPlan {
        for document in documents {
            isSpreadsheet = !document.file.lowercased().hasSuffix(".docx")
            roles = nil
            for item in document.items {
                switch item {
                case .paragraph(let text, let heading): paragraph(text, heading: heading)
                case .table(let table): self.table(table)
                }
            }
        }
        return try finish()
    }

    // MARK: Paragraphs

    mutating func paragraph(_ line: String, heading: Int?) {
        let text = stripBullet(line)
        if let heading, heading <= 1, title == nil, Headings.recommendation(text) == nil,
            Headings.timescale(text) == nil
        {
            title = text
        }
        if let rec = Headings.recommendation(text) {
            startRecommendation(rec.number, text: rec.text)
            recommendationLevel = heading
            awaitingText = rec.text.isEmpty
            return
        }
        if let timescale = Headings.timescale(text) {
            currentTimescale = timescale
            awaitingText = false
            block = nil
            return
        }
        if let heading {
            // Text blocks only under a recommendation that is itself a heading, one level down.
            if let level = recommendationLevel, heading > level, currentRecommendation != nil {
                block = BlockKind(heading: text)
            } else {
                block = nil
                recommendationLevel = nil
            }
            awaitingText = false
            return
        }
        // "Actions in this group are due by 9 September 2008": the timescale group's end.
        if let timescale = currentTimescale, let range = text.range(of: "due by ", options: .caseInsensitive) {
            let rest = text[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            let due = DueDateReader.read(rest, reference: published)
            if due.kind == .date, let end = due.end, timescaleEnds[timescale.id] == nil {
                timescaleEnds[timescale.id] = end
                return
            }
        }
        if let (label, value) = Headings.labelled(text) {
            switch label {
            case "lead partner": if let n = currentRecommendation { recommendations[n]?.leadName = value }
            case "lead officer", "lead": if let n = currentRecommendation { recommendations[n]?.officer = value }
            case "inspection": if inspection == nil { inspection = value }
            case "report published", "published": if published == nil { published = DueDateReader.read(value).end }
            default: break
            }
            if ["lead partner", "lead officer", "lead", "partners"].contains(label) { return }
        }
        if awaitingText, let n = currentRecommendation {
            recommendations[n]?.text = text
            awaitingText = false
            return
        }
        if let kind = block, let n = currentRecommendation {
            recommendations[n]?.blocks[kind, default: []].append(line)
        }
    }

    mutating func startRecommendation(_ number: Int, text: String) {
        currentRecommendation = number
        block = nil
        var rec = recommendations[number] ?? DraftRecommendation(number: number)
        if !text.isEmpty { rec.text = text }
        if let t = currentTimescale { rec.timescale = t.id }
        recommendations[number] = rec
    }

    // MARK: Tables

    mutating func table(_ table: SourceTable) {
        block = nil
        awaitingText = false
        var first = true
        for row in table.rows {
            var row = row
            if isSpreadsheet {
                for i in row.cells.indices { row.cells[i].text = SpreadsheetText.restored(row.cells[i].text) }
            }
            if row.isEmpty {
                report.rows.append(RowOutcome(place: row.place, outcome: .skipped, notes: ["empty row"]))
                continue
            }
            if let header = HeaderRow(row) {
                let repeated = roles == header.roles
                roles = header.roles
                lastWidth = row.cells.count
                first = false
                report.rows.append(
                    RowOutcome(
                        place: row.place, outcome: .header,
                        notes: [repeated ? "header row repeated" : "header row: " + describe(header.roles)]))
                continue
            }
            let filled = row.filled
            if filled.count == 1,
                filled[0].span > 1 || Headings.recommendation(filled[0].text) != nil
                    || Headings.timescale(filled[0].text) != nil
            {
                mergedRow(row, text: filled[0].text)
                continue
            }
            if row.isMarkedHeader {
                report.rows.append(
                    RowOutcome(
                        place: row.place, outcome: .skipped,
                        notes: [
                            "a row Word repeats as a header on each page, but its headings name no action column: "
                                + short(row.filled.map(\.text).joined(separator: " | "))
                        ]))
                continue
            }
            var continued = false
            if first {
                first = false
                // A table continued on a new page without its header keeps the columns above.
                if roles != nil, row.cells.count != lastWidth { roles = nil }
                continued = roles != nil
            }
            guard let roles else {
                report.rows.append(
                    RowOutcome(
                        place: row.place, outcome: .skipped,
                        notes: [
                            "not an action table: no header row names an action column and a due, lead or reference column"
                        ]))
                continue
            }
            dataRow(row, roles: roles)
            if continued, let last = report.rows.indices.last {
                report.rows[last].notes.insert(
                    "the table has no header row: read with the columns of the table above", at: 0)
            }
        }
    }

    mutating func mergedRow(_ row: SourceRow, text: String) {
        if let rec = Headings.recommendation(text) {
            startRecommendation(rec.number, text: rec.text)
            report.rows.append(RowOutcome(place: row.place, outcome: .heading, notes: ["recommendation \(rec.number)"]))
        } else if let timescale = Headings.timescale(text) {
            currentTimescale = timescale
            report.rows.append(RowOutcome(place: row.place, outcome: .heading, notes: ["timescale \(timescale.id)"]))
        } else {
            report.rows.append(
                RowOutcome(
                    place: row.place, outcome: .skipped,
                    notes: ["a merged row that is not a recommendation or timescale heading: \(short(text))"]))
        }
    }

    func describe(_ roles: [ColumnRole]) -> String {
        roles.map { role -> String in
            switch role {
            case .ref: "ref"
            case .recommendation: "recommendation"
            case .text: "action"
            case .timescale: "timescale"
            case .partnerID: "partner id"
            case .partner: "partner"
            case .field(let f): f.label.lowercased()
            case .details: "details"
            case .notes: "notes"
            case .derived: "(derived)"
            case .other(let h): h.isEmpty ? "-" : "'\(h)' (notes)"
            }
        }.joined(separator: ", ")
    }

    func short(_ text: String) -> String {
        let one = text.replacingOccurrences(of: "\n", with: " ")
        return one.count > 60 ? String(one.prefix(57)) + "..." : one
    }
}

struct DraftRecommendation: Hashable {
    var number: Int
    var text: String?
    var timescale: String?
    var leadName: String?
    var officer: String?
    var blocks: [BlockKind: [String]] = [:]

    init(number: Int) { self.number = number }
}

struct DraftAction: Hashable {
    var ref: ActionRef
    var text: String
    var partner: String
    var values: [ActionField: [String]] = [:]
    var details: [String] = []
    var notes: [String] = []
    /// The report entry of the row that made it.
    var outcome: Int
}
