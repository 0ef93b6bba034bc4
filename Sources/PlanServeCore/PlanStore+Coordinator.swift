import Foundation
import GitKit
import PlanGit
import PlanModel
import PlanRender

extension PlanStore {
    /// `planmerge status`'s figures.
    public func status() throws -> HubStatus {
        try HubStatus.read(hub: Hub.open(hubPath), today: todayValue())
    }

    /// Runs consolidate as the CLI does, with the coordinator as committer.
    public func consolidate(by officer: Officer) throws -> ConsolidationReport {
        var options = ConsolidationOptions()
        options.today = todayValue()
        options.committer = Signature(name: officer.displayName, email: officer.email)
        return try Consolidator(hubPath: hubPath).run(options)
    }

    /// The Cabinet versions, by name (`cabinet/2008-09-01`), newest name last.
    public func cabinetVersions() throws -> [String] {
        let repository = try Repository.open(at: hubPath)
        return try repository.references(matching: HubLayout.cabinetTagPrefix + "*").map {
            String($0.name.dropFirst("refs/tags/".count))
        }.sorted()
    }

    /// The plan document of main (`main`) or of a Cabinet version (`2008-09-01` for the tag
    /// `cabinet/2008-09-01`), for the downloads.
    public func document(version short: String) throws -> PlanDocument? {
        let name = short == "main" ? short : "cabinet/" + short
        let repository = try Repository.open(at: hubPath)
        let ref: String
        if name == "main" {
            ref = HubLayout.mainRef
        } else {
            guard try cabinetVersions().contains(name) else { return nil }
            ref = "refs/tags/" + name
        }
        guard try repository.reference(named: ref) != nil else { return nil }
        let source = try GitTreeSource(repository: repository, revision: ref)
        guard let plan = try PlanLoader().load(from: source).plan else { return nil }
        let deadline = plan.manifest.inspection.published.map {
            StatutoryDeadline.compute(from: $0, rule: plan.manifest.deadline).deadline
        }
        return PlanDocument(plan: plan, context: RenderContext(version: name, today: todayValue(), deadline: deadline))
    }
}
