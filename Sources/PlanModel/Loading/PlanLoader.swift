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
        let manifestRead = try readManifest(files: files, source: source)
        var diagnostics = manifestRead.diagnostics
        guard let manifestResult = manifestRead.result, let manifest = manifestResult.manifest else {
            return Result(plan: nil, diagnostics: diagnostics)
        }
        let parser = SectionParser(dueReference: manifest.inspection.published)
        var sections: [SectionFile] = []
        for outcome in try parseSections(files.filter(PlanLoader.isSectionFile), source: source, parser: parser) {
            switch outcome {
            case .parsed(let result):
                sections.append(result.section)
                diagnostics += result.diagnostics
            case .unreadable(let path, let error):
                diagnostics.append(PlanLoader.unreadable(path, error))
            }
        }
        var plan = Plan(manifest: manifest, sections: sections, files: files)
        plan.manifestLocations = manifestResult.locations
        let front = FrontPages.read(from: source, files: files)
        plan.frontPages = front.pages
        diagnostics += front.diagnostics
        return Result(plan: plan, diagnostics: diagnostics)
    }

    /// The manifest of a source whose files are `files` (read once per content id through the
    /// cache), or the diagnostics that say why there is none. Every loader path starts here.
    func readManifest(files: [String], source: some PlanSource) throws -> (
        result: ManifestReader.Result?, diagnostics: [Diagnostic]
    ) {
        guard files.contains(Manifest.fileName) else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "manifest-missing", at: SourceLocation(file: Manifest.fileName),
                        "\(source.label) has no \(Manifest.fileName) at its root",
                        hint: "run planmerge in the plan's folder, or create the manifest with 'planmerge init'")
                ]
            )
        }
        let result =
            try cache?.manifest(contentID: source.contentID(Manifest.fileName)) { try source.read(Manifest.fileName) }
            ?? ManifestReader().read(try source.read(Manifest.fileName))
        return (result, result.diagnostics)
    }

    /// The diagnostic for a section file that could not be read.
    static func unreadable(_ path: String, _ error: PlanSourceError) -> Diagnostic {
        Diagnostic(
            .error, "file-unreadable", at: SourceLocation(file: path), "\(error)",
            hint: "plan files must be plain text files; replace it with a regular file")
    }

    private enum Outcome {
        case parsed(SectionParser.Result)
        case unreadable(String, PlanSourceError)
    }

    /// Takes what the cache has (in memory, then on disk, on all cores), reads the other
    /// section files (on this thread: a source such as a git repository is not to be shared
    /// between threads), and parses them on all cores (parsing is pure), storing each result.
    /// Results come back in the order of `paths`.
    private func parseSections(_ paths: [String], source: some PlanSource, parser: SectionParser) throws -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: paths.count)
        var keys = [ParseCache.Key?](repeating: nil, count: paths.count)
        var unknown: [Int] = []
        for (index, path) in paths.enumerated() {
            let key = source.contentID(path).map {
                ParseCache.Key(path: path, contentID: $0, reference: parser.dueReference)
            }
            keys[index] = key
            if let key, let hit = cache?.lookup(key) {
                outcomes[index] = .parsed(hit)
            } else {
                unknown.append(index)
            }
        }
        if let cache, cache.persistent != nil {
            let stored = ParallelMap.map(unknown) { index in keys[index].flatMap { cache.lookupStored($0) } }
            var still: [Int] = []
            for (index, result) in zip(unknown, stored) {
                if let result { outcomes[index] = .parsed(result) } else { still.append(index) }
            }
            unknown = still
        }
        var pending: [(index: Int, bytes: [UInt8])] = []
        for index in unknown {
            do {
                pending.append((index, try source.read(paths[index])))
            } catch let error as PlanSourceError {
                outcomes[index] = .unreadable(paths[index], error)
            }
        }
        let cache = self.cache
        let parsed = ParallelMap.map(pending) { item in
            let result = parser.parse(item.bytes, path: paths[item.index])
            if let key = keys[item.index] { cache?.store(result, for: key) }
            return result
        }
        for (item, result) in zip(pending, parsed) {
            outcomes[item.index] = .parsed(result)
        }
        cache?.persistent?.flush()
        return outcomes.compactMap { $0 }
    }

    /// `sections/<partner>/<N>.md` (N digits, `SectionFile.recommendationNumber`): the files
    /// the loader parses as section files. Any other file there (`15 - Copy.md`) is not
    /// parsed; `FileLayoutCheck` reports it once.
    public static func isSectionFile(_ path: String) -> Bool {
        guard let split = SectionFile.splitPath(path) else { return false }
        return SectionFile.recommendationNumber(fileName: split.name) != nil
    }
}
