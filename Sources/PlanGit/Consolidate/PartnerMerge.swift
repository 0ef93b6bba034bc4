import GitKit
import PlanModel

/// One partner's published work, checked and merged against the hub's main: what it would
/// change, or why it cannot be taken.
struct PartnerContribution {
    var partner: Partner
    var head: ObjectID
    var base: ObjectID
    var commits: Int
    var changedFiles: [String]
    /// Merged result per path (nil: deleted).
    var files: [String: TreeEntry?] = [:]
    var conflicts: [ConflictReport] = []
    var rejections: [String] = []
}

/// Computes a partner's contribution: history checks, authority, unsafe content, and the
/// structure-aware three-way merge of every file it changed.
struct PartnerMerge {
    let repository: Repository
    let hub: TreeSnapshot
    let hubHead: ObjectID
    let manifest: Manifest
    let options: ConsolidationOptions

    enum Outcome {
        case unchanged
        case rejected([String])
        case contribution(PartnerContribution)
    }

    /// Where a partner stands in this run: its outcome, and its contribution when it can
    /// be merged (not yet accepted: the merged plan's checks decide that). `previous` is what
    /// the record says the last run decided for it.
    func assess(
        _ partner: Partner, fetchError: String?, lastAccepted: ObjectID?, previous: RecordedOutcome? = nil
    ) throws -> (PartnerOutcome, PartnerContribution?) {
        var outcome = PartnerOutcome(partner: partner.id, name: partner.name, state: .unchanged)
        outcome.accepted = lastAccepted?.hex
        if let fetchError {
            outcome.state = .fetchFailed
            // Raw here (the remote's own words); every sink makes it one line (RecordText).
            let remote = RemoteURL.scrubbed(partner.remote ?? "?")
            outcome.reasons = ["fetch from \(remote) failed: \(fetchError); its last accepted version stands"]
            return (outcome, nil)
        }
        let ref = partner.publication.hubRef
        guard let head = try repository.reference(named: ref) else {
            if let previous, previous.state == .rejected, let id = previous.fetchedHead.flatMap(ObjectID.init(hex:)),
                try repository.objectType(id) != .commit
            {
                // Its non-commit head was dropped from the hub's refs (below); the rejection stands.
                outcome.state = .rejected
                outcome.head = id.hex
                outcome.reasons = previous.reasons
                return (outcome, nil)
            }
            outcome.state = .notPublished
            outcome.reasons = [
                partner.remote == nil ? "nothing pushed to \(ref) yet" : "nothing fetched yet (run without --offline)"
            ]
            return (outcome, nil)
        }
        outcome.head = head.hex
        // A branch can point at any object; only a commit can be merged (and read further).
        let type = try repository.objectType(head)
        guard type == .commit else {
            // A fetched ref that is not a commit makes libgit2's fetch negotiation fail for
            // every partner ("object is not a committish"): it does not stay among the refs.
            if !partner.publication.isOnHub { try repository.deleteReference(ref, expected: head) }
            outcome.state = .rejected
            outcome.reasons = [
                "\(partner.id) published \(partner.publication.branch) pointing at \(head.short), which is "
                    + "\(type.map { "a \($0)" } ?? "missing"), not a commit: the partner publishes a commit (a normal git "
                    + "push of a branch); its last accepted version stands. Next: the partner runs "
                    + Self.publishCommand(partner)
            ]
            return (outcome, nil)
        }
        switch try contribution(of: partner, head: head, lastAccepted: lastAccepted) {
        case .unchanged:
            return (outcome, nil)
        case .rejected(let reasons):
            outcome.state = .rejected
            outcome.reasons = reasons
            return (outcome, nil)
        case .contribution(let contribution):
            outcome.commits = contribution.commits
            outcome.changedFiles = contribution.changedFiles
            guard !contribution.conflicts.isEmpty else { return (outcome, contribution) }
            outcome.state = .heldBack
            outcome.conflicts = contribution.conflicts
            outcome.reasons = [
                "\(contribution.conflicts.count) conflict(s) with changes made on the hub; its last accepted version stands. To resolve: the partner runs 'planmerge sync', settles the conflict blocks and publishes again, or the coordinator changes the hub's value to match"
            ]
            return (outcome, nil)
        }
    }

    /// The command a partner publishes with, for the "Next:" of a refusal.
    static func publishCommand(_ partner: Partner) -> String {
        partner.publication.isOnHub
            ? "git push origin HEAD:\(HubLayout.partnerBranch(partner.id))" : "git push to its own remote"
    }

