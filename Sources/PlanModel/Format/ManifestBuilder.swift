import Yams

/// Builds a `Manifest` from a composed YAML node, key by key (see docs/FORMAT.md).
struct ManifestBuilder {
    let root: Node
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var locations = ManifestLocations()

    init(root: Node, path: String) {
        self.root = root
        self.path = path
    }

    mutating func build() -> Manifest? {
        var top = YAMLFields(root, path: path, context: "the manifest")
        top.unknownKeys(allowed: [
            "planmerge", "title", "authority", "inspection", "deadline", "committees", "timescales",
            "recommendations", "partners", "coordinator", "policy", "reporting", "outcome-areas",
        ])
        if let version = top.int("planmerge"), version != 1 {
            diagnostics.append(
                Diagnostic(
                    .error, "manifest-version", at: top.location(top.value("planmerge")?.mark),
                    "this manifest is for planmerge format \(version); this planmerge reads format 1",
                    hint: "upgrade planmerge, or set 'planmerge: 1'"))
        }
        let title = top.string("title", required: true, example: "Leicester Joint Area Review Action Plan")
        let authority = top.string("authority", required: true, example: "Leicester City Council")
        let inspection = readInspection(&top)
        let deadline = readDeadline(&top)
        let committees = top.list("committees") { "committee \($0)" }.compactMap { readCommittee($0) }
        let timescales = top.list("timescales") { "timescale \($0)" }.compactMap { readTimescale($0) }
        if top.value("timescales") == nil {
            top.missing("timescales", example: "[{id: immediate, name: For immediate action}]")
        }
        let recommendations = top.list("recommendations") { "recommendation entry \($0)" }.compactMap {
            readRecommendation($0)
        }
        if top.value("recommendations") == nil {
            top.missing("recommendations", example: "[{number: 1, text: ..., timescale: immediate, lead: partner-id}]")
        }
        let partners = top.list("partners") { "partner entry \($0)" }.compactMap { readPartner($0) }
        if top.value("partners") == nil {
            top.missing("partners", example: "[{id: leicester-pct, name: Leicester City Primary Care Trust}]")
        }
        let coordinator = readCoordinator(&top)
        let policy = readPolicy(&top)
        let reporting = readReporting(&top)
        let outcomeAreas = top.list("outcome-areas") { "outcome area \($0)" }.compactMap { readOutcomeArea($0) }
        diagnostics += top.diagnostics
        guard let title, let authority, let inspection else { return nil }
        var manifest = Manifest(
            title: title, authority: authority, inspection: inspection, deadline: deadline,
            committees: committees, timescales: timescales, recommendations: recommendations,
            partners: partners, coordinator: coordinator, policy: policy, reporting: reporting)
        manifest.outcomeAreas = outcomeAreas
        return manifest
    }

    /// One entry of `outcome-areas:` (`{id: stay-safe, title: Stay Safe}`).
    private mutating func readOutcomeArea(_ fields: YAMLFields) -> OutcomeArea? {
        var fields = fields
        fields.unknownKeys(allowed: ["id", "title"])
        let id = fields.string("id", required: true, example: "stay-safe")
        let title = fields.string("title", required: true, example: "Stay Safe")
        diagnostics += fields.diagnostics
        guard let id, let title else { return nil }
        locations.outcomeAreas[id] = fields.location(fields.node.mark)
        return OutcomeArea(id: id, title: title)
    }

    /// `reporting: words | rag` (default words).
    private func readReporting(_ top: inout YAMLFields) -> StatusReporting {
        guard let text = top.string("reporting") else { return .words }
        if let reporting = StatusReporting(rawValue: text.lowercased()) { return reporting }
        if let node = top.value("reporting") { top.wrongType("reporting", node, expected: "'words' or 'rag'") }
        return .words
    }

    private mutating func readInspection(_ top: inout YAMLFields) -> Inspection? {
        guard let node = top.value("inspection") else {
            top.missing("inspection", example: "{name: Joint Area Review, published: 2008-06-03}")
            return nil
        }
        var fields = YAMLFields(node, path: path, context: "inspection")
        fields.unknownKeys(allowed: ["name", "published"])
        let name = fields.string("name", required: true, example: "Joint Area Review")
        let published = fields.day("published")
        diagnostics += fields.diagnostics
        return name.map { Inspection(name: $0, published: published) }
    }

