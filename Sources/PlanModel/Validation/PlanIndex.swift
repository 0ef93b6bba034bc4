/// What the whole-plan checks look at: the manifest, every file path, and for each section
/// file a summary of its actions (reference, place, cross-references, open due date).
///
/// It is small next to the plan itself (no texts, no field values), so a run that kept each
/// file's summary from an earlier run builds it without reading the plan again
/// (`PlanLoader.check`); `PlanIndex(plan)` builds the same from a whole plan.
public struct PlanIndex: Sendable {
    public var manifest: Manifest
    public var manifestLocations: ManifestLocations
    /// Every file path of the plan tree (also files that are not section files).
    public var files: [String]
    /// One summary per section file, sorted by path.
    public private(set) var sections: [SectionSummary]
    /// How many actions the plan has.
    public private(set) var actionCount: Int
    /// How many actions use each reference (duplicates and cross-references read it).
    public private(set) var referenceCounts: [ActionRef: Int]

    public init(
        manifest: Manifest, manifestLocations: ManifestLocations = ManifestLocations(), files: [String],
        sections: [SectionSummary]
    ) {
        self.manifest = manifest
        self.manifestLocations = manifestLocations
        self.files = files
        self.sections = sections.sorted { $0.path < $1.path }
        let total = self.sections.reduce(0) { $0 + $1.actions.count }
        var counts = [ActionRef: Int](minimumCapacity: total)
        for section in self.sections {
            for action in section.actions { counts[action.ref, default: 0] += 1 }
        }
        self.actionCount = total
        self.referenceCounts = counts
    }

    /// The actions that `include` selects, with their partner and file, file by file in path
    /// order (a check walks `sections` itself; this is for the few it reports on).
    public func placedActions(where include: (ActionSummary) -> Bool) -> [PlacedSummary] {
        var out: [PlacedSummary] = []
        for section in sections {
            for action in section.actions where include(action) {
                out.append(PlacedSummary(action: action, partner: section.partner, file: section.path))
            }
        }
        return out
    }

    /// The index of a whole plan.
    public init(_ plan: Plan) {
        self.init(
            manifest: plan.manifest, manifestLocations: plan.manifestLocations, files: plan.files,
            sections: plan.sections.map(SectionSummary.init))
    }
}

/// One section file as the whole-plan checks see it.
public struct SectionSummary: Hashable, Sendable {
    public var path: String
    public var partner: String
    public var recommendation: Int
    public var actions: [ActionSummary]

    public init(path: String, partner: String, recommendation: Int, actions: [ActionSummary]) {
        self.path = path
        self.partner = partner
        self.recommendation = recommendation
        self.actions = actions
    }

    public init(_ section: SectionFile) {
        self.init(
            path: section.path, partner: section.partner, recommendation: section.recommendation,
            actions: section.actions.map(ActionSummary.init))
    }
}

/// One action as the whole-plan checks see it.
public struct ActionSummary: Hashable, Sendable {
    public var ref: ActionRef
    public var position: Position
    public var crossReferences: [CrossReference]
    /// Where its `See also:` line stands, if it has one.
    public var seeAlsoPosition: Position?
    /// The end of its due date while it is not done (`Action.openDueEnd`): what overdue reads.
    public var openDueEnd: Day?
    /// Where its `Due:` line stands, if it has one.
    public var duePosition: Position?

    public init(
        ref: ActionRef, position: Position, crossReferences: [CrossReference] = [], seeAlsoPosition: Position? = nil,
        openDueEnd: Day? = nil, duePosition: Position? = nil
    ) {
        self.ref = ref
        self.position = position
        self.crossReferences = crossReferences
        self.seeAlsoPosition = seeAlsoPosition
        self.openDueEnd = openDueEnd
        self.duePosition = duePosition
    }

    public init(_ action: Action) {
        self.init(
            ref: action.ref, position: action.position, crossReferences: action.crossReferences,
            seeAlsoPosition: action.fieldPositions[.seeAlso], openDueEnd: action.openDueEnd,
            duePosition: action.fieldPositions[.due])
    }

    /// Due before `today` and not done: the one rule, `Action.isOverdue(openDueEnd:on:)`.
    public func isOverdue(on today: Day) -> Bool { Action.isOverdue(openDueEnd: openDueEnd, on: today) }
}

/// An action summary with the partner and file it stands in.
public struct PlacedSummary: Hashable, Sendable {
    public var action: ActionSummary
    public var partner: String
    public var file: String

    public var location: SourceLocation { action.position.in(file) }
}
