/// A remote as the manifest names it. Passwords never belong there (the manifest is on main,
/// which every partner clones): `password` finds one, and `scrubbed` is the only form in
/// which a remote is ever printed.
public enum RemoteURL {
    /// The password in `scheme://user:password@host/...`, nil when there is none.
    public static func password(in url: String) -> String? {
        guard let userInfo = userInfo(of: url), let colon = userInfo.firstIndex(of: ":") else { return nil }
        return String(userInfo[userInfo.index(after: colon)...])
    }

    /// The URL with any password replaced by `***` (the user name is kept: it says who fetches).
    public static func scrubbed(_ url: String) -> String {
        guard let userInfo = userInfo(of: url), let colon = userInfo.firstIndex(of: ":"),
            let range = url.range(of: userInfo + "@")
        else { return url }
        return url.replacingCharacters(in: range, with: userInfo[..<colon] + ":***@")
    }

    /// `user[:password]` of a `scheme://` URL (scp-like `user@host:path` has no password).
    private static func userInfo(of url: String) -> Substring? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return authority[..<at]
    }
}
