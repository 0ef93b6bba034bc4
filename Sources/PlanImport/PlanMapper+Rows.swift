import Foundation
import PlanModel

/// One data row of an action table: a new action, or more of the action above.
extension PlanMapper {
    /// Status words that mean "no status given" (the DOCX renderer writes `No status`).
    static let noStatus: Set<String> = ["", "-", "n/a", "na", "none", "no status", "tbc", "not stated"]

    mutating func dataRow(_ row: SourceRow, roles: [ColumnRole]) {
        func cells(_ role: ColumnRole) -> [SourceCell] {
            roles.indices.filter { roles[$0] == role && $0 < row.cells.count }.map { row.cells[$0] }
                .filter { !$0.text.isEmpty }
        }
        let refCell = cells(.ref).first
        let textLines = cells(.text).flatMap(\.lines)
        let index = report.rows.count
        var notes: [String] = []

        if refCell == nil, textLines.isEmpty {
            guard !actions.isEmpty else {
                report.rows.append(
                    RowOutcome(
                        place: row.place, outcome: .unplaced,
                        notes: ["no reference and no action text, and no action above to continue"]))
                return
            }
            var action = actions[actions.count - 1]
            fill(&action, row: row, roles: roles, notes: &notes)
            actions[actions.count - 1] = action
            report.rows.append(
                RowOutcome(
                    place: row.place, outcome: .continuation, ref: action.ref.description, partner: action.partner,
                    notes: ["no reference and no action text: added to \(action.ref)"] + notes))
            return
        }

        // The recommendation: from the reference, the recommendation column, or the heading above.
        var number = currentRecommendation
        if let cell = cells(.recommendation).first {
            let (n, text) = Headings.recommendationCell(cell.text)
            if let n {
                number = n
                var rec = recommendations[n] ?? DraftRecommendation(number: n)
                if !text.isEmpty, rec.text == nil { rec.text = text }
                recommendations[n] = rec
            } else if let known = recommendations.values.first(where: { $0.text == text }) {
                number = known.number
            } else {
                let n = (recommendations.keys.max() ?? 0) + 1
                var rec = DraftRecommendation(number: n)
                rec.text = text
                recommendations[n] = rec
                number = n
                notes.append("the recommendation has no number in the source: numbered \(n)")
            }
        }
        var ref: ActionRef?
        if let refCell {
            let written = refCell.text.trimmingCharacters(in: CharacterSet(charactersIn: " .\n"))
                .replacingOccurrences(of: " ", with: "").lowercased()
            if let parsed = ActionRef(written) {
                ref = parsed
                if let n = number, n != parsed.recommendation, cells(.recommendation).isEmpty {
                    notes.append("reference \(parsed) stands under recommendation \(n): placed by its reference")
                }
                number = parsed.recommendation
                if refCell.isNumber {
                    notes.append(
                        "the reference was stored as a number and reads \(written); "
                            + "if the plan wrote \(written)0 (or another trailing zero), correct it and import again")
                }
            } else if let item = Int(written), item > 0, let n = number {
                ref = ActionRef(recommendation: n, item: item)
                notes.append("reference '\(refCell.text)' read as \(n).\(item) (recommendation \(n))")
            } else {
                notes.append("reference '\(refCell.text)' is not N.M (like 6.10)")
            }
        }
        if ref == nil, textLines.isEmpty {
            report.rows.append(
                RowOutcome(
                    place: row.place, outcome: .unplaced,
                    notes: notes + ["no action text and no reference N.M: not an action, and not more of the one above"]
                ))
            return
        }
        guard let number else {
            report.rows.append(
                RowOutcome(
                    place: row.place, outcome: .unplaced,
                    notes: notes + [
                        "no recommendation: no reference N.M, no recommendation column and no "
                            + "'Recommendation N' heading or merged row above"
                    ]))
            return
        }
        if recommendations[number] == nil {
            recommendations[number] = DraftRecommendation(number: number)
            if let t = currentTimescale { recommendations[number]?.timescale = t.id }
        }
        currentRecommendation = number
        if let t = cells(.timescale).first, let id = Headings.timescaleCell(t.text) {
            recommendations[number]?.timescale = id
        }
        if ref == nil {
            ref = generatedRef(number)
            notes.append("no reference in the source: given \(ref!)")
        }
        guard let ref else { return }
        if let taken = usedRefs[ref] {
            report.rows.append(
                RowOutcome(
                    place: row.place, outcome: .unplaced, ref: ref.description,
                    notes: notes + ["reference \(ref) is already used by \(taken)"]))
            return
        }
        usedRefs[ref] = row.place

        let leads = leadNames(cells(.field(.lead)).flatMap(\.lines))
        let (partner, partnerNote) = partner(
            id: cells(.partnerID).first?.text, name: cells(.partner).first?.text, leads: leads,
            recommendation: number)
        if let partnerNote { notes.append(partnerNote) }
        var action = DraftAction(ref: ref, text: "", partner: partner, outcome: index)
        var lines = textLines
        action.text = lines.isEmpty ? "" : stripBullet(lines.removeFirst())
        for line in lines { textLine(line, into: &action) }
        fill(&action, row: row, roles: roles, notes: &notes)
        actions.append(action)
        report.rows.append(
            RowOutcome(
                place: row.place, outcome: .imported, ref: ref.description, partner: partner, notes: notes))
    }

