import HTTPTypes
import Hummingbird

/// The CSRF rule, in one place: every request that changes something (any method but GET,
/// HEAD and OPTIONS) carries its session's token, in the `X-CSRF-Token` header or the
/// `csrf` form field, and it must match in constant time.
public enum CSRF {
    public static let headerName = HTTPField.Name("X-CSRF-Token")!
    public static let formField = "csrf"

    /// True when the method changes nothing and needs no token.
    public static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }

    /// Whether a request with these credentials may go on.
    public static func allows(
        method: HTTPRequest.Method, header: String?, formToken: String?, session: Session?
    ) -> Bool {
        if isSafe(method) { return true }
        guard let session, let given = header ?? formToken, !given.isEmpty else { return false }
        return Secrets.equal(given, session.csrfToken)
    }
}
