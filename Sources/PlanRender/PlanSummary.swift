import PlanModel

/// The figures a Cabinet reader looks for first: how many actions in each status, per
/// partner, which are overdue, which have no date yet, and which dates could not be read.
public struct PlanSummary: Hashable, Sendable {
    public var total: Int
    /// One count per status in `ActionStatus.reportingOrder` (the last is "no status").
    public var byStatus: [StatusCount]
    /// Partners of the manifest in order, then any partner that has actions but is not listed.
    public var byPartner: [PartnerTally]
    /// Due before `today` and not done (empty when no `today` was given).
    public var overdue: [ActionRef]
    public var toBeConfirmed: [ActionRef]
    /// Dues kept as written but not understood.
    public var unread: [ActionRef]
    /// Actions with no due date at all.
    public var undated: [ActionRef]

    /// Counts the rows (already in reading order), through the plan's one set of figures.
    init(rows: [ActionRow], partners: [PartnerName], today: Day?) {
        let figures = PlanFigures(actions: rows.map(\.action), today: today)
        let refs = Dictionary(rows.map { ($0.ref.description, $0.ref) }, uniquingKeysWith: { first, _ in first })
        func refList(_ list: [String]) -> [ActionRef] { list.compactMap { refs[$0] } }
        total = figures.actions
        byStatus = figures.byStatus
        var listed = partners
        for row in rows where !listed.contains(where: { $0.id == row.partner.id }) {
            listed.append(row.partner)
        }
        byPartner = listed.map { partner in
            let own = rows.filter { $0.partner.id == partner.id }
            return PartnerTally(partner: partner, total: own.count, byStatus: StatusCount.tally(own.map(\.status)))
        }
        overdue = refList(figures.overdueRefs)
        toBeConfirmed = refList(figures.toBeConfirmedRefs)
        unread = refList(figures.unreadRefs)
        undated = refList(figures.undatedRefs)
    }
}

/// One partner's actions by status.
public struct PartnerTally: Hashable, Sendable {
    public var partner: PartnerName
    public var total: Int
    public var byStatus: [StatusCount]
}
