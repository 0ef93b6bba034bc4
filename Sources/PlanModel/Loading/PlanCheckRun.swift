/// The one way every tool reads and checks a plan (as beancount's `loader.load_file` is):
/// load the manifest and every section file from a source, then run every check, and return
/// all diagnostics at once. Callers differ only in their `CheckContext` (today, for overdue),
/// in which diagnostics they report, and in whether they need the plan itself
/// (`loadAndCheck`) or only its diagnostics and figures (`check`, which keeps each file's
/// result between runs).
extension PlanLoader {
    /// What loading and checking found.
    public struct Checked: Sendable {
        /// Nil when the manifest is missing or unusable; the diagnostics say why.
        public var plan: Plan?
        /// Load diagnostics followed by every check's (callers sort for reading when they report).
        public var diagnostics: [Diagnostic]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// What checking found, without the plan: its index (manifest, files, action summaries).
    public struct IndexChecked: Sendable {
        /// Nil when the manifest is missing or unusable; the diagnostics say why.
        public var index: PlanIndex?
        /// The same diagnostics, in the same order, as `loadAndCheck` gives for the source.
        public var diagnostics: [Diagnostic]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Loads the plan from `source` and runs `validator` over it with `context`.
    public func loadAndCheck(
        from source: some PlanSource, context: CheckContext = CheckContext(), validator: Validator = Validator()
    ) throws -> Checked {
        let loaded = try load(from: source)
        let checks = loaded.plan.map { validator.validate($0, context: context) } ?? []
        return Checked(plan: loaded.plan, diagnostics: loaded.diagnostics + checks)
    }

    /// Checks the plan in `source` as `loadAndCheck` does, with the same diagnostics in the
    /// same order, but without building the plan: each section file is read, parsed and checked
    /// on its own (on every core) into a `FileCheckResult`, and the whole-plan checks run over
    /// the files' summaries. A file whose content id, path, manifest and checks were seen
    /// before is not read at all: its result comes from the cache (in memory, then
    /// `<git dir>/planmerge/checks`), so a plan where one file changed costs one file's parse
    /// and check plus the whole-plan checks over the index.
    public func check(
        from source: some PlanSource, context: CheckContext = CheckContext(), validator: Validator = Validator()
    ) throws -> IndexChecked {
        let files = try source.listFiles()
        let manifestRead = try readManifest(files: files, source: source)
        var diagnostics = manifestRead.diagnostics
        guard let manifestResult = manifestRead.result, let manifest = manifestResult.manifest else {
            return IndexChecked(index: nil, diagnostics: diagnostics)
        }
        let paths = files.filter(PlanLoader.isSectionFile)
        let outcomes = try checkFiles(
            paths, source: source, manifest: manifest, manifestID: source.contentID(Manifest.fileName),
            validator: validator)
        var checked: [(path: String, result: FileCheckResult)] = []
        checked.reserveCapacity(outcomes.count)
        for (path, outcome) in zip(paths, outcomes) {
            switch outcome {
            case .success(let result):
                diagnostics += result.parseDiagnostics
                checked.append((path, result))
            case .failure(let error):
                diagnostics.append(PlanLoader.unreadable(path, error))
            }
        }
        diagnostics += FrontPages.read(from: source, files: files).diagnostics
        checked.sort { $0.path < $1.path }
        let index = PlanIndex(
            manifest: manifest, manifestLocations: manifestResult.locations, files: files,
            sections: checked.map(\.result.summary))
        diagnostics += validator.combine(index, perFile: checked.map(\.result.checks), context: context)
        return IndexChecked(index: index, diagnostics: diagnostics)
    }

    /// Each path's file check result, in the order of `paths`: from the cache when it has one
    /// (looked up on all cores), else read on this thread (a source such as a git repository
    /// is not to be shared between threads), then parsed and checked on all cores and kept.
    private func checkFiles(
        _ paths: [String], source: some PlanSource, manifest: Manifest, manifestID: String?, validator: Validator
    ) throws -> [Swift.Result<FileCheckResult, PlanSourceError>] {
        let cache = self.cache
        let reference = manifest.inspection.published
        let checksID = validator.identity
        let keys: [ParseCache.CheckKey?] = paths.map { path in
            guard cache != nil, let manifestID, let contentID = source.contentID(path) else { return nil }
            return ParseCache.CheckKey(
                path: path, contentID: contentID, reference: reference, manifestID: manifestID, checks: checksID)
        }
        var outcomes = [Swift.Result<FileCheckResult, PlanSourceError>?](repeating: nil, count: paths.count)
        if let cache {
            let count = validator.checks.count
            let found = ParallelMap.map(Array(paths.indices)) { index in
                keys[index].flatMap { cache.lookupCheck($0, checkCount: count) }
            }
            for (index, result) in found.enumerated() {
                if let result { outcomes[index] = .success(result) }
            }
        }
        var pending: [(index: Int, bytes: [UInt8])] = []
        for index in paths.indices where outcomes[index] == nil {
            do {
                pending.append((index, try source.read(paths[index])))
            } catch let error as PlanSourceError {
                outcomes[index] = .failure(error)
            }
        }
        let parser = SectionParser(dueReference: reference)
        let computed = ParallelMap.map(pending) { item -> FileCheckResult in
            let parsed = parser.parse(item.bytes, path: paths[item.index])
            let result = FileCheckResult(
                parseDiagnostics: parsed.diagnostics,
                checks: validator.checkFile(parsed.section, in: FileScope(manifest: manifest, read: true)),
                summary: SectionSummary(parsed.section))
            if let key = keys[item.index] { cache?.storeCheck(result, for: key) }
            return result
        }
        for (item, result) in zip(pending, computed) { outcomes[item.index] = .success(result) }
        cache?.persistentChecks?.flush()
        return outcomes.map { $0! }
    }
}

extension Validator {
    /// What the checks run are, for cache keys: a hash of their rule ids in order (the
    /// running binary is part of every persistent key too, so a changed check is a new key).
    var identity: String {
        String(PersistentParseStore.fnv1a(Array(checks.flatMap(\.rules).joined(separator: ",").utf8)), radix: 16)
    }
}
