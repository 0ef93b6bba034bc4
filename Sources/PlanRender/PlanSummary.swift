import PlanModel

/// The figures a Cabinet reader looks for first: how many actions in each status, per
/// partner, which are overdue, which have no date yet, and which dates could not be read.
public struct PlanSummary: Hashable, Sendable {
    public var total: Int
    /// One count per status in `StatusCount.order` (the last is "no status").
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

    /// Counts the rows (already in reading order).
    init(rows: [ActionRow], partners: [PartnerName]) {
        total = rows.count
        byStatus = StatusCount.tally(rows)
        var listed = partners
        for row in rows where !listed.contains(where: { $0.id == row.partner.id }) {
            listed.append(row.partner)
        }
        byPartner = listed.map { partner in
            let own = rows.filter { $0.partner.id == partner.id }
            return PartnerTally(partner: partner, total: own.count, byStatus: StatusCount.tally(own))
        }
        overdue = rows.filter(\.isOverdue).map(\.ref)
        toBeConfirmed = rows.filter { $0.due?.isToBeConfirmed == true }.map(\.ref)
        unread = rows.filter { $0.due?.kind == .unread }.map(\.ref)
        undated = rows.filter { $0.due == nil }.map(\.ref)
    }
}

/// How many actions have one status (`status == nil`: no status given).
public struct StatusCount: Hashable, Sendable {
    public var status: ActionStatus?
    public var count: Int

    /// Every status in reading order, then "no status".
    public static let order: [ActionStatus?] = ActionStatus.allCases.map { $0 } + [nil]

    static func tally(_ rows: [ActionRow]) -> [StatusCount] {
        order.map { status in StatusCount(status: status, count: rows.count { $0.status == status }) }
    }
}

/// One partner's actions by status.
public struct PartnerTally: Hashable, Sendable {
    public var partner: PartnerName
    public var total: Int
    public var byStatus: [StatusCount]
}
