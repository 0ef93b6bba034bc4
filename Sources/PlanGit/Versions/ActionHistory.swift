import GitKit
import PlanModel

/// One action through time (`planmerge history REF`): its status, due and lead at every
/// Cabinet version and at the head, and each change on main's first-parent history with who
/// made it. A change arriving in a consolidation merge is attributed to the partner the
/// merge accepted (its `Planmerge-Accepted` trailer, believed only when the commit it names
/// is a merged parent, as `ConsolidationRecord` does) and to the partner's own commit that
/// made it; any other change to the commit on main that made it.
public struct ActionHistory {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// What the history shows of the action at one commit.
    public struct State: Hashable, Sendable, Codable {
        public var status: ActionStatus?
        /// The due text as written, nil when the action has none.
        public var due: String?
        public var lead: [String]
        /// The partner whose section file holds the action.
        public var partner: String
    }

    /// The action at a Cabinet version or the head; `state` nil when it did not exist there.
    public struct AtVersion: Hashable, Sendable {
        public var name: String
        public var commit: ObjectID
        /// The version's day (a Cabinet tag's own day), nil for the head.
        public var day: Day?
        public var state: State?
    }

    /// One change of the action on main.
    public struct Change: Hashable, Sendable {
        /// The commit on main where the change arrived.
        public var main: ObjectID
        /// When it arrived on main (the committer's time).
        public var arrived: Signature
        /// The partner whose accepted work made it, nil for a change made on the hub itself.
        public var partner: String?
        /// The commit that made it (the partner's own commit when known, else `main`), and its
        /// author (name and date).
        public var commit: ObjectID
        public var author: Signature
        public var old: State?
        public var new: State?

        /// "status", "due", "lead", "partner", "added", "withdrawn".
        public var fields: [String] {
            guard let old, let new else { return [old == nil ? "added" : "withdrawn"] }
            var out: [String] = []
            if old.status != new.status { out.append("status") }
            if old.due != new.due { out.append("due") }
            if old.lead != new.lead { out.append("lead") }
            if old.partner != new.partner { out.append("partner") }
            return out
        }
    }

    public struct Result: Sendable {
        public var ref: ActionRef
        /// The action's text at the head (or where last seen).
        public var text: String?
        public var versions: [AtVersion]
        /// Oldest first.
        public var changes: [Change]
    }

    /// How many commits of main's history are read.
    public static let walkLimit = 100_000

    /// The history of action `ref` up to `head` (a revision, e.g. `main`).
    public func read(_ ref: ActionRef, head: String) throws -> Result {
        let tip = try repository.resolveCommit(head)
        let cache = ParseCache()
        var statesByTree: [ObjectID: (State?, String?)] = [:]
        func state(at commit: ObjectID) throws -> (State?, String?) {
            let tree = try repository.tree(of: commit)
            if let known = statesByTree[tree] { return known }
            let source = try GitTreeSource(repository: repository, treeID: tree, commitID: commit)
            let plan = try PlanLoader(cache: cache).load(from: source).plan
            let placed = plan?.actions.first { $0.action.ref == ref }
            let found = (
                placed.map {
                    State(
                        status: $0.action.status, due: $0.action.due?.text, lead: $0.action.leads, partner: $0.partner)
                }, placed?.action.text
            )
            statesByTree[tree] = found
            return found
        }

        var changes: [Change] = []
        var previous: State?
        var text: String?
        for id in try repository.firstParentCommits(from: tip, limit: Self.walkLimit) {
            let (now, nowText) = try state(at: id)
            if let nowText { text = nowText }
            guard now != previous else { continue }
            changes.append(try change(at: id, old: previous, new: now, state: state))
            previous = now
        }

        var versions: [AtVersion] = []
        for tag in try CabinetTag(repository: repository).versions() {
            let contained = try tag.target == tip || repository.isDescendant(tip, of: tag.target)
            guard contained else { continue }
            versions.append(
                AtVersion(
                    name: tag.name, commit: tag.target, day: TagMetadata.read(tag)?.day,
                    state: try state(at: tag.target).0))
        }
        versions.append(AtVersion(name: head, commit: tip, day: nil, state: previous))
        return Result(ref: ref, text: text, versions: versions, changes: changes)
    }

    /// Who made the change that arrived at main commit `id`.
    private func change(
        at id: ObjectID, old: State?, new: State?, state: (ObjectID) throws -> (State?, String?)
    ) throws -> Change {
        let info = try repository.commit(id)
        let merged = Set(info.parents.dropFirst())
        let partnerID = new?.partner ?? old?.partner
        let accepted = AcceptedHistory.parse(info.message).first {
            $0.partner == partnerID && merged.contains($0.commit)
        }
        guard let accepted, let base = info.parents.first else {
            return Change(
                main: id, arrived: info.committer, partner: nil, commit: id, author: info.author, old: old, new: new)
        }
        // The partner's commit that last changed the action, oldest first through its work.
        var maker = accepted.commit
        var last = try state(base).0
        for commit in try repository.commits(from: [accepted.commit], hiding: [base]) {
            let now = try state(commit).0
            if now != last { maker = commit }
            last = now
        }
        return Change(
            main: id, arrived: info.committer, partner: accepted.partner, commit: maker,
            author: try repository.commit(maker).author, old: old, new: new)
    }
}
