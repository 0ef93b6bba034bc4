import Foundation
import GitKit
import PlanGit
import PlanModel

/// Who is signed in, as the web app knows them.
public struct Officer: Sendable, Hashable {
    /// The user name the proxy or the accounts file gives: what the manifest's pushers list.
    public var user: String
    public var displayName: String
    public var email: String

    public init(user: String, displayName: String? = nil, email: String? = nil) {
        self.user = user
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 } ?? user
        self.email = email.flatMap { $0.isEmpty ? nil : $0 } ?? "\(user)@planmerge-serve.invalid"
    }
}

/// One action as the officer's page shows it.
public struct ActionView: Sendable {
    public var action: Action
    public var partner: String
    public var recommendation: Recommendation?
    public var timescale: Timescale?
    public var overdue: Bool
    public var toBeConfirmed: Bool
}

/// One partner's actions across the plan, read from where it publishes merged with main.
public struct PartnerView: Sendable {
    public var partner: Partner
    /// The version the page was read from (the ETag): the partner's published head, or
    /// main's when it has published nothing yet.
    public var version: ObjectID
    public var actions: [ActionView]
    /// Recommendations the partner contributes to (lead or named), where it may add actions.
    public var contributes: [Recommendation]
    public var manifest: Manifest
    public var deadline: Day?
    public var today: Day
    /// Set when the partner publishes on its own remote: where its edits are made.
    public var editedElsewhere: String?
}

/// One field both the officer and someone else changed since the officer's version.
public struct FieldConflict: Sendable, Codable, Hashable {
    public var ref: String
    public var field: String
    public var yours: [String]?
    public var theirs: [String]?
    /// Who wrote the value now saved, and when.
    public var theirsBy: String?
    public var theirsDate: String?
}

/// What a save did.
public enum SaveOutcome: Sendable {
    /// Saved as this new version (nil commit: nothing changed).
    case saved(version: ObjectID, commit: ObjectID?, fields: [EditableField], ref: ActionRef)
    /// Problems with what was typed: nothing saved.
    case invalid([FieldProblem])
    /// Someone changed the same field since the version the officer read.
    case conflict([FieldConflict], version: ObjectID)
    /// Not this user's to change.
    case forbidden(String)
    /// No such partner, recommendation or action.
    case notFound(String)
}

