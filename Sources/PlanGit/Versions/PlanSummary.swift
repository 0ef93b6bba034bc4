import PlanModel

/// The few numbers a Cabinet version records about its plan: actions by status, overdue,
/// to be confirmed. Shared by tags, versions and status.
public struct PlanFigures: Sendable, Codable, Hashable {
    public var actions: Int
    public var byStatus: [String: Int]
    public var overdue: Int
    public var toBeConfirmed: Int

    public init(plan: Plan, today: Day) {
        actions = plan.actions.count
        var counts: [String: Int] = [:]
        for placed in plan.actions { counts[placed.action.status?.rawValue ?? "no status", default: 0] += 1 }
        byStatus = counts
        overdue = plan.actions.filter { OverdueCheck.isOverdue($0.action, today: today) }.count
        toBeConfirmed = plan.actions.filter { $0.action.due?.isToBeConfirmed == true && $0.action.status != .done }.count
    }

    /// "114 actions (done 3, on track 20, no status 91); 7 overdue; 2 to be confirmed"
    public var line: String {
        let order = ["done", "on track", "at risk", "off track", "not started", "no status"]
        let statuses = order.compactMap { key in byStatus[key].map { "\(key) \($0)" } }.joined(separator: ", ")
        return "\(actions) actions (\(statuses)); \(overdue) overdue; \(toBeConfirmed) to be confirmed"
    }
}
