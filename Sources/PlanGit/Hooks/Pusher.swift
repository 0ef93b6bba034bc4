import Foundation
import GitKit
import PlanModel

#if canImport(Glibc)
import Glibc
#endif

/// Who is pushing to the hub, from the one identity source the hub is configured with
/// (`planmerge.identity` in its git config), and what the manifest of the hub's main makes of
/// that name. Never "the first variable that happens to be set": a pusher could set one.
public enum Pusher {
    /// Where the hub learns the pusher's name.
    public enum IdentitySource: Sendable, Hashable, CustomStringConvertible {
        /// gitolite's `GL_USER` (the key's name), for a hub served by gitolite over ssh.
        case gitolite
        /// The web server's `REMOTE_USER` (basic auth), for `git http-backend`.
        case http
        /// The Unix user running the hook: plain ssh with one account per person.
        case unix
        /// An environment variable, for tests only.
        case environment(String)

        /// The config key that names the source.
        public static let configKey = "planmerge.identity"

        /// Parses `gitolite`, `http`, `unix` or `env:NAME`.
        public init?(_ text: String) {
            switch text.lowercased() {
            case "gitolite": self = .gitolite
            case "http": self = .http
            case "unix": self = .unix
            default:
                guard text.hasPrefix("env:"), text.count > 4 else { return nil }
                self = .environment(String(text.dropFirst(4)))
            }
        }

        public var description: String {
            switch self {
            case .gitolite: "gitolite"
            case .http: "http"
            case .unix: "unix"
            case .environment(let name): "env:\(name)"
            }
        }

        /// In words, for messages.
        public var explanation: String {
            switch self {
            case .gitolite: "gitolite's GL_USER (the name of the pusher's ssh key in gitolite)"
            case .http: "the web server's REMOTE_USER (the basic-auth login)"
            case .unix: "the Unix user running the hook (plain ssh, one account per person)"
            case .environment(let name): "the environment variable \(name) (for tests only)"
            }
        }

        /// The pusher's name under this source, nil when the server named nobody.
        public func name(in environment: [String: String]) -> String? {
            let value: String?
            switch self {
            case .gitolite: value = environment["GL_USER"]
            case .http: value = environment["REMOTE_USER"]
            case .environment(let name): value = environment[name]
            case .unix:
                guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
                value = String(cString: name)
            }
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return value.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The hub's configured identity source; nil when `planmerge.identity` is unset.
    /// An unreadable or unknown value throws (a check must fail closed).
    public static func identitySource(of repository: Repository) throws -> IdentitySource? {
        guard let text = try repository.configString(IdentitySource.configKey) else { return nil }
        guard let source = IdentitySource(text) else { throw UnknownIdentitySource(value: text) }
        return source
    }

    public struct UnknownIdentitySource: Error, CustomStringConvertible, Sendable {
        public var value: String
        public var description: String {
            "\(IdentitySource.configKey) is '\(value)': use gitolite, http or unix (git config \(IdentitySource.configKey) gitolite)"
        }
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
    /// Names compare as `UserName.same` does.
    public static func role(of name: String?, in manifest: Manifest) -> Role {
        guard let name else { return .unknown }
        if UserName.list(manifest.coordinator.pushers, contains: name) { return .coordinator }
        let partners = manifest.partners.filter { UserName.list($0.pushers, contains: name) }.map(\.id)
        return partners.isEmpty ? .unknown : .partners(partners)
    }
}
