import Foundation

/// Login attempts, rate-limited in one place: at most `limit` failures per user name (and
/// per client address) in a sliding `window`; further attempts are refused until the
/// oldest failure leaves the window. A success clears the name's count.
public actor RateLimiter {
    public let limit: Int
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `key` may try again, or nil when it may try now.
    public func retryAfter(_ key: String, now: Date = Date()) -> Int? {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    public func recordFailure(_ key: String, now: Date = Date()) {
        failures[key, default: []].append(now)
    }

    public func recordSuccess(_ key: String) {
        failures[key] = nil
    }
}
