import GitKit
import PlanModel

/// Who is pushing to the hub, as the server says (gitolite's `GL_USER`, a web server's
/// `REMOTE_USER`, or `PLANMERGE_USER` set by another wrapper), and what the manifest of
/// the hub's main makes of that name.
public enum Pusher {
    /// The variables read, first set and non-empty wins.
    public static let variables = ["GL_USER", "REMOTE_USER", "PLANMERGE_USER"]

    /// The pusher's user name from the environment, nil when the server named nobody.
    public static func name(in environment: [String: String]) -> String? {
        for key in variables {
            if let value = environment[key]?.trimmed, !value.isEmpty { return value }
        }
        return nil
    }

    public enum Role: Sendable, Hashable {
        /// Listed in `coordinator.pushers`: may change anything.
        case coordinator
        /// Listed in these partners' `pushers` (ids): may change their folders only.
        case partners([String])
        /// Not listed anywhere (or no name at all).
        case unknown
    }

    /// The role of `name` under `manifest` (the coordinator wins over partner listings).
    public static func role(of name: String?, in manifest: Manifest) -> Role {
        guard let name else { return .unknown }
        if manifest.coordinator.pushers.contains(name) { return .coordinator }
        let partners = manifest.partners.filter { $0.pushers.contains(name) }.map(\.id)
        return partners.isEmpty ? .unknown : .partners(partners)
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
