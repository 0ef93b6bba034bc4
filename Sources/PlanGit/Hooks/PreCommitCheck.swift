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
                "unresolved merge conflicts in \(staged.conflictedPaths.joined(separator: ", ")): keep the right values, delete the marker lines, then 'git add' the files"
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
            report.refusals += PathOwnership.refusals(paths: changed, partners: [partner], manifest: plan?.manifest)
        }
        report.refusals += PathOwnership.unsafeEntries(changed, in: stagedEntries, repository: repository)

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
}
