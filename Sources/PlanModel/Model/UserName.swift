/// Server user names (gitolite key names, web server logins, Unix users) as the manifest's
/// `pushers` lists them. One rule for comparing them, used by the push hooks and by every
/// command that edits or reads pushers: case-insensitive, surrounding blanks ignored
/// (`PVaughan` is `pvaughan`), since servers and people disagree about capitals.
public enum UserName {
    /// True when `a` and `b` name the same user.
    public static func same(_ a: String, _ b: String) -> Bool {
        normalized(a) == normalized(b)
    }

    /// True when `list` names `user`.
    public static func list(_ list: [String], contains user: String) -> Bool {
        list.contains { same($0, user) }
    }

    static func normalized(_ name: String) -> String {
        name.trimmingWhitespace().lowercased()
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
