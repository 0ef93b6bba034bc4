import PlanModel

extension PlanDocument {
    /// Builds the reader's view of `plan`. Pure: the same plan and context give the same
    /// document.
    ///
    /// Recommendations whose timescale is not in the manifest, and section files for a
    /// recommendation the manifest does not list, are kept in a trailing "Other
    /// recommendations" group
    /// rather than dropped: the validator reports them, the document must not hide them.
    public init(plan: Plan, context: RenderContext) {
        let manifest = plan.manifest
        let names = PartnerNames(manifest)
        let rows = plan.actions.map { ActionRow(placed: $0, manifest: manifest, names: names, today: context.today) }

        var recommendations = manifest.recommendations
        let known = Set(recommendations.map(\.number))
        let orphans = Set(plan.sections.map(\.recommendation)).subtracting(known).sorted()
        recommendations += orphans.map { number in
            Recommendation(
                number: number, text: "Not a recommendation of the plan manifest.", timescale: "",
                lead: plan.sections(for: number).first?.partner ?? "")
        }
        func entry(_ r: Recommendation) -> RecommendationEntry {
            RecommendationEntry(recommendation: r, plan: plan, names: names, rows: rows)
        }

        var groups = manifest.timescales.map { timescale in
            TimescaleGroup(
                id: timescale.id, name: timescale.name, end: timescale.end,
                recommendations: recommendations.filter { $0.timescale == timescale.id }
                    .sorted { $0.number < $1.number }.map(entry))
        }
        let grouped = Set(manifest.timescales.map(\.id))
        let rest = recommendations.filter { !grouped.contains($0.timescale) }.sorted { $0.number < $1.number }
        if !rest.isEmpty {
            groups.append(
                TimescaleGroup(
                    id: "unassigned", name: "Other recommendations", end: nil, recommendations: rest.map(entry)))
        }

        let partners = manifest.partners.map { PartnerName(id: $0.id, name: $0.name) }
        let extraIDs = Set(context.provenance.keys).subtracting(partners.map(\.id)).sorted()

        self.title = manifest.title
        self.authority = manifest.authority
        self.inspection = manifest.inspection
        self.version = context.version
        self.generatedAt = context.generatedAt
        self.today = context.today
        self.deadline = context.deadline
        self.deadlineRule = manifest.deadline
        self.committees = manifest.committees.sorted { $0.date < $1.date }
        self.partners = partners
        self.groups = groups
        self.summary = PlanSummary(
            rows: groups.flatMap { $0.recommendations.flatMap(\.actions) }, partners: partners, today: context.today)
        self.frontPages = plan.frontPages
        self.includesNotes = context.includeNotes
        self.reporting = manifest.reporting
        self.versions = context.versions
        self.provenance = (partners + extraIDs.map(names.name)).map {
            ProvenanceRow(partner: $0, source: context.provenance[$0.id])
        }
        self.outcomes = OutcomeFigures.tally(self.actions.map(\.action), manifest: manifest, today: context.today)
    }
}

/// Partner id → display name, falling back to the id for a partner the manifest lacks.
struct PartnerNames {
    private let byID: [String: String]

    init(_ manifest: Manifest) {
        byID = Dictionary(manifest.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func name(_ id: String) -> PartnerName { PartnerName(id: id, name: byID[id] ?? id) }
}

extension RecommendationEntry {
    init(recommendation r: Recommendation, plan: Plan, names: PartnerNames, rows: [ActionRow]) {
        var partnerIDs = [r.lead] + r.partners
        for section in plan.sections(for: r.number) where !partnerIDs.contains(section.partner) {
            partnerIDs.append(section.partner)
        }
        self.init(
            number: r.number, text: r.text, timescale: r.timescale, lead: names.name(r.lead),
            officer: r.officer,
            partners: partnerIDs.filter { !$0.isEmpty }.map(names.name),
            blocks: BlockKind.allCases.compactMap { plan.block($0, recommendation: r.number) },
            actions: rows.filter { $0.recommendation == r.number })
    }
}

extension ActionRow {
    init(placed: PlacedAction, manifest: Manifest, names: PartnerNames, today: Day?) {
        self.init(
            action: placed.action,
            timescale: manifest.recommendation(placed.action.ref.recommendation)?.timescale ?? "",
            partner: names.name(placed.partner), file: placed.file,
            isOverdue: today.map { placed.action.isOverdue(on: $0) } ?? false)
    }
}
