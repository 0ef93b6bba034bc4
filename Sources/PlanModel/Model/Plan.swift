/// A whole plan: the manifest and every section file, as read from a folder or a git tree.
public struct Plan: Hashable, Sendable {
    public var manifest: Manifest
    /// Section files sorted by path.
    public var sections: [SectionFile] {
        didSet { actions = Plan.placedActions(sections) }
    }
    /// Every file path of the plan tree (also files that are not section files), for checks
    /// such as "a file outside sections/<partner>/".
    public var files: [String]
    /// Where manifest entries stand (for diagnostics); empty for a plan built in code.
    public var manifestLocations = ManifestLocations()
    /// The coordinator's own pages (`front/*.md`), in file-name order: see `FrontPages`.
    public var frontPages: [FrontPage] = []

    public init(manifest: Manifest, sections: [SectionFile], files: [String] = []) {
        self.manifest = manifest
        self.sections = sections.sorted { $0.path < $1.path }
        self.files = files
        self.actions = Plan.placedActions(self.sections)
    }

    /// Every action with its partner and file, ordered by reference. Kept up to date with
    /// `sections` rather than computed on each use: most checks read it, and at national
    /// scale (100,000 actions) each flatten-and-sort cost about 0.15 s.
    public private(set) var actions: [PlacedAction]

    private static func placedActions(_ sections: [SectionFile]) -> [PlacedAction] {
        sections.flatMap { section in
            section.actions.map { PlacedAction(action: $0, partner: section.partner, file: section.path) }
        }.sorted { ($0.action.ref, $0.partner) < ($1.action.ref, $1.partner) }
    }

    public func sections(for recommendation: Int) -> [SectionFile] {
        sections.filter { $0.recommendation == recommendation }
    }

    public func sections(of partner: String) -> [SectionFile] {
        sections.filter { $0.partner == partner }
    }

    /// The lead partner's text for a recommendation (falls back to any partner's block).
    public func block(_ kind: BlockKind, recommendation: Int) -> TextBlock? {
        let lead = manifest.recommendation(recommendation)?.lead
        let candidates = sections(for: recommendation)
        return candidates.first { $0.partner == lead }?.block(kind)
            ?? candidates.lazy.compactMap { $0.block(kind) }.first
    }
}
