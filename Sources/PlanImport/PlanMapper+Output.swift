import Foundation
import PlanModel
import Yams

/// The plan the drafts make: section files in canonical form and the manifest.
extension PlanMapper {
    mutating func finish() throws -> ImportedPlan {
        let map = options.partnerMap ?? PartnerMap()
        if actions.isEmpty {
            report.notes.append(
                "no action was found: planmerge reads tables with one action per row under a header row that names "
                    + "the action column (docs/IMPORT.md)")
        }
        if options.partnerMap == nil, !actions.isEmpty {
            report.notes.append(
                "no --map: actions without a partner column are placed with '\(fallbackPartner)'; "
                    + "draft a map with --suggest-map")
        }
        // Partners in order of first action.
        var partnerIDs: [String] = []
        for a in actions where !partnerIDs.contains(a.partner) { partnerIDs.append(a.partner) }

        // Recommendations: text, timescale, lead partner.
        var entries: [Recommendation] = []
        for number in recommendations.keys.sorted() {
            let rec = recommendations[number]!
            let own = actions.filter { $0.ref.recommendation == number }
            var counts: [String: Int] = [:]
            for a in own { counts[a.partner, default: 0] += 1 }
            var order: [String] = []
            for a in own where !order.contains(a.partner) { order.append(a.partner) }
            let named = rec.leadName.flatMap { map.partner(for: $0) ?? (PartnerMap.isValidID($0) ? $0 : nil) }
            // The partner with most actions; the first of them on a tie.
            let busiest = order.reduce(nil as String?) { best, id in
                guard let best else { return id }
                return (counts[id] ?? 0) > (counts[best] ?? 0) ? id : best
            }
            let lead = named ?? busiest ?? map.defaultPartner ?? fallbackPartner
            if !partnerIDs.contains(lead) { partnerIDs.append(lead) }
            var text = rec.text ?? ""
            if text.isEmpty {
                text = "Recommendation \(number)"
                report.notes.append("recommendation \(number): the source gives no text; write it in plan.yaml")
            }
            var timescale = rec.timescale ?? ""
            if timescale.isEmpty {
                timescale = Headings.standard[0].id
                report.notes.append(
                    "recommendation \(number): the source gives no timescale; set to '\(timescale)', check it")
            }
            entries.append(
                Recommendation(
                    number: number, text: text, timescale: timescale, lead: lead, officer: rec.officer,
                    partners: order.filter { $0 != lead }))
        }

        var files: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var groups: [String: [DraftAction]] = [:]
        for a in actions {
            groups[SectionFile.path(partner: a.partner, recommendation: a.ref.recommendation), default: []].append(a)
        }
        for entry in entries where !(recommendations[entry.number]?.blocks.isEmpty ?? true) {
            groups[SectionFile.path(partner: entry.lead, recommendation: entry.number), default: []] += []
        }
        let parser = SectionParser(dueReference: published)
        for (path, drafts) in groups {
            guard let (partner, name) = SectionFile.splitPath(path), let number = Int(name.dropLast(".md".count)) else {
                continue
            }
            let isLead = entries.first { $0.number == number }?.lead == partner
            let blocks = isLead ? recommendations[number]?.blocks ?? [:] : [:]
            let text = sectionText(number, blocks: blocks, actions: drafts)
            let parsed = parser.parse(text, path: path)
            diagnostics += parsed.diagnostics.filter { $0.severity == .error }
            files[path] = SectionFormatter.format(parsed.section)
        }

        let partners = partnerIDs.map { id -> Partner in
            let officers = unique(actions.filter { $0.partner == id }.flatMap { $0.values[.lead] ?? [] })
            return Partner(id: id, name: partnerName(id, map: map), officers: officers)
        }
        let manifest = try manifestText(recommendations: entries, partners: partners)
        return ImportedPlan(
            manifest: manifest, files: files, report: report, names: names, diagnostics: diagnostics)
    }

