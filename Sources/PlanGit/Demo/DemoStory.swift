import Foundation
import GitKit
import PlanModel

/// What the demo tells, step by step; the command prints it.
public enum DemoEvent: Sendable {
    case chapter(String)
    case say(String)
    case consolidated(ConsolidationReport)
    case status(HubStatus)
}

/// `planmerge demo`: a hub built from an example plan, one clone per partner, every partner
/// publishing its own sections over several commits, then a day of work with every case
/// consolidate must handle, all in-process through libgit2.
public struct DemoStory {
    public let planFolder: URL
    public let workspace: URL
    public static let today = Day(year: 2008, month: 9, day: 1)!

    public init(planFolder: URL, workspace: URL) {
        self.planFolder = planFolder
        self.workspace = workspace
    }

    public struct Outcome: Sendable {
        /// Each scripted expectation, and whether it held.
        public var checks: [(String, Bool)]
        public var passed: Bool { checks.allSatisfy { $0.1 } }
    }

    public func run(_ tell: (DemoEvent) -> Void) throws -> Outcome {
        var clock = DemoClock()
        var checks: [(String, Bool)] = []
        let source = FolderSource(root: planFolder)
        guard let plan = try PlanLoader().load(from: source).plan else { throw HubError.noManifest }
        let hubPath = workspace.appendingPathComponent("hub.git").path
        let partnersPath = workspace.appendingPathComponent("partners")
        try FileManager.default.createDirectory(at: partnersPath, withIntermediateDirectories: true)

        tell(.chapter("1. The coordinator creates the hub"))
        var manifest = try String(decoding: source.read(Manifest.fileName), as: UTF8.self)
        for partner in plan.manifest.partners {
            var published = partner
            published.remote = "../partners/\(partner.id).git"
            manifest = try ManifestEditor(text: ManifestEditor(text: manifest).removing(partner.id)).adding(published)
        }
        let coordinator = clock.signature("Coordinator", "coordinator@council.example")
        _ = try Hub.create(at: hubPath, files: [Manifest.fileName: Array(manifest.utf8)], author: coordinator)
        let hub = DemoRepository(repository: try Repository.open(at: hubPath), path: hubPath)
        tell(
            .say(
                "\(hubPath): a bare hub whose main holds plan.yaml: \(plan.manifest.recommendations.count) recommendations, \(plan.manifest.partners.count) partners, each publishing at ../partners/<id>.git"
            ))

        tell(.chapter("2. Every partner clones the hub and publishes its own sections"))
        var clones: [String: DemoRepository] = [:]
        var officers: [String: Signature] = [:]
        for partner in plan.manifest.partners {
            let clone = try DemoRepository.clone(
                hub: hubPath, to: partnersPath.appendingPathComponent("\(partner.id).git").path)
            clones[partner.id] = clone
            let officer = partner.officers.first ?? partner.name
            let author = clock.signature(officer, "\(partner.id)@partner.example")
            officers[partner.id] = author
            let files = plan.sections(of: partner.id)
            let (first, rest) = (files.prefix((files.count + 1) / 2), files.dropFirst((files.count + 1) / 2))
            for (batch, note) in [(first, "first"), (rest, "remaining")] where !batch.isEmpty {
                var contents: [String: String?] = [:]
                for section in batch {
                    contents[section.path] = try String(decoding: source.read(section.path), as: UTF8.self)
                }
                try clone.commit(
                    contents, as: clock.signature(author.name, author.email),
                    "\(partner.id): \(note) section files (\(batch.map { "R\($0.recommendation)" }.joined(separator: ", ")))"
                )
            }
            tell(
                .say(
                    "\(partner.id): \(files.count) file(s), \(files.reduce(0) { $0 + $1.actions.count }) action(s), committed by \(author.name)"
                ))
        }

        tell(.chapter("3. The coordinator consolidates for the first time"))
        let first = try consolidate(hubPath)
        tell(.consolidated(first))
        let publishing = Set(plan.sections.map(\.partner))
        checks.append(
            (
                "every partner with sections accepted in the first consolidation",
                first.partners.allSatisfy {
                    $0.state == .accepted || ($0.state == .unchanged && !publishing.contains($0.partner))
                }
            ))

        tell(.chapter("4. A day of work on \(DemoStory.today.iso)"))
        let cast = try Cast(plan: plan)
        for clone in clones.values { try clone.pull(from: hubPath) }

        let x = cast.corrected
        try hub.edit(
            x.file, as: clock.signature("Coordinator", "coordinator@council.example"),
            "Correct the due date of \(x.ref)"
        ) {
            DemoStory.editAction($0, x.file, x.ref) { $0.due = DueDateReader.read("End October 2008") }
        }
        try clones[x.partner]!.edit(
            x.file, as: clock.signature(officers[x.partner]!.name, officers[x.partner]!.email), "\(x.ref): now on track"
        ) {
            DemoStory.editAction($0, x.file, x.ref) { $0.status = .onTrack }
        }
        tell(
            .say(
                "the coordinator corrects the due date of \(x.ref) on the hub, while \(x.partner) marks the same action on track (different fields)"
            ))

        let y = cast.conflicting
        try hub.edit(
            y.file, as: clock.signature("Coordinator", "coordinator@council.example"),
            "Correct the due date of \(y.ref)"
        ) {
            DemoStory.editAction($0, y.file, y.ref) { $0.due = DueDateReader.read("End November 2008") }
        }
        try clones[y.partner]!.edit(
            y.file, as: clock.signature(officers[y.partner]!.name, officers[y.partner]!.email), "\(y.ref): re-dated"
        ) {
            DemoStory.editAction($0, y.file, y.ref) { $0.due = DueDateReader.read("31.1.09") }
        }
        tell(
            .say(
                "the coordinator also re-dates \(y.ref) to End November 2008, while \(y.partner) re-dates it to 31.1.09 (the same field)"
            ))

        for z in [cast.concurrentA, cast.concurrentB] {
            try clones[z.partner]!.edit(
                z.file, as: clock.signature(officers[z.partner]!.name, officers[z.partner]!.email), "\(z.ref): progress"
            ) {
                DemoStory.editAction($0, z.file, z.ref) {
                    $0.status = .atRisk
                    $0.success.append("Progress reported to the partnership board in September 2008")
                }
            }
            tell(.say("\(z.partner) updates \(z.ref) (status at risk, one more success criterion)"))
        }

        let t = cast.trespasser
        let trespassedOriginal = try clones[t]!.text(x.file)
        try clones[t]!.edit(
            x.file, as: clock.signature(officers[t]!.name, officers[t]!.email), "Fix a typo in \(x.partner)'s file"
        ) {
            DemoStory.editAction($0, x.file, x.ref) { $0.risk = "Not agreed with \(x.partner)" }
        }
        tell(.say("\(t) edits \(x.file), which belongs to \(x.partner)"))

        let u = cast.unreachable
        try clones[u.partner]!.edit(
            u.file, as: clock.signature(officers[u.partner]!.name, officers[u.partner]!.email), "\(u.ref): done"
        ) {
            DemoStory.editAction($0, u.file, u.ref) { $0.status = .done }
        }
        let away = partnersPath.appendingPathComponent("\(u.partner).git")
        try FileManager.default.moveItem(at: away, to: partnersPath.appendingPathComponent("\(u.partner).git.offline"))
        tell(.say("\(u.partner) commits, but its server is unreachable today"))

        tell(.chapter("5. The coordinator consolidates the day's work"))
        let second = try consolidate(hubPath)
        tell(.consolidated(second))
        func state(_ report: ConsolidationReport, _ id: String) -> PartnerOutcome.State? { report.outcome(id)?.state }
        checks.append(
            (
                "field-level edits of one action by the hub and \(x.partner) merge cleanly",
                state(second, x.partner) == .accepted
            ))
        checks.append(
            (
                "the same field edited on both sides is a conflict, \(y.partner) held back",
                state(second, y.partner) == .heldBack && second.outcome(y.partner)?.conflicts.first?.field == "Due"
            ))
        checks.append(("\(t) touching another partner's folder is rejected", state(second, t) == .rejected))
        checks.append(
            (
                "\(u.partner)'s unreachable remote is reported; its last version stands",
                state(second, u.partner) == .fetchFailed
            ))
        checks.append(
            (
                "concurrent edits of \(cast.concurrentA.partner) and \(cast.concurrentB.partner) are both accepted",
                state(second, cast.concurrentA.partner) == .accepted
                    && state(second, cast.concurrentB.partner) == .accepted
            ))
        if let newMain = second.newMain, let id = ObjectID(hex: newMain) {
            let parents = try hub.repository.commit(id).parents
            tell(
                .say(
                    "main's new merge commit has \(parents.count) parents: the previous main and \(parents.count - 1) partner head(s)"
                ))
            checks.append(
                (
                    "the merge commit's parents are the previous main and each accepted head",
                    parents.count == 1 + second.partners(.accepted).count
                ))
        }

        tell(
            .chapter(
                "6. Settling it: the coordinator takes \(y.partner)'s date on the hub; \(t) withdraws its edit; \(u.partner) is back"
            ))
        try hub.edit(
            y.file, as: clock.signature("Coordinator", "coordinator@council.example"),
            "Agree \(y.ref)'s date with \(y.partner)"
        ) {
            DemoStory.editAction($0, y.file, y.ref) { $0.due = DueDateReader.read("31.1.09") }
        }
        try clones[t]!.commit(
            [x.file: trespassedOriginal], as: clock.signature(officers[t]!.name, officers[t]!.email),
            "Withdraw my edit of \(x.partner)'s file")
        try FileManager.default.moveItem(at: partnersPath.appendingPathComponent("\(u.partner).git.offline"), to: away)
        let third = try consolidate(hubPath)
        tell(.consolidated(third))
        checks.append(
            (
                "after settling, \(y.partner), \(t) and \(u.partner) are accepted",
                [y.partner, t, u.partner].allSatisfy { state(third, $0) == .accepted }
            ))

        tell(.chapter("7. Where the plan stands"))
        tell(.status(try HubStatus.read(hub: Hub(repository: hub.repository), today: DemoStory.today)))
        return Outcome(checks: checks)
    }

