/// `manifest-remote-password`: a partner's remote must not hold a password. The manifest is
/// on main, which every partner clones; credentials belong in the fetching user's git
/// credential helper or `.netrc`.
public struct RemoteCredentialsCheck: PlanCheck {
    public init() {}
    public var rules: [String] { ["manifest-remote-password"] }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        index.manifest.partners.compactMap { partner in
            guard let remote = partner.remote, RemoteURL.password(in: remote) != nil else { return nil }
            return Diagnostic(
                .error, "manifest-remote-password",
                at: index.manifestLocations.partners[partner.id] ?? SourceLocation(file: Manifest.fileName),
                "partner '\(partner.id)' has a password in its remote (\(RemoteURL.scrubbed(remote))), and plan.yaml is read by every partner",
                hint:
                    "remove the password from the URL and store it for the hub's user: git credential approve (docs/DEPLOY.md)"
            )
        }
    }
}
