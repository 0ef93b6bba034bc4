import Foundation

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
    /// Whether `remote` is written relative to something (a path such as `../partners/x.git`),
    /// not a URL, an absolute path or an scp-style `host:path`.
    public static func isRelative(_ remote: String) -> Bool {
        !(remote.contains("://") || remote.hasPrefix("/") || remote.contains("@") && remote.contains(":"))
    }

    /// A remote as written in the manifest, a relative one taken from `hub` (the hub's
    /// folder, or its URL when a partner's clone knows the hub only by URL).
    public static func resolve(_ remote: String, from hub: String) -> String {
        guard isRelative(remote) else { return remote }
        if hub.contains("://"), let base = URL(string: hub.hasSuffix("/") ? hub : hub + "/"),
            let resolved = URL(string: remote, relativeTo: base)
        {
            return resolved.absoluteURL.standardized.absoluteString
        }
        guard isRelative(hub) || hub.hasPrefix("/") else { return remote }
        return URL(fileURLWithPath: hub).appendingPathComponent(remote).standardizedFileURL.path
    }

    private static func userInfo(of url: String) -> Substring? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return authority[..<at]
    }
}
