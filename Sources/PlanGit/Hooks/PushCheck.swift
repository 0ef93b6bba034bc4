import GitKit
import PlanModel

/// The hub's server-side check of a push (pre-receive or update hook). Open the repository
/// with `Repository.openFromEnvironment()`: the pushed objects are still in git's
/// quarantine directory and a plain open does not see them.
///
/// The pusher is identified through the manifest of the hub's **current** main, never the
/// pushed one (a push could forge its own manifest). Policy (docs/HOOKS.md):
/// - nobody pushes to `refs/planmerge/*` (fetched partner heads, the record of runs);
/// - nobody moves or deletes a `refs/tags/cabinet/*` tag; only the coordinator creates one;
/// - nobody deletes main or rewrites it (the new tip must descend from the old);
/// - partners push only to their publish branch on the hub (`Partner.publication`:
///   `refs/heads/partners/<id>`; none for a partner with its own remote), changing only
///   `sections/<id>/`;
/// - the coordinator may push any other reference and change any file;
/// - a pushed branch must not bring errors its previous version did not have.
public struct PushCheck {
    public let repository: Repository
    /// The full name of the hub's main branch.
    public var mainRef: String

    public init(repository: Repository, mainBranch: String = HubLayout.mainBranch) {
        self.repository = repository
        self.mainRef = "refs/heads/\(mainBranch)"
    }

    /// The decision on one reference.
    public struct Verdict: Sendable {
        public var update: RefUpdate
        public var report: HookReport
    }

    public func check(_ updates: [RefUpdate], pusher: String?) throws -> [Verdict] {
        let mainTip = try repository.directTarget(mainRef)
        var manifest = try mainTip.flatMap { try self.manifest(ofCommit: $0) }
        var bootstrap = false
        if mainTip == nil, let seed = updates.first(where: { $0.name == mainRef && !$0.isDeletion }) {
            // An empty hub: the first push of main brings the manifest that names the
            // coordinator; only a pusher it names as coordinator may make that push.
            manifest = try self.manifest(ofCommit: seed.new)
            bootstrap = true
        }
        guard let manifest else {
            return updates.map { update in
                var report = HookReport()
                report.refusals.append(
                    "the hub's \(mainRef) has no readable \(Manifest.fileName), so no pusher can be identified: the coordinator must push a valid main first"
                )
                return Verdict(update: update, report: report)
            }
        }
        let role = Pusher.role(of: pusher, in: manifest)
        let cache = ParseCache()
        return try updates.map { update in
            Verdict(
                update: update,
                report: try check(
                    update, pusher: pusher, role: role, manifest: manifest, mainTip: mainTip, bootstrap: bootstrap,
                    cache: cache))
        }
    }

    private func check(
        _ update: RefUpdate, pusher: String?, role: Pusher.Role, manifest: Manifest, mainTip: ObjectID?,
        bootstrap: Bool,
        cache: ParseCache
    ) throws -> HookReport {
        var report = HookReport()
        func refuse(_ reason: String) -> HookReport {
            report.refusals.append(reason)
            return report
        }
        if update.name.hasPrefix(HubLayout.namespace) {
            return refuse(
                "\(RecordText.oneLine(update.name)) is planmerge's own (fetched partner heads, the record of runs): "
                    + "only consolidate on the hub writes it, nobody pushes it. Next: push your branch instead "
                    + "(git push origin HEAD:partners/<your id>)")
        }
        if role == .unknown {
            guard let pusher else {
                return refuse(
                    "anonymous push: the server named no user (see the hub's \(Pusher.IdentitySource.configKey)), and only pushers listed in the manifest may push"
                )
            }
            return refuse(
                "unknown pusher '\(pusher)': not in the manifest's coordinator.pushers nor any partner's pushers. "
                    + "Next: the coordinator adds the name (planmerge partner set <id> --pusher \(RecordText.oneLine(pusher)))"
            )
        }
        if update.name.hasPrefix("refs/tags/cabinet/") {
            if !update.isCreation {
                return refuse(
                    "\(update.name) is a Cabinet tag: Cabinet tags are never \(update.isDeletion ? "deleted" : "moved"); tag the new version under a new name. Next: planmerge tag main --name cabinet/<new name>"
                )
            }
            if role != .coordinator {
                return refuse(
                    "only the coordinator creates Cabinet tags (\(update.name)). Next: delete your tag (git tag -d \(update.name.dropFirst("refs/tags/".count)))"
                )
            }
            return report
        }
        if update.name == mainRef {
            if update.isDeletion { return refuse("\(mainRef) cannot be deleted. Next: push branches, not deletions") }
            if !update.isCreation, try !repository.isDescendant(update.new, of: update.old) {
                return refuse(
                    "\(mainRef) would be rewritten: \(update.new.short) does not descend from \(update.old.short); main's history is never rewritten (merge, do not force-push). Next: git pull, then git push"
                )
            }
        }
        if case .partners(let ids) = role {
            let partners = manifest.partners.filter { ids.contains($0.id) }
            let allowed = partners.map(\.publication).filter(\.isOnHub).map(\.branch)
            guard allowed.contains(update.name) else {
                if let own = partners.first(where: {
                    $0.remote != nil && update.name == "refs/heads/" + HubLayout.partnerBranch($0.id)
                }) {
                    return refuse(
                        "\(own.id) publishes on its own remote (\(RemoteURL.scrubbed(own.remote ?? ""))), branch \(own.branch), which consolidate fetches; push there, not to the hub"
                    )
                }
                let example =
                    allowed.first.map { " (e.g. git push origin HEAD:\($0.dropFirst("refs/heads/".count)))" } ?? ""
                return refuse(
                    "'\(pusher ?? "")' pushes for \(ids.joined(separator: ", ")) and may update only \(allowed.isEmpty ? "no branch on this hub (each publishes on its own remote)" : allowed.joined(separator: ", "))\(example); main is the coordinator's"
                )
            }
            // Consolidate takes a partner's history whole and refuses a rewritten one: the hub
            // refuses it at once rather than holding it for the next consolidate to reject.
            if !update.isCreation, !update.isDeletion, try repository.objectType(update.new) == .commit,
                try !repository.isDescendant(update.new, of: update.old)
            {
                return refuse(
                    "\(update.name) would be rewritten: \(update.new.short) does not contain \(update.old.short), which you published before (a force-push?); published work is never rewritten. Merge instead: git pull, then git push"
                )
            }
        }
        guard update.name.hasPrefix("refs/heads/"), !update.isDeletion else { return report }
        return try checkContent(
            update, role: role, manifest: manifest, mainTip: mainTip, bootstrap: bootstrap, cache: cache)
    }