    private func consolidate(_ hub: String) throws -> ConsolidationReport {
        var options = ConsolidationOptions()
        options.today = DemoStory.today
        options.fetchTimeout = .seconds(30)
        return try Consolidator(hubPath: hub).run(options)
    }

    /// Parses a section file, changes one action, writes it back in canonical form.
    static func editAction(_ text: String, _ path: String, _ ref: ActionRef, _ change: (inout Action) -> Void) -> String
    {
        var section = SectionParser(dueReference: nil).parse(text, path: path).section
        if let index = section.actions.firstIndex(where: { $0.ref == ref }) { change(&section.actions[index]) }
        return SectionFormatter.format(section)
    }
}

/// Who plays which part in the day of work: distinct partners, each with an action of its own.
struct Cast {
    struct Pick {
        var partner: String
        var file: String
        var ref: ActionRef
    }

    var corrected, conflicting, concurrentA, concurrentB, unreachable: Pick
    var trespasser: String

    init(plan: Plan) throws {
        let partners = plan.manifest.partners.map(\.id)
            .map { id in (id, plan.actions.filter { $0.partner == id }) }
            .filter { !$0.1.isEmpty }
            .sorted { ($0.1.count, $1.0) > ($1.1.count, $0.0) }
        guard partners.count >= 6 else { throw DemoError.tooFewPartners(partners.count) }
        func pick(_ index: Int) -> Pick {
            let action = partners[index].1[0]
            return Pick(partner: partners[index].0, file: action.file, ref: action.action.ref)
        }
        corrected = pick(0)
        conflicting = pick(1)
        concurrentA = pick(2)
        concurrentB = pick(3)
        unreachable = pick(4)
        trespasser = partners[5].0
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case tooFewPartners(Int)
    case noPlan(String)

    public var description: String {
        switch self {
        case .tooFewPartners(let n):
            "the demo needs a plan with at least 6 partners that have actions; this one has \(n)"
        case .noPlan(let name):
            "no example plan '\(name)': looked for Repos/\(name)/plan.yaml here and beside the planmerge binary"
        }
    }
}
