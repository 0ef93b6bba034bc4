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

    /// Marks main as a Cabinet version (`cabinet/<today>`), refused as `planmerge tag` refuses.
    public func tag(note: String?, by officer: Officer) throws -> CabinetTag.Made {
        let day = todayValue()
        return try CabinetTag(repository: Repository.open(at: hubPath)).make(
            revision: HubLayout.mainRef, name: CabinetTag.defaultName(day), note: note, today: day,
            tagger: Signature(name: officer.displayName, email: officer.email))
    }

    /// What changed between two versions (`main` or a Cabinet version's short name), as the
    /// HTML page `planmerge diff --format html` writes; nil when one is unknown.
    public func diff(from: String, to: String) throws -> String? {
        guard let old = try plan(version: from), let new = try plan(version: to) else { return nil }
        return DiffHTMLRenderer.render(PlanDiff(from: old, to: new), labels: DiffLabels(from: from, to: to))
    }

    /// The plan document of main (`main`) or of a Cabinet version (`2008-09-01` for the tag
    /// `cabinet/2008-09-01`), for the downloads.
    public func document(version short: String) throws -> PlanDocument? {
        guard let plan = try plan(version: short) else { return nil }
        let deadline = plan.manifest.inspection.published.map {
            StatutoryDeadline.compute(from: $0, rule: plan.manifest.deadline).deadline
        }
        let name = short == "main" ? short : "cabinet/" + short
        return PlanDocument(plan: plan, context: RenderContext(version: name, today: todayValue(), deadline: deadline))
    }

    /// The plan of main or of a Cabinet version (see `document(version:)`).
    public func plan(version short: String) throws -> Plan? {
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
        return try PlanLoader().load(from: source).plan
    }
}
