import ArgumentParser
import Foundation
import PlanModel
import PlanRender

/// Where a command reads the plan from: a folder (default: the current plan).
struct PlanInput: ParsableArguments {
    @Argument(help: "The plan folder (default: the plan holding the current directory).")
    var path: String?

    @Option(help: "The day to read the plan on (YYYY-MM-DD): overdue actions, working days left. Default: today.")
    var today: String?

    func validate() throws {
        if let today, Day(iso: today) == nil {
            throw ValidationError("--today takes a date as YYYY-MM-DD, e.g. 2008-09-01; got '\(today)'")
        }
    }

    /// The folder, for messages and relative paths.
    func root() throws -> URL { try PlanLocator.folder(path) }

    func load() throws -> PlanLoader.Result {
        try PlanLoader().load(from: FolderSource(root: root()))
    }

    func renderContext(_ plan: Plan, version: String? = nil, provenance: [String: PartnerProvenance] = [:])
        -> RenderContext
    {
        RenderContext(
            version: version, provenance: provenance, today: Clock.day(today),
            deadline: PlanDeadline.of(plan)?.deadline, generatedAt: nil)
    }
}

enum PlanDeadline {
    /// The statutory deadline from the manifest's rule, when the publication day is known.
    static func of(_ plan: Plan) -> StatutoryDeadline? {
        guard let published = plan.manifest.inspection.published else { return nil }
        return StatutoryDeadline.compute(from: published, rule: plan.manifest.deadline)
    }
}
