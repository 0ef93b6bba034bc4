import GitKit
import Foundation
import PlanModel

/// `planmerge tag`: an annotated tag marking the exact version of the plan submitted to
/// Cabinet. Made only when the plan at that commit has no errors and no partner is held
/// back with conflicts; never moved or deleted by planmerge.
public struct CabinetTag {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var reasons: [String]
        public var description: String { "the tag was not made:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n") }
    }

    public struct Made: Sendable {
        public var name: String
        public var commit: ObjectID
        public var message: String
    }

    /// The default name for a version submitted on `day`.
    public static func defaultName(_ day: Day) -> String { "cabinet/\(day.iso)" }

    public func make(revision: String, name: String, note: String?, today: Day, tagger: Signature) throws -> Made {
        let commit = try repository.resolveCommit(revision)
        if let existing = try repository.tag(named: name) {
            throw Refusal(reasons: ["\(name) already exists and points at \(existing.target.short); a Cabinet version is never moved: choose another name"])
        }
        let source = try GitTreeSource(repository: repository, treeID: repository.tree(of: commit), commitID: commit, label: "\(revision) \(commit.short)")
        let loaded = try PlanLoader().load(from: source)
        guard let plan = loaded.plan else {
            throw Refusal(reasons: loaded.diagnostics.filter { $0.severity == .error }.map { "\($0.location): [\($0.rule)] \($0.message)" })
        }
        let errors = (loaded.diagnostics + Validator().validate(plan, context: CheckContext(today: today))).filter { $0.severity == .error }
        var reasons = errors.sortedForReading().map { "\($0.location): [\($0.rule)] \($0.message)" }
        if let main = try repository.reference(named: HubLayout.mainRef), main == commit {
            var options = ConsolidationOptions()
            options.offline = true
            options.dryRun = true
            options.today = today
            if let report = try? Consolidator(hubPath: repository.gitDir).run(options) {
                for outcome in report.partners where outcome.state == .heldBack && !outcome.conflicts.isEmpty {
                    reasons.append("\(outcome.partner) is held back with \(outcome.conflicts.count) conflict(s): \(outcome.conflicts.map(\.what).joined(separator: "; "))")
                }
            }
        }
        guard reasons.isEmpty else { throw Refusal(reasons: reasons) }

        let message = try self.message(name: name, note: note, plan: plan, commit: commit, today: today)
        do {
            _ = try repository.createAnnotatedTag(name: name, target: commit, tagger: tagger, message: message)
        } catch let error as GitError where error.isExists {
            throw Refusal(reasons: ["\(name) was made by someone else a moment ago; a Cabinet version is never moved"])
        }
        return Made(name: name, commit: commit, message: message)
    }

    /// The tag message: the note, the plan's figures, and each partner's exact commit.
    func message(name: String, note: String?, plan: Plan, commit: ObjectID, today: Day) throws -> String {
        var lines = ["Cabinet version \(name) of \(plan.manifest.title)", ""]
        if let note, !note.isEmpty { lines += [note, ""] }
        lines.append("Plan: \(PlanFigures(plan: plan, today: today).line) as of \(today.iso)")
        lines.append("")
        lines.append("Partners (the exact commit of each part, and its author date):")
        let accepted = try AcceptedHistory.lastAccepted(in: repository, from: commit)
        for partner in plan.manifest.partners {
            if let id = accepted[partner.id], let info = try? repository.commit(id) {
                lines.append("  \(partner.id) \(id.hex) \(Authorship.format(info.author))")
            } else {
                lines.append("  \(partner.id) (nothing accepted from it yet)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every Cabinet version, oldest first.
    public func versions() throws -> [TagInfo] {
        try repository.tags(matching: "cabinet/*").sorted { ($0.tagger?.time ?? 0, $0.name) < ($1.tagger?.time ?? 0, $1.name) }
    }
}
