import GitKit
import PlanModel

/// What makes plain `git push` and `git pull` work in a partner's clone (docs/HOOKS.md,
/// "Plain git push and pull"), written by `hooks install --partner` into the clone's own
/// git config:
///
/// - `git push`: `remote.origin.push = HEAD:<publish branch>` sends the checked-out branch
///   to the partner's publish reference on the hub (`Partner.publication`), where the hub's
///   pre-receive hook checks it. A partner publishing on a remote of its own gets the remote
///   `publish` and `branch.<b>.pushRemote = publish` instead.
/// - `git pull`: fetches the hub's main, the publish branch and the record of consolidate
///   runs (`remote.origin.fetch`) and
///   merges both (`branch.<b>.merge` twice). With one of them new git makes an ordinary
///   merge, which runs the structure-aware merge driver for section files; with both new it
///   runs the strategy `pull.octopus = planmerge` (`git-merge-planmerge`, which merges them
///   one after the other with the same merge); `pull.rebase = false`, so never a
///   "divergent branches" stop.
public struct PartnerGitConfig {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// The remote holding the hub.
    public static let hubRemote = "origin"
    /// The remote a partner publishing on its own remote pushes to.
    public static let publishRemote = "publish"
    /// The strategy name of `pull.octopus` (git runs `git-merge-planmerge`).
    public static let strategy = "planmerge"
    /// The fetch refspec that brings the hub's record of consolidate runs (`refs/planmerge/record`,
    /// read by the partner's `status`) with every `git pull` or `git fetch`. A pattern, so
    /// that a hub with no record yet is not an error.
    public static let recordFetch = "+refs/planmerge/*:refs/planmerge/*"
    /// Where install records the branch it configured (so that uninstall can undo it).
    public static let branchKey = "planmerge.pullBranch"

    /// The configuration error of a clone that cannot be set up (no `origin`, detached HEAD).
    public struct SetupError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The single-valued keys and their values for `publication`, on `branch` (short name).
    func single(_ publication: Publication, branch: String) throws -> [(String, String)] {
        var values: [(String, String)] = [
            ("pull.rebase", "false"), ("pull.octopus", Self.strategy), (Self.branchKey, branch),
            ("branch.\(branch).remote", Self.hubRemote),
        ]
        if let remote = publication.remote {
            // A remote the manifest gives relative to the hub is relative to the hub here too.
            let hub = try repository.localConfigString("remote.\(Self.hubRemote).url") ?? ""
            values += [
                ("remote.\(Self.publishRemote).url", RemoteURL.resolve(remote, from: hub)),
                ("branch.\(branch).pushRemote", Self.publishRemote),
            ]
        }
        return values
    }

    /// The multi-valued keys and their values for `publication`, on `branch`.
    func multiple(_ publication: Publication, branch: String) throws -> [(String, [String])] {
        let main = HubLayout.mainRef
        let tracking = "refs/remotes/\(Self.hubRemote)/"
        var fetch = try repository.localConfigValues("remote.\(Self.hubRemote).fetch")
        let everything = "+refs/heads/*:\(tracking)*"
        var wanted = ["+\(main):\(tracking)\(HubLayout.mainBranch)"]
        if publication.isOnHub { wanted.append("+\(publication.branch):\(Self.tracked(publication))") }
        if !fetch.contains(everything) { fetch += wanted.filter { !fetch.contains($0) } }
        if !fetch.contains(Self.recordFetch) { fetch.append(Self.recordFetch) }
        if publication.isOnHub {
            return [
                ("remote.\(Self.hubRemote).fetch", fetch),
                ("remote.\(Self.hubRemote).push", ["HEAD:\(publication.branch)"]),
                ("branch.\(branch).merge", [main, publication.branch]),
            ]
        }
        return [
            ("remote.\(Self.hubRemote).fetch", fetch),
            ("remote.\(Self.publishRemote).push", ["HEAD:\(publication.branch)"]),
            (
                "remote.\(Self.publishRemote).fetch",
                ["+\(publication.branch):\(Self.tracked(publication))"]
            ),
            ("branch.\(branch).merge", [main]),
        ]
    }

    /// Writes the configuration for a partner publishing at `publication`. Returns one
    /// line per key changed (nothing when all was in place).
    public func apply(_ publication: Publication) throws -> [String] {
        guard try repository.localConfigString("remote.\(Self.hubRemote).url") != nil else {
            throw SetupError(
                description:
                    "this clone has no remote '\(Self.hubRemote)' (the hub): add it first (git remote add origin <hub URL>), or clone with planmerge clone"
            )
        }
        guard let head = try repository.headBranch() else {
            throw SetupError(description: "HEAD is detached: check out your branch first (git switch main)")
        }
        let branch = Self.shortName(head)
        var done: [String] = []
        for (key, value) in try single(publication, branch: branch) where try repository.localConfigString(key) != value
        {
            try repository.setConfigString(key, value)
            done.append("set \(key) = \(value)")
        }
        for (key, values) in try multiple(publication, branch: branch)
        where try repository.setLocalConfigValues(key, values) {
            done.append("set \(key) = \(values.joined(separator: ", "))")
        }
        return done
    }

    /// Removes what `apply` wrote: the pull settings, the push refspec, the publish remote's
    /// push and the second merge value (the branch keeps tracking the hub's main).
    public func remove() throws -> [String] {
        var done: [String] = []
        let branch = try repository.localConfigString(Self.branchKey)
        var keys = ["pull.rebase", "pull.octopus", Self.branchKey, "remote.\(Self.hubRemote).push"]
        keys += ["remote.\(Self.publishRemote).push", "remote.\(Self.publishRemote).fetch"]
        keys += ["remote.\(Self.publishRemote).url"]
        if let branch { keys.append("branch.\(branch).pushRemote") }
        for key in keys where try !repository.localConfigValues(key).isEmpty {
            try repository.setLocalConfigValues(key, [])
            done.append("unset \(key)")
        }
        let fetch = try repository.localConfigValues("remote.\(Self.hubRemote).fetch")
        if fetch.contains(Self.recordFetch),
            try repository.setLocalConfigValues(
                "remote.\(Self.hubRemote).fetch", fetch.filter { $0 != Self.recordFetch })
        {
            done.append("removed \(Self.recordFetch) from remote.\(Self.hubRemote).fetch")
        }
        if let branch, try repository.setLocalConfigValues("branch.\(branch).merge", [HubLayout.mainRef]) {
            done.append("set branch.\(branch).merge = \(HubLayout.mainRef)")
        }
        return done
    }

    /// Where a clone set up by `apply` keeps its copy of the partner's published head: the
    /// hub remote's tracking branch, or the publish remote's when the partner has its own.
    public static func tracked(_ publication: Publication) -> String {
        let remote = publication.isOnHub ? hubRemote : publishRemote
        return "refs/remotes/\(remote)/\(shortName(publication.branch))"
    }

    static func shortName(_ ref: String) -> String {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : ref
    }
}
