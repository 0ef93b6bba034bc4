import GitKit
import PlanModel

/// The Cabinet versions behind a rendered version of the plan: each tag's day, meeting and
/// figures (the figures the tag stored, computed as of its day for an older tag), and what
/// moved between the previous Cabinet version and the rendered one. The data of the paper's
/// version history, trend and "moved since the last Cabinet" section.
public struct VersionHistory {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// One point of the history: a Cabinet tag, or the rendered revision when it is not one.
    public struct Point: Sendable, Hashable {
        /// The tag name (`cabinet/2008-09-01`), or the revision rendered (`main`).
        public var name: String
        public var commit: ObjectID
        public var metadata: TagMetadata
        public var figures: PlanFigures
        /// True for a Cabinet tag.
        public var isCabinet: Bool
    }

    /// The history up to a rendered version.
    public struct Result: Sendable {
        /// Cabinet versions up to and including the rendered one, oldest first, then the
        /// rendered revision itself when it is not a Cabinet tag.
        public var points: [Point]
        /// The Cabinet version before the rendered one, and what moved since it.
        public var previous: Point?
        public var moved: PlanDiff?
        /// The rendered version's own metadata, when it is a Cabinet tag.
        public var rendered: TagMetadata?
    }

    /// The metadata of a Cabinet tag, or nil when `name` is not a tag under `cabinet/`.
    public func metadata(ofTag name: String) throws -> TagMetadata? {
        guard name.hasPrefix("cabinet/"), let tag = try repository.tag(named: name) else { return nil }
        return TagMetadata.read(tag)
    }

    /// The history up to `revision` (resolved to `commit`), whose plan is `plan` read on
    /// `today`. A Cabinet tag stops the history at itself (tags made later are left out);
    /// another revision takes every Cabinet version its commit contains, and itself last.
    public func upTo(revision: String, commit: ObjectID, plan: Plan, today: Day?) throws -> Result {
        let tags = try CabinetTag(repository: repository).versions()
        var points: [Point] = []
        var rendered: TagMetadata?
        let renderedIndex = tags.firstIndex { $0.name == revision && revision.hasPrefix("cabinet/") }
        for (index, tag) in tags.enumerated() {
            if let renderedIndex {
                guard index <= renderedIndex else { break }
            } else {
                let contained = try tag.target == commit || repository.isDescendant(commit, of: tag.target)
                guard contained else { continue }
            }
            guard let point = try point(tag) else { continue }
            points.append(point)
            if index == renderedIndex { rendered = point.metadata }
        }
        if renderedIndex == nil {
            let day = today ?? points.last?.metadata.day ?? Day(ordinal: 0)
            points.append(
                Point(
                    name: revision, commit: commit, metadata: TagMetadata(day: day, structured: false),
                    figures: PlanFigures(plan: plan, today: today), isCabinet: false))
        }
        let cabinets = points.filter(\.isCabinet)
        let previous = renderedIndex == nil ? cabinets.last : cabinets.dropLast().last
        var moved: PlanDiff?
        if let previous, let old = try self.plan(at: previous.commit) {
            moved = PlanDiff(from: old, to: plan)
        }
        return Result(points: points, previous: previous, moved: moved, rendered: rendered)
    }

    /// A Cabinet tag as a point: its stored figures, or the plan at the tag counted as of
    /// the tag's day. Nil for a tag whose plan cannot be read at all.
    public func point(_ tag: TagInfo) throws -> Point? {
        guard let metadata = TagMetadata.read(tag) else { return nil }
        var figures = metadata.figures
        if figures == nil, let plan = try plan(at: tag.target) {
            figures = PlanFigures(plan: plan, today: metadata.day)
        }
        guard let figures else { return nil }
        return Point(name: tag.name, commit: tag.target, metadata: metadata, figures: figures, isCabinet: true)
    }

    /// The plan at `commit`, nil when it has no readable manifest.
    public func plan(at commit: ObjectID) throws -> Plan? {
        let source = try GitTreeSource(
            repository: repository, treeID: repository.tree(of: commit), commitID: commit,
            label: "commit \(commit.short)")
        return try PlanLoader().load(from: source).plan
    }
}
