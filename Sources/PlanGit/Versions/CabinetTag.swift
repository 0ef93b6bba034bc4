import Foundation
import GitKit
import PlanModel

/// `planmerge tag`: an annotated tag marking the exact version of the plan submitted to
/// Cabinet. Made only when the plan at that commit has no errors and no partner is held
/// back with conflicts; never moved or deleted by planmerge. Each partner's exact commit
/// comes from the checked record (`ConsolidationRecord`); partners whose newer work is not
/// included are listed (and refused with `strict`).
public struct CabinetTag {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var reasons: [String]
        public var description: String {
            "the tag was not made:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    public struct Made: Sendable {
        public var name: String
        public var commit: ObjectID
        public var message: String
        /// Partners whose newer work this version does not include, and why (also in the
        /// message); `strict` refuses instead.
        public var warnings: [String]
    }

    /// The default name for a version submitted on `day`.
    public static func defaultName(_ day: Day) -> String { "cabinet/\(day.iso)" }

    /// Makes the tag. Refused when the plan at `revision` has errors, a partner is held back
    /// with conflicts, or the check of the partners' pending work cannot run (it fails
    /// closed); with `strict`, also when a partner's newer work is not included. The meeting
    /// (`meeting`, its date and agenda item) and the figures as of `today` are kept in the
    /// message as trailers (`TagMetadata`).
    public func make(
        revision: String, name: String, note: String?, meeting: String? = nil, meetingDate: Day? = nil,
        item: String? = nil, today: Day, tagger: Signature, strict: Bool = false
    ) throws -> Made {
        let commit = try repository.resolveCommit(revision)
        if let existing = try repository.tag(named: name) {
            throw Refusal(reasons: [
                "\(name) already exists and points at \(existing.target.short); a Cabinet version is never moved: choose another name"
            ])
        }
        let source = try GitTreeSource(
            repository: repository, treeID: repository.tree(of: commit), commitID: commit,
            label: "\(revision) \(commit.short)")
        let checked = try PlanLoader(cache: ParseCache(persistentForGitDir: repository.gitDir)).loadAndCheck(
            from: source, context: CheckContext(today: today))
        guard let plan = checked.plan else {
            throw Refusal(reasons: checked.errors.map { "\($0.location): [\($0.rule)] \($0.message)" })
        }
        let errors = checked.errors
        var reasons = errors.sortedForReading().map { "\($0.location): [\($0.rule)] \($0.message)" }
        var report: ConsolidationReport?
        if let main = try repository.reference(named: HubLayout.mainRef), main == commit {
            var options = ConsolidationOptions()
            options.offline = true
            options.dryRun = true
            options.today = today
            do {
                report = try Consolidator(hubPath: repository.gitDir).run(options)
            } catch {
                throw Refusal(reasons: [
                    "the partners' pending work could not be checked (\(RecordText.oneLine("\(error)"))), so no version is tagged"
                ])
            }
            for outcome in report?.partners ?? [] where outcome.state == .heldBack && !outcome.conflicts.isEmpty {
                reasons.append(
                    "\(outcome.partner) is held back with \(outcome.conflicts.count) conflict(s): \(outcome.conflicts.map(\.what).joined(separator: "; "))"
                )
            }
        }
        guard reasons.isEmpty else { throw Refusal(reasons: reasons) }
        let record = try ConsolidationRecord.read(repository: repository, at: commit)
        let left = try notIncluded(plan.manifest, in: commit, record: record, report: report)
        if strict, !left.isEmpty {
            throw Refusal(reasons: left + ["(--strict: every partner's newer work must be in the version)"])
        }

        let metadata = TagMetadata(
            day: today, meeting: meeting, meetingDate: meetingDate, item: item,
            figures: PlanFigures(plan: plan, today: today))
        let message = try self.message(
            name: name, note: note, plan: plan, record: record, notIncluded: left, metadata: metadata)
        do {
            _ = try repository.createAnnotatedTag(name: name, target: commit, tagger: tagger, message: message)
        } catch let error as GitError where error.isExists {
            throw Refusal(reasons: ["\(name) was made by someone else a moment ago; a Cabinet version is never moved"])
        }
        return Made(name: name, commit: commit, message: message, warnings: left)
    }

    /// The partners whose newer work `commit` does not hold, one line each with why: their
    /// published head is not in it, or the last consolidate could not fetch them.
    func notIncluded(
        _ manifest: Manifest, in commit: ObjectID, record: ConsolidationRecord, report: ConsolidationReport?
    ) throws -> [String] {
        var lines: [String] = []
        for partner in manifest.partners.sorted(by: { $0.id < $1.id }) {
            let recorded = record.latestOutcome(partner.id)
            let now = report?.outcome(partner.id)
            var why: String?
            if let head = try repository.reference(named: partner.publication.hubRef) {
                let included =
                    try repository.objectType(head) == .commit
                    && (head == commit || repository.isDescendant(commit, of: head))
                if !included {
                    let state = now?.state ?? recorded?.state
                    // This run's reasons are raw; the record's are one line already.
                    let first = now?.reasons.first.map(RecordText.oneLine) ?? recorded?.reasons.first
                    let reason = first.map { ": \($0)" } ?? ""
                    why =
                        state == .accepted
                        ? "its published \(head.short) is not consolidated yet (run planmerge consolidate first)"
                        : "its published \(head.short) is \(state.map(Self.describe) ?? "not in this version")\(reason)"
                }
            }
            if why == nil, recorded?.state == .fetchFailed {
                let reason = recorded?.reasons.first.map { ": \($0)" } ?? ""
                why = "the last consolidate could not fetch it, so newer work may exist\(reason)"
            }
            if let why { lines.append("\(partner.id): newer work not included: \(why)") }
        }
        return lines
    }

    private static func describe(_ state: PartnerOutcome.State) -> String {
        switch state {
        case .heldBack: "held back"
        case .rejected: "rejected"
        case .fetchFailed: "not fetched"
        case .accepted, .unchanged, .notPublished: "not in this version"
        }
    }

    /// The tag message: the note, the meeting, the plan's figures, each partner's exact
    /// commit, and last the trailers `TagMetadata.read` reads.
    func message(
        name: String, note: String?, plan: Plan, record: ConsolidationRecord, notIncluded: [String],
        metadata: TagMetadata
    ) throws -> String {
        var lines = ["Cabinet version \(name) of \(plan.manifest.title)", ""]
        if let note, !note.isEmpty { lines += [note, ""] }
        if let meeting = metadata.meetingLine { lines += ["Meeting: \(RecordText.oneLine(meeting))", ""] }
        let figures = metadata.figures ?? PlanFigures(plan: plan, today: metadata.day)
        lines.append("Plan: \(figures.line) as of \(metadata.day.iso)")
        lines.append("")
        lines.append("Partners (the exact commit of each part, and its author date):")
        for partner in plan.manifest.partners {
            if let id = record.accepted[partner.id]?.commit {
                lines.append("  \(partner.id) \(id.hex) \(Authorship.format(try repository.commit(id).author))")
            } else {
                lines.append("  \(partner.id) (nothing accepted from it yet)")
            }
        }
        if !notIncluded.isEmpty {
            lines.append("")
            lines.append("Not included (newer work of these partners is not in this version):")
            lines += notIncluded.map { "  \($0)" }
        }
        lines += ["", try metadata.trailers()]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every Cabinet version, oldest first.
    public func versions() throws -> [TagInfo] {
        try repository.tags(matching: "cabinet/*").sorted {
            ($0.tagger?.time ?? 0, $0.name) < ($1.tagger?.time ?? 0, $1.name)
        }
    }
}
