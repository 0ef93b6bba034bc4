/// The references a planmerge hub uses, each named in one place: every module (consolidate,
/// status, the hooks, the web app, a partner's clone set-up) asks here.
public enum HubLayout {
    /// The consolidated plan.
    public static let mainBranch = "main"
    public static let mainRef = "refs/heads/main"
    /// Cabinet versions: `refs/tags/cabinet/<name>`; never moved or deleted.
    public static let cabinetTagPrefix = "refs/tags/cabinet/"
    /// planmerge's own references on the hub (fetched partner heads, the record of runs).
    public static let namespace = "refs/planmerge/"
    /// The record of every consolidate run (docs/RECORD.md): written only by consolidate on
    /// the hub, never pushed.
    public static let recordRef = namespace + "record"

    /// The branch on the hub itself that a partner without a remote publishes to.
    public static func partnerBranch(_ partner: String) -> String { "partners/\(partner)" }

    /// Where the hub keeps the last fetched head of a partner that publishes on its own remote.
    public static func fetchedRef(_ partner: String) -> String { namespace + "partners/\(partner)" }
}

/// Where a partner publishes its work, by the one rule every module uses:
/// - without a remote, on the hub's branch `partners/<id>` (pushed there by the partner, or
///   committed there by `planmerge serve`);
/// - with a remote, on that remote's `branch` (default `main`), fetched by consolidate into
///   `refs/planmerge/partners/<id>`; the hub then refuses its pushes to `partners/<id>`.
public struct Publication: Hashable, Sendable {
    /// The partner's remote, nil when it publishes on the hub.
    public var remote: String?
    /// The branch it publishes on, full name, on `remote` or on the hub.
    public var branch: String
    /// Where the hub holds the published head: `branch` itself on the hub, or the fetched copy.
    public var hubRef: String

    public var isOnHub: Bool { remote == nil }
}

extension Partner {
    /// Where this partner publishes (see `Publication`).
    public var publication: Publication {
        if let remote {
            return Publication(remote: remote, branch: "refs/heads/" + branch, hubRef: HubLayout.fetchedRef(id))
        }
        let onHub = "refs/heads/" + HubLayout.partnerBranch(id)
        return Publication(remote: nil, branch: onHub, hubRef: onHub)
    }
}
