import Foundation
import PlanModel

/// How planmerge-serve runs: the hub, how people sign in, and the limits.
public struct ServeConfiguration: Sendable {
    /// How a request says who is making it.
    public enum Auth: Sendable, Equatable {
        /// The council's reverse proxy signed the user in and passes the user name in this
        /// header (`--auth header:NAME`).
        case header(String)
        /// Local accounts with bcrypt hashes in this file (`--auth accounts:FILE`).
        case accounts(String)

        /// Reads `header:NAME` or `accounts:FILE`.
        public init?(_ text: String) {
            if text.hasPrefix("header:"), text.count > 7, HTTPHeaderName.isValid(String(text.dropFirst(7))) {
                self = .header(String(text.dropFirst(7)))
            } else if text.hasPrefix("accounts:"), text.count > 9 {
                self = .accounts(String(text.dropFirst(9)))
            } else {
                return nil
            }
        }
    }

    /// The hub (a bare repository).
    public var hubPath: String
    public var auth: Auth
    /// The shared secret the proxy sends in `X-Proxy-Secret` (header mode on TCP).
    public var proxySecret: String?
    /// Headers the proxy may set with the officer's display name and e-mail.
    public var nameHeader: String?
    public var emailHeader: String?
    /// Mark cookies Secure (the proxy serves the pages over TLS).
    public var secureCookies: Bool
    /// The largest request body read, in bytes.
    public var maxBodyBytes: Int
    /// Today, for overdue flags (the executable passes the clock; tests a fixed day).
    public var today: @Sendable () -> Day

    public init(
        hubPath: String, auth: Auth, proxySecret: String? = nil, nameHeader: String? = nil, emailHeader: String? = nil,
        secureCookies: Bool = false, maxBodyBytes: Int = 256 * 1024, today: @escaping @Sendable () -> Day
    ) {
        self.hubPath = hubPath
        self.auth = auth
        self.proxySecret = proxySecret
        self.nameHeader = nameHeader
        self.emailHeader = emailHeader
        self.secureCookies = secureCookies
        self.maxBodyBytes = maxBodyBytes
        self.today = today
    }

    /// Today in the UK, from the system clock.
    public static func ukToday() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}

/// HTTP header names as RFC 9110 allows them (a token).
enum HTTPHeaderName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0))
            }
    }
}