    func partnerName(_ id: String, map: PartnerMap) -> String {
        if let name = map.names[id] { return name }
        if let found = names.first(where: { $0.kind == .organisation && $0.partner == id }) { return found.name }
        if id == fallbackPartner, let authority = options.authority { return authority }
        return id
    }

    func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// A section file as the section format writes it; parsed and formatted after.
    func sectionText(_ number: Int, blocks: [BlockKind: [String]], actions: [DraftAction]) -> String {
        var out = ["# Recommendation \(number)"]
        for kind in BlockKind.allCases {
            guard let lines = blocks[kind], !lines.isEmpty else { continue }
            out += ["", "### \(kind.heading)"] + lines.map(safeLine)
        }
        for a in actions {
            out.append("")
            out.append(("## \(a.ref) " + oneLine(a.text)).trimmingCharacters(in: .whitespaces))
            for field in ActionField.allCases {
                guard let values = a.values[field], !values.isEmpty else { continue }
                let lines: [String]
                switch field {
                case _ where field.isRepeatable: lines = values
                case .lead: lines = [values.joined(separator: "; ")]
                case .seeAlso: lines = [values.joined(separator: ", ")]
                default: lines = [values.joined(separator: " ")]
                }
                out += lines.map { "\(field.label): \(oneLine($0))" }
            }
            if !a.details.isEmpty { out += ["", "### Details"] + a.details.map(safeLine) }
            if !a.notes.isEmpty { out += ["", "### Notes"] + a.notes.map(safeLine) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// A free-text line that cannot be read as a heading of the section format.
    func safeLine(_ line: String) -> String {
        let one = oneLine(line)
        return one.hasPrefix("#") ? "\\" + one : one
    }

    // MARK: The manifest

    func manifestText(recommendations: [Recommendation], partners: [Partner]) throws -> String {
        func str(_ s: String) -> Node {
            let risky =
                Int(s) != nil || Double(s) != nil
                || ["", "true", "false", "yes", "no", "null", "on", "off", "~"].contains(s.lowercased())
            return Node(s, .implicit, risky ? .doubleQuoted : .any)
        }
        func map(_ pairs: [(String, Node?)]) -> Node {
            Node(pairs.compactMap { key, value in value.map { (Node(key), $0) } })
        }
        func list(_ values: [String]) -> Node { Node(values.map(str), .implicit, .flow) }
        let title = options.title ?? self.title ?? "Imported action plan"
        let authority = options.authority ?? "Council"
        let root = map([
            ("planmerge", Node("1")),
            ("title", str(title)),
            ("authority", str(authority)),
            ("inspection", map([("name", str(inspection ?? title)), ("published", published.map { Node($0.iso) })])),
            ("deadline", map([("working-days", Node("70")), ("first-day", Node("publication"))])),
            ("committees", Node([Node](), .implicit, .flow)),
            (
                "timescales",
                Node(
                    Headings.standard.map {
                        map([
                            ("id", str($0.id)), ("name", str($0.name)),
                            ("end", timescaleEnds[$0.id].map { Node($0.iso) }),
                        ])
                    })
            ),
            (
                "recommendations",
                Node(
                    recommendations.map { r in
                        map([
                            ("number", Node("\(r.number)")), ("text", str(r.text)), ("timescale", str(r.timescale)),
                            ("lead", str(r.lead)), ("officer", r.officer.map(str)),
                            ("partners", r.partners.isEmpty ? nil : list(r.partners)),
                        ])
                    })
            ),
            (
                "partners",
                Node(
                    partners.map { p in
                        map([
                            ("id", str(p.id)), ("name", str(p.name)),
                            ("officers", p.officers.isEmpty ? nil : list(p.officers)),
                        ])
                    })
            ),
            (
                "policy",
                map([
                    ("required", list(["lead", "due", "success", "resources", "risk"])),
                    ("missing", Node("warning")),
                ])
            ),
        ])
        let body = try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
        return "# Imported by planmerge import: check recommendations, timescales and partners.\n"
            + "# Format: docs/FORMAT.md\n"
            + body
    }
}