    /// The next free reference: a letter after a reference the source gave just above (as
    /// the seeds' unnumbered rows, `2.6a`), else the next number in the recommendation.
    func generatedRef(_ number: Int) -> ActionRef {
        if let last = actions.last, last.ref.recommendation == number,
            report.rows[last.outcome].notes.allSatisfy({ !$0.hasPrefix("no reference in the source") })
        {
            for letter in "abcdefghijklmnopqrstuvwxyz" {
                let ref = ActionRef(recommendation: number, item: last.ref.item, suffix: String(letter))
                if usedRefs[ref] == nil { return ref }
            }
        }
        let item = (usedRefs.keys.filter { $0.recommendation == number }.map(\.item).max() ?? 0) + 1
        return ActionRef(recommendation: number, item: item)
    }

    /// A line of the action cell after the first: `Resources: ...` (as planmerge's DOCX
    /// writes fields there) goes to its field, `Note: ...` to the notes, the rest to details.
    func textLine(_ line: String, into action: inout DraftAction) {
        if let (label, value) = Headings.labelled(line), !value.isEmpty {
            if label == "note" || label == "notes" {
                action.notes.append(value)
                return
            }
            if let field = ActionField(named: label), field != .status {
                var value = value
                if field == .milestone, !value.contains("|"), let colon = value.range(of: ": ") {
                    value = value[..<colon.lowerBound] + " | " + value[colon.upperBound...]
                }
                action.values[field, default: []].append(value)
                return
            }
        }
        // A nested table of dates and steps (`December 2008 | Draft map`) holds milestones.
        if let bar = line.range(of: " | "),
            DueDateReader.read(String(line[..<bar.lowerBound]), reference: published).kind != .unread
        {
            action.values[.milestone, default: []].append(line)
            return
        }
        action.details.append(line)
    }

    /// Adds a row's field cells to an action.
    mutating func fill(_ action: inout DraftAction, row: SourceRow, roles: [ColumnRole], notes: inout [String]) {
        for (column, role) in roles.enumerated() where column < row.cells.count {
            let cell = row.cells[column]
            let lines = cell.lines
            guard !lines.isEmpty else { continue }
            switch role {
            case .field(.due):
                var rest = lines
                let first = rest.removeFirst()
                if first.lowercased() == "no date" { continue }
                if action.values[.due] != nil {
                    action.notes.append("Due: \(first)")
                } else {
                    action.values[.due] = [first]
                }
                for line in rest where !restates(line, due: first) { action.notes.append("Due: \(line)") }
            case .field(.lead):
                let leads = leadNames(lines)
                if !leads.isEmpty { action.values[.lead, default: []] += leads }
            case .field(.status):
                let text = lines.joined(separator: " ")
                if let status = ActionStatus(reading: text) {
                    action.values[.status] = [status.rawValue]
                } else if !PlanMapper.noStatus.contains(text.lowercased()) {
                    action.notes.append("Progress: \(text)")
                    notes.append("progress '\(short(text))' is not a status word: kept in the notes")
                }
            case .field(let field) where field.isRepeatable:
                for line in lines.map(stripBullet) {
                    if field == .milestone, !line.contains("|") {
                        action.notes.append("Milestone: \(line)")
                    } else {
                        action.values[field, default: []].append(line)
                    }
                }
            case .field(.seeAlso):
                action.values[.seeAlso, default: []].append(lines.map(stripBullet).joined(separator: ", "))
            case .field(let field):
                action.values[field, default: []].append(lines.map(stripBullet).joined(separator: " "))
            case .details:
                action.details += lines
            case .notes:
                action.notes += lines
            case .other(let header) where !header.isEmpty:
                action.notes.append("\(header): \(lines.joined(separator: " "))")
            case .ref, .text, .recommendation, .timescale, .partnerID, .partner, .derived, .other:
                break
            }
        }
    }

