/// The plan's figures, each rule once: which actions are overdue, still to be confirmed,
/// unread or undated, and how many are in each status, in one vocabulary and one order.
/// `status`, Cabinet tags, `versions` and every rendered document count through here.

extension ActionStatus {
    /// The order statuses are listed in everywhere (tables, JSON, text), nil ("no status") last.
    public static let reportingOrder: [ActionStatus?] = ActionStatus.allCases.map { $0 } + [nil]

    /// The word for a status in reports and JSON keys: its own word, or "no status".
    public static func label(_ status: ActionStatus?) -> String { status?.rawValue ?? "no status" }
}

extension Action {
    /// Due (by its reading's end) before `today` and not done. An open due with an end
    /// ("monthly leading up to 31.3.09") counts once that end has passed; "ongoing" never.
    public func isOverdue(on today: Day) -> Bool { Action.isOverdue(openDueEnd: openDueEnd, on: today) }

    /// The end of its due date while it is not done: all overdue needs (`ActionSummary` keeps it).
    public var openDueEnd: Day? { status == .done ? nil : due?.end }

    /// Overdue from `openDueEnd`: the one comparison, for actions and their summaries.
    public static func isOverdue(openDueEnd: Day?, on today: Day) -> Bool {
        guard let end = openDueEnd else { return false }
        return end < today
    }

    /// Its date is still to be confirmed and it is not done (a done action needs no date).
    public var isToBeConfirmed: Bool { status != .done && due?.isToBeConfirmed == true }

    /// Its due text was kept as written but not understood.
    public var hasUnreadDue: Bool { due?.kind == .unread }
}

/// How many actions have one status (`status == nil`: no status given).
public struct StatusCount: Hashable, Sendable {
    public var status: ActionStatus?
    public var count: Int

    public init(status: ActionStatus?, count: Int) {
        self.status = status
        self.count = count
    }

    /// One count per status in `ActionStatus.reportingOrder`, zeros included.
    public static func tally(_ statuses: [ActionStatus?]) -> [StatusCount] {
        ActionStatus.reportingOrder.map { status in StatusCount(status: status, count: statuses.count { $0 == status })
        }
    }
}

/// The figures of a set of actions, in the order given (plan order, or a document's reading
/// order). Overdue is assessed only when `today` is given.
public struct PlanFigures: Hashable, Sendable {
    public var actions: Int
    /// One count per status in `ActionStatus.reportingOrder`.
    public var byStatus: [StatusCount]
    public var overdueRefs: [String]
    public var toBeConfirmedRefs: [String]
    public var unreadRefs: [String]
    /// Actions with no due date at all.
    public var undatedRefs: [String]

    public init(actions list: [Action], today: Day?) {
        actions = list.count
        byStatus = StatusCount.tally(list.map(\.status))
        overdueRefs = today.map { day in list.filter { $0.isOverdue(on: day) }.map(\.ref.description) } ?? []
        toBeConfirmedRefs = list.filter(\.isToBeConfirmed).map(\.ref.description)
        unreadRefs = list.filter(\.hasUnreadDue).map(\.ref.description)
        undatedRefs = list.filter { $0.due == nil }.map(\.ref.description)
    }

    public init(plan: Plan, today: Day?) {
        self.init(actions: plan.actions.map(\.action), today: today)
    }

    public var overdue: Int { overdueRefs.count }
    public var toBeConfirmed: Int { toBeConfirmedRefs.count }

    /// Counts keyed by `ActionStatus.label`, every status present.
    public var countsByLabel: [String: Int] {
        Dictionary(uniqueKeysWithValues: byStatus.map { (ActionStatus.label($0.status), $0.count) })
    }

    /// "114 actions (not started 0, on track 20, ..., no status 91); 7 overdue; 2 to be confirmed"
    public var line: String {
        let statuses = byStatus.filter { $0.count > 0 }.map { "\(ActionStatus.label($0.status)) \($0.count)" }
        return
            "\(actions) actions (\(statuses.joined(separator: ", "))); \(overdue) overdue; \(toBeConfirmed) to be confirmed"
    }
}

extension PlanFigures: Codable {
    enum CodingKeys: String, CodingKey {
        case actions, byStatus, overdueRefs, toBeConfirmedRefs, unreadRefs, undatedRefs
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        actions = try c.decode(Int.self, forKey: .actions)
        let counts = try c.decode([String: Int].self, forKey: .byStatus)
        byStatus = ActionStatus.reportingOrder.map {
            StatusCount(status: $0, count: counts[ActionStatus.label($0)] ?? 0)
        }
        overdueRefs = try c.decode([String].self, forKey: .overdueRefs)
        toBeConfirmedRefs = try c.decode([String].self, forKey: .toBeConfirmedRefs)
        unreadRefs = try c.decodeIfPresent([String].self, forKey: .unreadRefs) ?? []
        undatedRefs = try c.decodeIfPresent([String].self, forKey: .undatedRefs) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(actions, forKey: .actions)
        try c.encode(countsByLabel, forKey: .byStatus)
        try c.encode(overdueRefs, forKey: .overdueRefs)
        try c.encode(toBeConfirmedRefs, forKey: .toBeConfirmedRefs)
        try c.encode(unreadRefs, forKey: .unreadRefs)
        try c.encode(undatedRefs, forKey: .undatedRefs)
    }
}