    func contribution(of partner: Partner, head: ObjectID, lastAccepted: ObjectID?) throws -> Outcome {
        let alreadyInMain = try repository.isDescendant(hubHead, of: head)
        if head == lastAccepted || alreadyInMain {
            return .unchanged
        }
        let keepsHistory = try lastAccepted.map { try repository.isDescendant(head, of: $0) } ?? true
        if let lastAccepted, !keepsHistory, !options.acceptRewrite.contains(partner.id) {
            return .rejected([
                "its history was rewritten: \(head.short) does not contain \(lastAccepted.short), the commit last accepted from it (force-pushed?); the partner should restore it, or the coordinator may take it once with --accept-rewrite \(partner.id). Next: the partner runs git pull, then \(Self.publishCommand(partner)); or the coordinator runs planmerge consolidate --accept-rewrite \(partner.id)"
            ])
        }
        guard let base = try repository.mergeBase(hubHead, head) else {
            return .rejected([
                "its branch shares no history with the hub: the partner should clone the hub and publish from that clone. Next: the partner runs git clone <the hub's URL>, copies its sections/\(partner.id)/ files in, then git commit and \(Self.publishCommand(partner))"
            ])
        }
        // Only what the partner changed is read: identical folders are skipped unread.
        let differences = try repository.diffTrees(repository.tree(of: base), repository.tree(of: head))
        let changed = differences.map(\.path)
        var contribution = PartnerContribution(
            partner: partner, head: head, base: base,
            commits: (try? repository.aheadBehind(local: head, upstream: base).ahead) ?? 0, changedFiles: changed)

        // Ownership is judged on the net change (an edit undone later is no trespass, nor a
        // file put back as main has it now: PathOwnership.netChanges); unsafe objects on every
        // commit the partner brings, since all of them stay in main's history.
        var result: [String: TreeEntry] = [:]
        for difference in differences { result[difference.path] = difference.new }
        let publish = Self.publishCommand(partner)
        contribution.rejections =
            PathOwnership.refusals(
                paths: PathOwnership.netChanges(changed, result: result, references: [hub.entries]),
                partners: [partner.id], manifest: manifest,
                next: { path in
                    "the partner, in its clone, runs git fetch origin, then "
                        + PathOwnership.undoCommands(
                            path, main: hub.entries, mainName: "origin/\(HubLayout.mainBranch)")
                        + ", then git commit and \(publish); its last accepted version stands until then"
                })
            + (try HistoryCheck(repository: repository, maxFileBytes: options.maxFileBytes)
                .refusals(heads: [head], known: [hubHead, base] + (lastAccepted.map { [$0] } ?? [])))
        if !contribution.rejections.isEmpty { return .rejected(contribution.rejections) }

        for difference in differences {
            try merge(difference.path, base: difference.old, theirs: difference.new, into: &contribution)
        }
        return .contribution(contribution)
    }

    private func merge(
        _ path: String, base b: TreeEntry?, theirs t: TreeEntry?, into contribution: inout PartnerContribution
    ) throws {
        let o = hub[path]
        if o?.id == t?.id { return }  // both made the same change
        let ours = try o.map { try repository.blob($0.id) }
        let theirsBytes = try t.map { try repository.blob($0.id) }
        let parser = SectionParser(dueReference: manifest.inspection.published)
        let isSection = PlanLoader.isSectionFile(path)
        func read(_ bytes: [UInt8]?) -> SectionParser.Result? {
            isSection ? bytes.map { parser.parse($0, path: path) } : nil
        }
        if o?.id == b?.id {
            // The hub did not touch it: the partner's file, unless it only reordered or
            // re-spaced what the hub has (reordering is not a change).
            if let mine = read(ours), let yours = read(theirsBytes), !mine.diagnostics.hasErrors,
                !yours.diagnostics.hasErrors, mine.section == yours.section
            {
                return
            }
            contribution.files[path] = .some(t)
            return
        }
        let baseBytes = try b.map { try repository.blob($0.id) }
        // The one file merge (as the merge driver and sync do it); consolidate reports its
        // conflicts instead of writing them, and takes the partner's contribution whole or not.
        let merged = FileMerge(dueReference: manifest.inspection.published)
            .merge(base: baseBytes, ours: ours, theirs: theirsBytes, path: path)
        if merged.clean {
            guard let bytes = merged.bytes else {
                contribution.files[path] = .some(nil)
                return
            }
            contribution.files[path] = .some(
                try entry(bytes, path: path, like: t ?? o, ours: (o, ours), theirs: (t, theirsBytes)))
            return
        }
        if merged.structured, !merged.conflicts.isEmpty {
            contribution.conflicts += merged.conflicts.map { report($0, contribution) }
            return
        }
        // Not a readable section file on every side, and git's line merge did not settle it.
        let conflict = MergeConflict(
            path: path, recommendation: SectionFile.splitPath(path).flatMap { Int($0.name.dropLast(3)) } ?? 0,
            subject: .file, base: baseBytes.map { _ in ["(present)"] },
            ours: ours.map { _ in ["(changed on the hub)"] },
            theirs: theirsBytes.map { _ in ["(changed by the partner)"] })
        contribution.conflicts.append(report(conflict, contribution))
    }

    /// The tree entry for merged bytes: an existing blob when equal, else a new one.
    private func entry(
        _ bytes: [UInt8], path: String, like template: TreeEntry?, ours: (TreeEntry?, [UInt8]?),
        theirs: (TreeEntry?, [UInt8]?)
    ) throws -> TreeEntry {
        let name = String(path.split(separator: "/").last ?? "")
        if let entry = theirs.0, theirs.1 == bytes { return entry }
        if let entry = ours.0, ours.1 == bytes { return entry }
        let id = try repository.writeBlob(bytes)
        return TreeEntry(path: path, name: name, id: id, mode: template?.mode == .executable ? .executable : .blob)
    }

    private func report(_ conflict: MergeConflict, _ contribution: PartnerContribution) -> ConflictReport {
        let field: String?
        switch conflict.subject {
        case .field(_, let name): field = name
        case .block(let kind): field = kind.heading
        default: field = nil
        }
        return ConflictReport(
            file: conflict.path, recommendation: conflict.recommendation, action: conflict.actionRef?.description,
            field: field, what: conflict.what, base: conflict.base,
            hub: .init(
                value: conflict.ours,
                change: Authorship.lastChange(of: conflict.path, in: repository, from: hubHead, stop: contribution.base)
            ),
            partner: .init(
                value: conflict.theirs,
                change: Authorship.lastChange(
                    of: conflict.path, in: repository, from: contribution.head, stop: contribution.base)))
    }
}
