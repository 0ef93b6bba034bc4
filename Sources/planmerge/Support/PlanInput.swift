import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel
import PlanRender

/// Where a command reads the plan from: a folder, a git revision (a tag such as
/// cabinet/2008-09-01, a branch, a commit, read through libgit2), or by default the
/// repository's plan (`DefaultPlan`: main in the hub, the files as they are in a clone).
struct PlanInput: ParsableArguments {
    @Argument(
        help: """
            A plan folder or a git revision. Default: main in a bare repository (the hub), \
            else the plan holding the current directory.
            """)
    var target: String?

    @Option(help: "Read the plan at this git revision (tag, branch or commit).")
    var rev: String?

    @OptionGroup var repository: HubOption

    @Option(help: "The day to read the plan on (YYYY-MM-DD): overdue actions, working days left. Default: today.")
    var today: String?

    /// The repository given with `--repo` (or its old name `--hub`).
    var repo: String? { repository.path }

    func validate() throws {
        try DayOption.check(today)
        if rev != nil, target != nil { throw ValidationError("give a folder or --rev, not both") }
    }

    /// The revision to read, if the input is one: --rev, or a target that is not a folder.
    private var revision: String? {
        if let rev { return rev }
        guard let target else { return nil }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && isDirectory.boolValue
            ? nil : target
    }

    struct Loaded {
        var result: PlanLoader.Result
        var version: String?
        var provenance: [String: PartnerProvenance]
        /// The repository and commit read, for a revision (the version history needs them).
        var repository: Repository? = nil
        var commit: ObjectID? = nil
        var revision: String? = nil
        /// A Cabinet tag's metadata: its day is the default `today`.
        var tag: TagMetadata? = nil
    }

    func load() throws -> Loaded {
        if let revision { return try load(revision, in: GitPlan.repository(at: repo)) }
        if let target { return try load(folder: PlanLocator.folder(target)) }
        switch try DefaultPlan.locate(repo: repo) {
        case .folder(let root): return try load(folder: root)
        case .revision(let repository, let revision): return try load(revision, in: repository)
        }
    }

    private func load(folder root: URL) throws -> Loaded {
        Loaded(result: try PlanLoader().load(from: FolderSource(root: root)), version: nil, provenance: [:])
    }

    private func load(_ revision: String, in repository: Repository) throws -> Loaded {
        let source = try GitPlan.source(repository, revision: revision)
        var provenance: [String: PartnerProvenance] = [:]
        if let commit = source.commitID {
            for (partner, id) in try AcceptedHistory.lastAccepted(in: repository, from: commit) {
                let info = try? repository.commit(id)
                provenance[partner] = PartnerProvenance(
                    commit: id.short, author: info?.author.name, date: info.map { Authorship.format($0.author) })
            }
        }
        let isTag = (try? repository.tag(named: revision)) != nil
        let version = isTag ? revision : "\(revision) (\(source.commitID?.short ?? "?"))"
        return Loaded(
            result: try PlanLoader().load(from: source), version: version, provenance: provenance,
            repository: repository, commit: source.commitID, revision: revision,
            tag: try VersionHistory(repository: repository).metadata(ofTag: revision))
    }

    /// The plan as the Cabinet document model sees it; a plan that cannot be read at all
    /// prints its errors and exits 1.
    func document() throws -> (plan: Plan, document: PlanDocument) {
        let loaded = try load()
        guard let plan = loaded.result.plan else {
            Console.error(TextReporter.render(loaded.result.diagnostics))
            throw PlanmergeExit.problems.code
        }
        return (plan, PlanDocument(plan: plan, context: try renderContext(plan, loaded)))
    }

    /// The day the plan is read on: `--today`, else a Cabinet tag's own day, else today.
    func day(_ loaded: Loaded) -> Day {
        today == nil ? loaded.tag?.day ?? Clock.today() : Clock.day(today)
    }

    func renderContext(_ plan: Plan, _ loaded: Loaded) throws -> RenderContext {
        var context = RenderContext(
            version: loaded.version, provenance: loaded.provenance, today: day(loaded),
            deadline: PlanDeadline.of(plan)?.deadline, generatedAt: nil)
        if let repository = loaded.repository, let commit = loaded.commit, let revision = loaded.revision {
            context.versions = try VersionsView.model(
                VersionHistory(repository: repository).upTo(
                    revision: revision, commit: commit, plan: plan, today: context.today))
        }
        return context
    }
}

enum PlanDeadline {
    /// The statutory deadline from the manifest's rule, when the publication day is known.
    static func of(_ plan: Plan) -> StatutoryDeadline? {
        guard let published = plan.manifest.inspection.published else { return nil }
        return StatutoryDeadline.compute(from: published, rule: plan.manifest.deadline)
    }
}
