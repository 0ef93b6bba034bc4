/// Reads a whole plan from a source: the manifest, then every section file.
///
/// It never throws on content. A source that cannot be read at all (a missing folder, an
/// unreadable git tree) throws; everything else becomes diagnostics.
public struct PlanLoader {
    public struct Result: Sendable {
        /// Nil when the manifest is missing or unusable; the diagnostics say why.
        public var plan: Plan?
        public var diagnostics: [Diagnostic]
    }

    public var cache: ParseCache?

    public init(cache: ParseCache? = nil) {
        self.cache = cache
    }

    public func load(from source: some PlanSource) throws -> Result {
        let files = try source.listFiles()
        guard files.contains(Manifest.fileName) else {
            return Result(
                plan: nil,
                diagnostics: [
                    Diagnostic(
                        .error, "manifest-missing", at: SourceLocation(file: Manifest.fileName),
                        "\(source.label) has no \(Manifest.fileName) at its root",
                        hint: "run planmerge in the plan's folder, or create the manifest with 'planmerge init'")
                ])
        }
        let manifestResult = ManifestReader().read(try source.read(Manifest.fileName))
        var diagnostics = manifestResult.diagnostics
        guard let manifest = manifestResult.manifest else {
            return Result(plan: nil, diagnostics: diagnostics)
        }
        let parser = SectionParser(dueReference: manifest.inspection.published)
        var sections: [SectionFile] = []
        for path in files where PlanLoader.isSectionFile(path) {
            do {
                let result = try parseSection(path, source: source, parser: parser)
                sections.append(result.section)
                diagnostics += result.diagnostics
            } catch let error as PlanSourceError {
                diagnostics.append(
                    Diagnostic(
                        .error, "file-unreadable", at: SourceLocation(file: path), "\(error)",
                        hint: "plan files must be plain text files; replace it with a regular file"))
            }
        }
        var plan = Plan(manifest: manifest, sections: sections, files: files)
        plan.manifestLocations = manifestResult.locations
        return Result(plan: plan, diagnostics: diagnostics)
    }

    /// Parses one section file's bytes as they would be read in a plan with this manifest.
    public func parseSection(_ path: String, bytes: [UInt8], manifest: Manifest?) -> SectionParser.Result {
        SectionParser(dueReference: manifest?.inspection.published).parse(bytes, path: path)
    }

    private func parseSection(_ path: String, source: some PlanSource, parser: SectionParser) throws
        -> SectionParser.Result
    {
        guard let cache, let id = source.contentID(path) else {
            return parser.parse(try source.read(path), path: path)
        }
        let key = ParseCache.Key(path: path, contentID: id, reference: parser.dueReference)
        if let hit = cache.lookup(key) { return hit }
        let fresh = parser.parse(try source.read(path), path: path)
        cache.store(fresh, for: key)
        return fresh
    }

    /// `sections/<partner>/<anything>.md`: the files the loader parses as section files.
    public static func isSectionFile(_ path: String) -> Bool {
        guard let split = SectionFile.splitPath(path) else { return false }
        return split.name.hasSuffix(".md")
    }
}