    /// What a branch update changes and whether it brings new errors.
    private func checkContent(
        _ update: RefUpdate, role: Pusher.Role, manifest: Manifest, mainTip: ObjectID?, bootstrap: Bool,
        cache: ParseCache
    ) throws -> HookReport {
        var report = HookReport()
        guard try repository.objectType(update.new) == .commit else {
            report.refusals.append(
                "\(update.name) would point at \(update.new.short), which is not a commit. Next: push a branch "
                    + "(git push origin HEAD:\(update.name.dropFirst("refs/heads/".count)))")
            return report
        }
        let mainBase = try mainTip.flatMap { try repository.mergeBase(update.new, $0) }
        if mainTip != nil, mainBase == nil, !bootstrap {
            report.refusals.append(
                "\(update.name) shares no history with \(mainRef): clone the hub and publish from that clone. "
                    + "Next: git clone <the hub's URL>, copy your sections/<id>/ files in, git commit, git push")
            return report
        }
        let baseline = update.isCreation ? mainBase : update.old
        let newTree = try repository.tree(of: update.new)
        let newEntries = try ChangedPaths.entries(ofTree: newTree, in: repository)
        var changed = ChangedPaths.between(try ChangedPaths.entries(ofCommit: baseline, in: repository), newEntries)
        if update.name != mainRef, let mainBase, mainBase != baseline {
            // What a merge of main brought in is not the pusher's own change.
            changed.formIntersection(
                ChangedPaths.between(try ChangedPaths.entries(ofCommit: mainBase, in: repository), newEntries))
        }
        if case .partners(let ids) = role {
            // Judged on the net change: a file put back as it is on main (or at the merge base)
            // is no change, so a partner's undo of a mistaken commit goes through.
            let mainEntries = try ChangedPaths.entries(ofCommit: mainTip, in: repository)
            let references =
                [mainEntries] + (try mainBase.map { [try ChangedPaths.entries(ofCommit: $0, in: repository)] } ?? [])
            let branch = update.name.dropFirst("refs/heads/".count)
            report.refusals += PathOwnership.refusals(
                paths: PathOwnership.netChanges(changed, result: newEntries, references: references), partners: ids,
                manifest: manifest,
                next: { path in
                    "in your clone, git fetch origin, then "
                        + PathOwnership.undoCommands(
                            path, main: mainEntries, mainName: "origin/\(HubLayout.mainBranch)")
                        + ", then git commit and push again (git push origin HEAD:\(branch))"
                })
        }
        // Every pushed commit, not only the net change: a malformed tree (a name twice) or an
        // unsafe object undone by a later commit would otherwise slip past the checks above.
        // The hub opened without git's quarantine: what it had before this push.
        let hubBefore = try Repository.open(at: repository.gitDir)
        report.refusals += try HistoryCheck(repository: repository, trusted: hubBefore)
            .refusals(heads: [update.new], known: [update.isCreation ? nil : update.old, mainTip].compactMap { $0 })

        let source = try GitTreeSource(repository: repository, treeID: newTree, commitID: update.new)
        let diagnostics = try PlanErrors.diagnostics(of: source, cache: cache).diagnostics
        let before = try PlanErrors.errorKeys(
            ofTree: baseline.map { try repository.tree(of: $0) }, in: repository, cache: cache)
        report.errors = diagnostics.filter { $0.severity == .error && !before.contains(Diagnostic.Identity($0)) }
        report.warnings = diagnostics.filter { $0.severity == .warning && changed.contains($0.location.file) }
        return report
    }

    private func manifest(ofCommit commit: ObjectID) throws -> Manifest? {
        guard try repository.objectType(commit) == .commit,
            let entry = try repository.entry(at: Manifest.fileName, in: repository.tree(of: commit)), entry.mode.isFile
        else { return nil }
        return ManifestReader().read(try repository.blob(entry.id, maxSize: 1 << 20)).manifest
    }
}