    private mutating func readDeadline(_ top: inout YAMLFields) -> DeadlineRule {
        guard let node = top.value("deadline") else { return DeadlineRule() }
        var fields = YAMLFields(node, path: path, context: "deadline")
        fields.unknownKeys(allowed: ["working-days", "first-day"])
        var rule = DeadlineRule()
        if let days = fields.int("working-days", example: "70") {
            if days > 0 {
                rule.workingDays = days
            } else {
                fields.wrongType("working-days", node, expected: "a number above 0")
            }
        }
        if let first = fields.string("first-day") {
            if let value = DeadlineRule.FirstDay(rawValue: first) {
                rule.firstDay = value
            } else if let bad = fields.value("first-day") {
                fields.wrongType("first-day", bad, expected: "'publication' or 'next'")
            }
        }
        diagnostics += fields.diagnostics
        return rule
    }

    private mutating func readCommittee(_ fields: YAMLFields) -> Committee? {
        var fields = fields
        fields.unknownKeys(allowed: ["name", "date"])
        let name = fields.string("name", required: true, example: "Cabinet")
        let date = fields.day("date", required: true)
        diagnostics += fields.diagnostics
        guard let name, let date else { return nil }
        return Committee(name: name, date: date)
    }

    private mutating func readTimescale(_ fields: YAMLFields) -> Timescale? {
        var fields = fields
        fields.unknownKeys(allowed: ["id", "name", "end"])
        let id = fields.string("id", required: true, example: "immediate")
        let name = fields.string("name", required: true, example: "For immediate action")
        let end = fields.day("end")
        diagnostics += fields.diagnostics
        guard let id, let name else { return nil }
        locations.timescales[id] = fields.location(fields.node.mark)
        return Timescale(id: id, name: name, end: end)
    }

    private mutating func readRecommendation(_ fields: YAMLFields) -> Recommendation? {
        var fields = fields
        fields.unknownKeys(allowed: ["number", "text", "timescale", "lead", "officer", "partners", "outcome-areas"])
        let number = fields.int("number", required: true, example: "1")
        let text = fields.string("text", required: true, example: "Ensure that ...")
        let timescale = fields.string("timescale", required: true, example: "immediate")
        let lead = fields.string("lead", required: true, example: "partner-id")
        let officer = fields.string("officer")
        let partners = fields.strings("partners")
        let outcomeAreas = fields.strings("outcome-areas")
        diagnostics += fields.diagnostics
        guard let number, let text, let timescale, let lead else { return nil }
        locations.recommendations[number] = fields.location(fields.node.mark)
        var recommendation = Recommendation(
            number: number, text: text, timescale: timescale, lead: lead, officer: officer, partners: partners)
        recommendation.outcomeAreas = outcomeAreas
        return recommendation
    }

    private mutating func readPartner(_ fields: YAMLFields) -> Partner? {
        var fields = fields
        fields.unknownKeys(allowed: ["id", "name", "remote", "branch", "officers", "pushers"])
        let id = fields.string("id", required: true, example: "leicester-pct")
        let name = fields.string("name", required: true, example: "Leicester City Primary Care Trust")
        let remote = fields.string("remote")
        let branch = fields.string("branch") ?? "main"
        let officers = fields.strings("officers")
        let pushers = fields.strings("pushers")
        diagnostics += fields.diagnostics
        guard let id, let name else { return nil }
        locations.partners[id] = fields.location(fields.node.mark)
        return Partner(id: id, name: name, remote: remote, branch: branch, officers: officers, pushers: pushers)
    }

    private mutating func readCoordinator(_ top: inout YAMLFields) -> Coordinator {
        guard let node = top.value("coordinator") else { return Coordinator() }
        var fields = YAMLFields(node, path: path, context: "coordinator")
        fields.unknownKeys(allowed: ["name", "pushers"])
        let coordinator = Coordinator(name: fields.string("name"), pushers: fields.strings("pushers"))
        diagnostics += fields.diagnostics
        return coordinator
    }

    private mutating func readPolicy(_ top: inout YAMLFields) -> FieldPolicy {
        guard let node = top.value("policy") else { return FieldPolicy() }
        var fields = YAMLFields(node, path: path, context: "policy")
        fields.unknownKeys(allowed: ["required", "missing"])
        var policy = FieldPolicy()
        if fields.value("required") != nil {
            policy.required = []
            for name in fields.strings("required") {
                if let field = ActionField(named: name) {
                    policy.required.append(field)
                } else if let node = fields.value("required") {
                    fields.wrongType(
                        "required", node,
                        expected:
                            "a list of action fields (\(ActionField.allCases.map(\.rawValue).joined(separator: ", "))); '\(name)' is not one"
                    )
                }
            }
        }
        if let missing = fields.string("missing") {
            switch missing {
            case "error": policy.missing = .error
            case "warning": policy.missing = .warning
            default:
                if let node = fields.value("missing") {
                    fields.wrongType("missing", node, expected: "'error' or 'warning'")
                }
            }
        }
        diagnostics += fields.diagnostics
        return policy
    }
}
