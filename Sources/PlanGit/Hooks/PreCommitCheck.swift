import GitKit
import PlanModel

/// The partner-side pre-commit check: the staged plan, read from the index through
/// libgit2, must be valid where the commit changes it and must stay inside the partner's
/// folder.
///
/// The commit's own changes are the paths whose staged entry differs from HEAD (and, while
/// a merge is being committed, from every `MERGE_HEAD` too: what the merge brought in
/// unchanged is someone else's work). Errors in those files block; errors elsewhere block
/// only when no parent had them (the commit broke another file, e.g. by removing an
/// action it cross-references); warnings in the changed files are reported only.
///
/// Ownership is judged on the net change (`PathOwnership.netChanges`): a file outside the
/// partner's folder staged exactly as it is on the hub's main as last fetched (or at the
/// merge base with it) is not a change, so undoing a mistaken commit is accepted. Each
/// ownership refusal ends with the commands that undo the change.
public struct PreCommitCheck {
    public let repository: Repository
    /// The partner this clone commits for (`git config planmerge.partner`); nil in the
    /// coordinator's clone, which may change anything.
    public var partner: String?

    public init(repository: Repository, partner: String?) {
        self.repository = repository
        self.partner = partner
    }

    public func run() throws -> HookReport {
        var report = HookReport()
        let cache = ParseCache(persistentForGitDir: repository.gitDir)
        let staged = try IndexSource(repository: repository)
        if !staged.conflictedPaths.isEmpty {
            report.refusals.append(
                "unresolved merge conflicts in \(staged.conflictedPaths.joined(separator: ", ")): keep the right values, delete the marker lines, then 'git add' the files. Next: git add \(staged.conflictedPaths.map(PathOwnership.shellWord).joined(separator: " ")), then git commit"
            )
        }
        let stagedEntries = ChangedPaths.entries(of: staged)
        let parents = try [repository.head()].compactMap { $0 } + repository.mergeHeads()
        let parentTrees = try parents.map { try repository.tree(of: $0) }
        var changed = ChangedPaths.between([:], stagedEntries)
        for tree in parentTrees {
            changed.formIntersection(
                ChangedPaths.between(try ChangedPaths.entries(ofTree: tree, in: repository), stagedEntries))
        }

        let (plan, diagnostics) = try PlanErrors.diagnostics(of: staged, cache: cache)
        if let partner {
            let main = try lastFetchedMain()
            let mainEntries = try main.map { try ChangedPaths.entries(ofCommit: $0.commit, in: repository) }
            var references = mainEntries.map { [$0] } ?? []
            if let main, let head = parents.first, let base = try repository.mergeBase(head, main.commit) {
                references.append(try ChangedPaths.entries(ofCommit: base, in: repository))
            }
            let mainName = main?.name ?? "origin/\(HubLayout.mainBranch)"
            let fetch = main == nil ? "git fetch origin, then " : ""
            report.refusals += PathOwnership.refusals(
                paths: PathOwnership.netChanges(changed, result: stagedEntries, references: references),
                partners: [partner], manifest: plan?.manifest,
                next: { path in
                    fetch + PathOwnership.undoCommands(path, main: mainEntries, mainName: mainName)
                        + ", then git commit (or, for a change already committed, git revert <that commit>)"
                })
        }
        for path in changed.sorted() {
            report.refusals += PathOwnership.unsafeEntries([path], in: stagedEntries, repository: repository).map {
                "\($0). Next: git rm --cached \(PathOwnership.shellWord(ObjectRules.displayPath(path))) (your copy stays), then git commit"
            }
        }

        let elsewhere = diagnostics.filter { $0.severity == .error && !changed.contains($0.location.file) }
        var before: Set<Diagnostic.Identity> = []
        if !elsewhere.isEmpty {
            for tree in parentTrees {
                before.formUnion(try PlanErrors.errorKeys(ofTree: tree, in: repository, cache: cache))
            }
        }
        report.errors = diagnostics.filter { diagnostic in
            guard diagnostic.severity == .error else { return false }
            return changed.contains(diagnostic.location.file) || !before.contains(Diagnostic.Identity(diagnostic))
        }
        report.warnings = diagnostics.filter { $0.severity == .warning && changed.contains($0.location.file) }
        return report
    }

    /// The hub's main as this clone last fetched it (`refs/remotes/<remote>/main`, origin's
    /// first), with the name a command gives it (`origin/main`); nil before any fetch.
    func lastFetchedMain() throws -> (name: String, commit: ObjectID)? {
        let origin = "refs/remotes/origin/\(HubLayout.mainBranch)"
        let tracking = try repository.references(matching: "refs/remotes/*/\(HubLayout.mainBranch)")
            .sorted { ($0.name == origin ? 0 : 1, $0.name) < ($1.name == origin ? 0 : 1, $1.name) }
        for reference in tracking where try repository.objectType(reference.target) == .commit {
            return (String(reference.name.dropFirst("refs/remotes/".count)), reference.target)
        }
        return nil
    }
}
