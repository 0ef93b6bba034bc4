import GitKit
import PlanModel

/// The few numbers a Cabinet version records about its plan: actions by status, overdue,
/// to be confirmed. Shared by tags, versions and status.
public struct PlanFigures: Sendable, Codable, Hashable {
    public var actions: Int
    public var byStatus: [String: Int]
    /// References of the actions overdue (not done) as of the day given.
    public var overdueRefs: [String]
    /// References of the actions whose due date is still to be confirmed (not done).
    public var toBeConfirmedRefs: [String]
    /// References of the actions whose due text could not be read.
    public var unreadRefs: [String]

    public var overdue: Int { overdueRefs.count }
    public var toBeConfirmed: Int { toBeConfirmedRefs.count }

    public init(plan: Plan, today: Day) {
        let all = plan.actions
        actions = all.count
        var counts: [String: Int] = [:]
        for placed in all { counts[placed.action.status?.rawValue ?? "no status", default: 0] += 1 }
        byStatus = counts
        overdueRefs = all.filter { OverdueCheck.isOverdue($0.action, today: today) }.map(\.action.ref.description)
        toBeConfirmedRefs = all.filter { $0.action.due?.isToBeConfirmed == true && $0.action.status != .done }
            .map(\.action.ref.description)
        unreadRefs = all.filter { $0.action.due?.kind == .unread }.map(\.action.ref.description)
    }

    /// "114 actions (done 3, on track 20, no status 91); 7 overdue; 2 to be confirmed"
    public var line: String {
        let order = ["done", "on track", "at risk", "off track", "not started", "no status"]
        let statuses = order.compactMap { key in byStatus[key].map { "\(key) \($0)" } }.joined(separator: ", ")
        return "\(actions) actions (\(statuses)); \(overdue) overdue; \(toBeConfirmed) to be confirmed"
    }
}
