import Foundation
import HTTPTypes
import Hummingbird

/// The request context: who is signed in (set by `AuthMiddleware`), the form fields of a
/// posted form (read once, within the body limit, by `CSRFMiddleware`).
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: Session?
    public var form: [String: String] = [:]
    public var body: ByteBuffer?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The officer signed in; every route past `AuthMiddleware` has one.
    public var officer: Officer? {
        session.map { Officer(user: $0.user, displayName: $0.displayName, email: $0.email) }
    }
}

/// `application/x-www-form-urlencoded` bodies.
enum FormData {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            fields[name] = value
        }
        return fields
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