    /// True when a further line of a due cell only says again what the first line says, as
    /// planmerge's DOCX writes its reading under a due text (`31 Mar 2009`, `ongoing`,
    /// `recurring until 31 Mar 2009`, `from 1 Sep 2008`, `not read`, `OVERDUE`).
    func restates(_ line: String, due first: String) -> Bool {
        if line == "OVERDUE" || line.lowercased() == "not read" { return true }
        let due = DueDateReader.read(first, reference: published)
        let other = DueDateReader.read(line, reference: published)
        if let end = other.end, end == due.end { return true }
        if let start = other.start, start == due.start, due.end == nil { return true }
        return other.kind == .open && due.kind == .open && other.open == due.open
    }

    /// Lead officers from a cell: one per line, and `;`-separated within a line.
    func leadNames(_ lines: [String]) -> [String] {
        lines.map(stripBullet).flatMap { $0.split(separator: ";") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func stripBullet(_ line: String) -> String {
        for bullet in ["- ", "• ", "· ", "* ", "o "] where line.hasPrefix(bullet) {
            return String(line.dropFirst(bullet.count)).trimmingCharacters(in: .whitespaces)
        }
        if line.hasPrefix("•") { return String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return line
    }

    /// The partner an action belongs to, and a note when the choice should be checked.
    mutating func partner(id: String?, name: String?, leads: [String], recommendation: Int) -> (String, String?) {
        let map = options.partnerMap ?? PartnerMap()
        if let id, PartnerMap.isValidID(id) {
            if let name { record(name, .organisation, id) }
            leads.forEach { record($0, .officer, id) }
            return (id, nil)
        }
        if let name, !name.isEmpty {
            let found = map.partner(for: name)
            let id = found ?? PartnerMap.slug(name)
            record(name, .organisation, id)
            leads.forEach { record($0, .officer, id) }
            return (id, found == nil ? "partner '\(name)' is not in the map: id '\(id)' made from the name" : nil)
        }
        let parts = leads.flatMap { lead in
            [lead]
                + lead.components(separatedBy: CharacterSet(charactersIn: "/,&")).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
        }
        if let id = parts.lazy.compactMap({ map.partner(for: $0) }).first {
            leads.forEach { record($0, .officer, id) }
            return (id, nil)
        }
        if let lead = recommendations[recommendation]?.leadName, let id = map.partner(for: lead) {
            leads.forEach { record($0, .officer, id) }
            return (id, nil)
        }
        let id = map.defaultPartner ?? fallbackPartner
        leads.forEach { record($0, .officer, id) }
        let note =
            leads.isEmpty || options.partnerMap == nil
            ? nil : "no map entry for its lead: the default partner '\(id)'"
        return (id, note)
    }

    /// The partner of actions nothing else places: the authority's.
    var fallbackPartner: String { PartnerMap.slug(options.authority ?? "council") }

    mutating func record(_ name: String, _ kind: FoundName.Kind, _ partner: String) {
        if let i = names.firstIndex(where: { $0.name == name && $0.kind == kind }) {
            names[i].actions += 1
        } else {
            names.append(FoundName(name: name, kind: kind, actions: 1, partner: partner))
        }
    }
}