/// The hub as the web app uses it: every read and write goes through this actor, one at
/// a time, through libgit2 with no work tree.
public actor PlanStore {
    public let hubPath: String
    private let repository: Repository
    private let today: @Sendable () -> Day

    func todayValue() -> Day { today() }

    public init(hubPath: String, today: @escaping @Sendable () -> Day) throws {
        self.hubPath = hubPath
        self.repository = try Repository.open(at: hubPath)
        self.today = today
    }

    // MARK: reading

    /// The manifest on main.
    public func manifest() throws -> Manifest {
        guard let main = try repository.reference(named: HubLayout.mainRef),
            let entry = try repository.entry(at: Manifest.fileName, in: repository.tree(of: main))
        else { throw ServeError.noManifest }
        guard let manifest = ManifestReader().read(try repository.blob(entry.id, maxSize: 1 << 20)).manifest else {
            throw ServeError.noManifest
        }
        return manifest
    }

    /// The user's role under main's manifest, by the rule the hooks use.
    public func role(of user: String) throws -> Pusher.Role {
        Pusher.role(of: user, in: try manifest())
    }

    /// The partner ids a role may edit (every partner for the coordinator).
    public func partners(for role: Pusher.Role) throws -> [String] {
        switch role {
        case .coordinator: try manifest().partners.map(\.id)
        case .partners(let ids): ids
        case .unknown: []
        }
    }

    /// The plan on main, its commit and diagnostics.
    public func mainPlan() throws -> (plan: Plan, commit: ObjectID) {
        let hub = Hub(repository: repository)
        let (plan, _, commit) = try hub.plan(today: today())
        guard let plan else { throw ServeError.noManifest }
        return (plan, commit)
    }

    /// The partner's page.
    public func partnerView(_ id: String) throws -> PartnerView {
        let manifest = try manifest()
        guard let partner = manifest.partner(id) else { throw ServeError.notFound("no partner '\(id)' in the plan") }
        let main = try mainTip()
        let version = try repository.reference(named: partner.publication.hubRef) ?? main
        let reference = manifest.inspection.published
        var actions: [ActionView] = []
        let day = today()
        for path in try sectionPaths(of: id, in: [version, main]) {
            guard let section = try view(path, at: version, main: main, dueReference: reference) else { continue }
            let rec = manifest.recommendation(section.recommendation)
            for action in section.actions {
                let end = action.due?.end
                actions.append(
                    ActionView(
                        action: action, partner: id, recommendation: rec,
                        timescale: rec.flatMap { manifest.timescale($0.timescale) },
                        overdue: end.map { $0 < day && action.status != .done } ?? false,
                        toBeConfirmed: action.due?.isToBeConfirmed ?? false))
            }
        }
        actions.sort { $0.action.ref < $1.action.ref }
        let deadline = manifest.inspection.published.map {
            StatutoryDeadline.compute(from: $0, rule: manifest.deadline).deadline
        }
        var elsewhere: String?
        if !partner.publication.isOnHub {
            elsewhere =
                "\(partner.name) keeps its part of the plan in its own system "
                + "(\(RemoteURL.scrubbed(partner.remote ?? ""))); its officers make changes there, "
                + "and the coordinator collects them"
        }
        return PartnerView(
            partner: partner, version: version, actions: actions,
            contributes: manifest.recommendations.filter { $0.lead == id || $0.partners.contains(id) },
            manifest: manifest, deadline: deadline, today: day, editedElsewhere: elsewhere)
    }

    /// One action as it stands, with the version it was read from.
    public func action(_ ref: ActionRef, of id: String) throws -> (action: Action, version: ObjectID) {
        let manifest = try manifest()
        guard let partner = manifest.partner(id) else { throw ServeError.notFound("no partner '\(id)' in the plan") }
        let main = try mainTip()
        let version = try repository.reference(named: partner.publication.hubRef) ?? main
        let path = SectionFile.path(partner: id, recommendation: ref.recommendation)
        guard let section = try view(path, at: version, main: main, dueReference: manifest.inspection.published),
            let action = section.actions.first(where: { $0.ref == ref })
        else { throw ServeError.notFound("\(partner.name) has no action \(ref)") }
        return (action, version)
    }

    // MARK: saving

    /// Saves `edits` to action `ref` of partner `id` for `officer`, read at `base` (nil: now).
    /// `adding` creates the action (with the next free number when `ref` is nil).
    public func save(
        partner id: String, ref: ActionRef?, recommendation: Int? = nil, edits: [EditableField: String],
        base: ObjectID?,
        officer: Officer
    ) throws -> SaveOutcome {
        let manifest = try manifest()
        guard let partner = manifest.partner(id) else { return .notFound("no partner '\(id)' in the plan") }
        let role = Pusher.role(of: officer.user, in: manifest)
        switch role {
        case .coordinator: break
        case .partners(let ids) where ids.contains(id): break
        default: return .forbidden("\(officer.user) does not act for \(partner.name)")
        }
        guard partner.publication.isOnHub else {
            return .forbidden("\(partner.name) keeps its part of the plan in its own system; make the change there")
        }
        let main = try mainTip()
        let branch = partner.publication.branch
        let tip = try repository.reference(named: branch)
        let version = tip ?? main
        let dueReference = manifest.inspection.published

        let number = ref?.recommendation ?? recommendation ?? 0
        guard let rec = manifest.recommendation(number) else {
            return .notFound("the plan has no recommendation \(number)")
        }
        let path = SectionFile.path(partner: id, recommendation: rec.number)
        let current =
            try view(path, at: version, main: main, dueReference: dueReference)
            ?? SectionFile(path: path, partner: id, recommendation: rec.number)

        var old: Action?
        let target: ActionRef
        if let ref {
            guard let found = current.actions.first(where: { $0.ref == ref }) else {
                return .notFound("\(partner.name) has no action \(ref)")
            }
            old = found
            target = ref
        } else {
            if role != .coordinator, rec.lead != id, !rec.partners.contains(id) {
                return .forbidden(
                    "\(partner.name) is not named on recommendation \(rec.number), so it cannot add an action to it")
            }
            target = ActionRef(
                recommendation: rec.number, item: try nextItem(rec.number, main: main, manifest: manifest))
        }
        let edited = ActionEditor.apply(
            edits, to: old ?? Action(ref: target, text: ""), recommendation: rec.number, partner: id,
            dueReference: dueReference)
        guard let action = edited.action else { return .invalid(edited.problems) }
        let changed = ActionEditor.changedFields(from: old, to: action)

        var section = current
        if let base, base != version {
            // Read at an older version: merge three ways on it, field by field.
            guard try repository.contains(base), try base == main || repository.isDescendant(version, of: base)
            else {
                return .conflict(
                    [
                        FieldConflict(
                            ref: target.description, field: "version", yours: [base.hex], theirs: [version.hex])
                    ],
                    version: version)
            }
            let baseSection = try view(path, at: base, main: main, dueReference: dueReference)
            var mine = baseSection ?? SectionFile(path: path, partner: id, recommendation: rec.number)
            if let ref, let before = mine.actions.first(where: { $0.ref == ref }) {
                let reapplied = ActionEditor.apply(
                    edits, to: before, recommendation: rec.number, partner: id, dueReference: dueReference)
                guard let action = reapplied.action else { return .invalid(reapplied.problems) }
                mine.actions = mine.actions.map { $0.ref == ref ? action : $0 }
            } else {
                mine.actions.append(action)
            }
            let merged = SectionMerge(dueReference: dueReference).merge(
                base: baseSection, ours: mine, theirs: current, path: path)
            if !merged.conflicts.isEmpty {
                let by = tip.flatMap { Authorship.lastChange(of: path, in: repository, from: $0, stop: base) }
                return .conflict(
                    merged.conflicts.map { conflict in
                        var field = "action"
                        if case .field(_, let label) = conflict.subject {
                            field = EditableField(formatLabel: label)?.name ?? label
                        }
                        return FieldConflict(
                            ref: conflict.actionRef?.description ?? target.description, field: field,
                            yours: conflict.ours,
                            theirs: conflict.theirs, theirsBy: by?.author, theirsDate: by?.date)
                    }, version: version)
            }
            section = merged.merged ?? current
        } else if old != nil {
            section.actions = section.actions.map { $0.ref == target ? action : $0 }
        } else {
            section.actions.append(action)
        }

        let text = SectionFormatter.format(section)
        if let existing = try file(path, at: version), existing == Array(text.utf8), tip != nil {
            return .saved(version: version, commit: nil, fields: [], ref: target)
        }
        let parent = version
        let tree = try repository.updateTree(
            repository.tree(of: parent), changes: [path: .upsert(try repository.writeBlob(text), .blob)])
        let signature = Signature(name: officer.displayName, email: officer.email)
        let what =
            old == nil
            ? "Add action \(target)" : "Action \(target): \(changed.map(\.label).joined(separator: ", ").lowercased())"
        let message = "\(what)\n\nSaved in the browser by \(officer.displayName) (\(officer.user)).\n"
        let commit = try repository.createCommit(
            tree: tree, parents: [parent], author: signature, committer: signature, message: message)

        // The same check as the hub's pre-receive hook, on the commit as it would be pushed.
        let zero = ObjectID(bytes: [UInt8](repeating: 0, count: ObjectID.byteCount))
        let verdicts = try PushCheck(repository: repository).check(
            [RefUpdate(name: branch, old: tip ?? zero, new: commit)], pusher: officer.user)
        var problems: [FieldProblem] = []
        for verdict in verdicts {
            if !verdict.report.refusals.isEmpty { return .forbidden(verdict.report.refusals.joined(separator: "; ")) }
            problems += verdict.report.errors.map {
                problem($0, action: action, path: path, text: text, manifest: manifest)
            }
            // A form insists on a due date it can read: the unread-date warning blocks here.
            problems += verdict.report.warnings.filter {
                $0.rule == "due-unread" && mentions($0, action: action, path: path, text: text)
            }
            .map { problem($0, action: action, path: path, text: text, manifest: manifest) }
        }
        if !problems.isEmpty { return .invalid(problems) }
        try repository.updateReference(branch, to: commit, expected: tip, message: "planmerge-serve: \(what)")
        return .saved(version: commit, commit: commit, fields: changed, ref: target)
    }

    // MARK: helpers

    private func mainTip() throws -> ObjectID {
        guard let main = try repository.reference(named: HubLayout.mainRef) else { throw ServeError.noManifest }
        return main
    }

    private func file(_ path: String, at commit: ObjectID) throws -> [UInt8]? {
        guard let entry = try repository.entry(at: path, in: repository.tree(of: commit)), entry.mode.isFile else {
            return nil
        }
        return try repository.blob(entry.id, maxSize: PathOwnership.maxFileBytes)
    }

    private func section(_ path: String, at commit: ObjectID?, dueReference: Day?) throws -> SectionFile? {
        guard let commit, let bytes = try file(path, at: commit) else { return nil }
        return SectionParser(dueReference: dueReference).parse(bytes, path: path).section
    }

    /// The partner's file at `version` merged with main's version of it (a coordinator's
    /// correction on main is never reverted by a save), as consolidate merges them.
    private func view(_ path: String, at version: ObjectID, main: ObjectID, dueReference: Day?) throws -> SectionFile? {
        let ours = try section(path, at: version, dueReference: dueReference)
        if version == main { return ours }
        let base = try repository.mergeBase(version, main)
        let result = SectionMerge(dueReference: dueReference).merge(
            base: try section(path, at: base, dueReference: dueReference), ours: ours,
            theirs: try section(path, at: main, dueReference: dueReference), path: path)
        return result.merged
    }

    private func sectionPaths(of id: String, in commits: [ObjectID]) throws -> [String] {
        var paths: Set<String> = []
        for commit in Set(commits) {
            for entry in try repository.treeEntries(repository.tree(of: commit), recursive: true)
            where entry.path.hasPrefix("sections/\(id)/") && PlanLoader.isSectionFile(entry.path) {
                paths.insert(entry.path)
            }
        }
        return paths.sorted()
    }

    /// The next action number free on recommendation `number` across main and every
    /// partner's published work.
    private func nextItem(_ number: Int, main: ObjectID, manifest: Manifest) throws -> Int {
        var heads = [main]
        for partner in manifest.partners {
            if let head = try repository.reference(named: partner.publication.hubRef) { heads.append(head) }
        }
        var highest = 0
        for head in Set(heads) {
            for partner in manifest.partners {
                let path = SectionFile.path(partner: partner.id, recommendation: number)
                if let section = try section(path, at: head, dueReference: nil) {
                    highest = max(
                        highest, section.actions.filter { $0.ref.recommendation == number }.map(\.ref.item).max() ?? 0)
                }
            }
        }
        return highest + 1
    }

    private func mentions(_ diagnostic: Diagnostic, action: Action, path: String, text: String) -> Bool {
        diagnostic.location.file == path && lineRange(of: action.ref, in: text).contains(diagnostic.location.line)
    }

    /// Lines of `text` that belong to action `ref`.
    private func lineRange(of ref: ActionRef, in text: String) -> ClosedRange<Int> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == "## \(ref)" || $0.hasPrefix("## \(ref) ") }) else {
            return 0...0
        }
        let end = lines[(start + 1)...].firstIndex(where: { $0.hasPrefix("## ") }) ?? lines.count
        return (start + 1)...end
    }

    /// A diagnostic of the checks, attached to the field of the action it concerns.
    private func problem(_ diagnostic: Diagnostic, action: Action, path: String, text: String, manifest: Manifest)
        -> FieldProblem
    {
        var field: EditableField?
        if diagnostic.location.file == path, lineRange(of: action.ref, in: text).contains(diagnostic.location.line) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let index = diagnostic.location.line - 1
            if index >= 0, index < lines.count, let colon = lines[index].firstIndex(of: ":") {
                field = EditableField(formatLabel: String(lines[index][..<colon]))
            }
        }
        if field == nil, diagnostic.rule == "action-missing-field" {
            field =
                manifest.policy.required.compactMap { f in
                    action.has(f) ? nil : EditableField.allCases.first { $0.formatField == f }
                }.first
        }
        return FieldProblem(field: field, rule: diagnostic.rule, message: diagnostic.message, hint: diagnostic.hint)
    }
}

/// Errors the web app reports as pages or JSON.
public enum ServeError: Error, CustomStringConvertible, Sendable {
    case noManifest
    case notFound(String)

    public var description: String {
        switch self {
        case .noManifest: "the hub's main has no readable plan.yaml"
        case .notFound(let what): what
        }
    }
}
