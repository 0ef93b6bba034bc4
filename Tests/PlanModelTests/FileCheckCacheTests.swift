import Foundation
import XCTest

@testable import PlanModel

/// `PlanLoader.check` (each file checked on its own, its result kept between runs, the
/// whole-plan checks over the index) gives exactly what `loadAndCheck` gives, in the same
/// order, whatever state its cache is in; and a plan where one file changed reads that file
/// only.
final class FileCheckCacheTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-checks-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: manifestsFolder)
    }

    var manifestsFolder: String { folder.path + "-manifests" }

    typealias MemorySource = PersistentParseCacheTests.MemorySource

    /// Counts the section files a run reads.
    final class Reads: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func add(_ path: String) {
            lock.lock()
            paths.append(path)
            lock.unlock()
        }
        var sections: [String] {
            lock.lock()
            defer { lock.unlock() }
            return paths.filter(PlanLoader.isSectionFile).sorted()
        }
    }

    struct CountingSource: PlanSource {
        var base: MemorySource
        let reads = Reads()
        var label: String { base.label }
        func listFiles() throws -> [String] { try base.listFiles() }
        func read(_ path: String) throws -> [UInt8] {
            reads.add(path)
            return try base.read(path)
        }
        func contentID(_ path: String) -> String? { base.contentID(path) }
    }

    /// The Derby plan with parse problems (PersistentParseCacheTests.plan) and a problem for
    /// every whole-plan and per-file check: a reference used by two partners, a `See also` to
    /// an action nobody wrote, an action without its required fields, recommendation-level
    /// text from a partner that is not the lead, a folder of no partner, a stray file, and a
    /// due date after its recommendation's timescale that is also overdue.
    static func defectivePlan() throws -> MemorySource {
        var source = try PersistentParseCacheTests.plan()
        let yaml = String(decoding: try source.read(Manifest.fileName), as: UTF8.self)
        let immediate = "    name: For immediate action\n"
        XCTAssertTrue(yaml.contains(immediate))
        source.files[Manifest.fileName] = Array(
            yaml.replacingOccurrences(of: immediate, with: immediate + "    end: 2008-12-31\n").utf8)
        let manifest = try XCTUnwrap(ManifestReader().read(try source.read(Manifest.fileName)).manifest)
        let partners = manifest.partners.map(\.id).sorted()
        let recommendation = try XCTUnwrap(
            manifest.recommendations.first { $0.lead != partners[1] && $0.timescale == "immediate" })
        let n = recommendation.number
        source.files["sections/\(partners[0])/\(n).md"] = Array(
            """
            # Recommendation \(n)

            ## \(n).71 Shared number
            Due: 31.3.09
            Lead: A. Officer
            See also: \(n).99

            """.utf8)
        source.files["sections/\(partners[1])/\(n).md"] = Array(
            """
            # Recommendation \(n)

            ### Position statement
            Written by a partner that does not lead.

            ## \(n).71 Shared number again
            Due: 31.12.2030
            Status: on track

            """.utf8)
        source.files["sections/nobody/\(n).md"] = Array(
            "# Recommendation \(n)\n\n## \(n).72 Nobody's\nDue: 1.1.09\n".utf8)
        source.files["sections/\(partners[0])/\(n) - Copy.md"] = Array("# copy\n".utf8)
        return source
    }

    static let days: [Day?] = [nil, Day(year: 2009, month: 1, day: 1), Day(year: 2031, month: 6, day: 1)]

    func check(_ source: some PlanSource, cache: ParseCache? = nil, today: Day?) throws -> PlanLoader.IndexChecked {
        try PlanLoader(cache: cache).check(from: source, context: CheckContext(today: today))
    }

    func testCheckGivesTheDiagnosticsOfLoadAndCheckInTheSameOrder() throws {
        let plans: [(String, any PlanSource)] = [
            ("leicester", FolderSource(root: Fixtures.packageRoot.appendingPathComponent("Repos/leicester"))),
            ("derby", FolderSource(root: Fixtures.packageRoot.appendingPathComponent("Repos/derby"))),
            ("defective", try Self.defectivePlan()),
        ]
        for (name, source) in plans {
            for today in Self.days {
                let loaded = try PlanLoader().loadAndCheck(from: source, context: CheckContext(today: today))
                let checked = try check(source, today: today)
                XCTAssertEqual(checked.diagnostics, loaded.diagnostics, "\(name), today \(String(describing: today))")
                let plan = try XCTUnwrap(loaded.plan)
                let index = try XCTUnwrap(checked.index)
                XCTAssertEqual(index.sections, PlanIndex(plan).sections, name)
                XCTAssertEqual(index.files, plan.files, name)
                XCTAssertEqual(index.actionCount, plan.actions.count, name)
            }
        }
        let defective = try check(try Self.defectivePlan(), today: Day(year: 2009, month: 1, day: 1))
        let rules = Set(defective.diagnostics.map(\.rule))
        for rule in [
            "duplicate-reference", "cross-reference-unknown", "action-missing-field", "recommendation-text-not-lead",
            "section-unknown-partner", "section-file-name", "due-after-timescale", "action-overdue", "invalid-utf8",
            "control-character", "due-unread",
        ] {
            XCTAssertTrue(rules.contains(rule), "the defective plan exercises \(rule): \(rules.sorted())")
        }
    }

    func testColdWarmCorruptedAndKilledCheckCachesGiveIdenticalDiagnostics() throws {
        var base = try Self.defectivePlan()
        // A manifest large enough to be kept (a national plan's is 157 KB).
        base.files[Manifest.fileName]! += Array(String(repeating: "# a note from the coordinator\n", count: 1200).utf8)
        XCTAssertGreaterThanOrEqual(base.files[Manifest.fileName]!.count, StoredManifest.minimumBytes)
        let today = Day(year: 2009, month: 1, day: 1)
        let reference = try PlanLoader().loadAndCheck(from: base, context: CheckContext(today: today)).diagnostics
        let sectionCount = try base.listFiles().filter(PlanLoader.isSectionFile).count

        func run(_ expectReads: Int?, _ message: String) throws -> PersistentParseStore {
            let store = try XCTUnwrap(PersistentParseStore(directory: folder.path))
            let manifests = try XCTUnwrap(PersistentParseStore(directory: manifestsFolder))
            let source = CountingSource(base: base)
            XCTAssertEqual(
                try check(source, cache: ParseCache(checks: store, manifests: manifests), today: today).diagnostics,
                reference, message)
            if let expectReads { XCTAssertEqual(source.reads.sections.count, expectReads, message) }
            if expectReads == 0 {
                XCTAssertEqual(manifests.diskHits, 1, "the manifest (over 32 KB) came from the cache")
            }
            return store
        }
        _ = try run(sectionCount, "cold: every file read")
        let warm = try run(0, "warm: no section file read")
        XCTAssertEqual(warm.diskHits, sectionCount, "every file's result came from the cache")
        let packs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("pack-") }
        XCTAssertEqual(packs.count, 1, "a warm run writes nothing")
        let whole = [UInt8](try Data(contentsOf: packs[0]))

        // A byte flipped in the middle of every entry: none is trusted, every file is read again.
        var flipped = whole
        var offset = 0
        while let (_, range) = PersistentParseStore.envelopeKeyHash(whole, at: offset) {
            flipped[(range.lowerBound + range.upperBound) / 2] ^= 0x5A
            offset = range.upperBound
        }
        try Data(flipped).write(to: packs[0])
        let corrupted = try run(sectionCount, "corrupted")
        XCTAssertEqual(corrupted.diskHits, 0)
        XCTAssertEqual(corrupted.rejected, sectionCount)

        // A killed run: the only pack cut short, and a temporary file left behind.
        for url in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            try FileManager.default.removeItem(at: url)
        }
        try Data(whole.prefix(whole.count / 2)).write(to: folder.appendingPathComponent("pack-1-1-1"))
        try Data(whole.prefix(100)).write(to: folder.appendingPathComponent("tmp-999-1"))
        let killed = try run(nil, "killed")
        XCTAssertGreaterThan(killed.diskHits, 0, "the whole entries before the cut are used")
        XCTAssertLessThan(killed.diskHits, sectionCount)
    }

    func testAPlanWhereOneFileChangedReadsThatFileOnly() throws {
        var source = try Self.defectivePlan()
        let store = try XCTUnwrap(PersistentParseStore(directory: folder.path))
        _ = try check(source, cache: ParseCache(checks: store), today: nil)

        let path = try XCTUnwrap(source.files.keys.filter(PlanLoader.isSectionFile).sorted().first)
        source.files[path]! += Array("\n## 99.1 Misplaced\nDue: 1.1.09\nSee also: 99.2\n".utf8)
        let counting = CountingSource(base: source)
        let again = try check(
            counting, cache: ParseCache(checks: try XCTUnwrap(PersistentParseStore(directory: folder.path))),
            today: nil)
        XCTAssertEqual(counting.reads.sections, [path])
        XCTAssertEqual(again.diagnostics, try PlanLoader().loadAndCheck(from: source).diagnostics)
        XCTAssertTrue(
            again.diagnostics.contains { $0.rule == "reference-wrong-recommendation" && $0.location.file == path })
    }

    func testAnotherManifestDoesNotUseTheKeptResults() throws {
        var source = try Self.defectivePlan()
        let store = try XCTUnwrap(PersistentParseStore(directory: folder.path))
        _ = try check(source, cache: ParseCache(checks: store), today: nil)
        // Any change to plan.yaml (here a comment) is a new manifest: every file is checked again.
        source.files[Manifest.fileName]! += Array("# edited by the coordinator\n".utf8)
        let counting = CountingSource(base: source)
        let again = try check(
            counting, cache: ParseCache(checks: try XCTUnwrap(PersistentParseStore(directory: folder.path))),
            today: nil)
        XCTAssertEqual(counting.reads.sections.count, try source.listFiles().filter(PlanLoader.isSectionFile).count)
        XCTAssertEqual(again.diagnostics, try PlanLoader().loadAndCheck(from: source).diagnostics)
    }

    func testASmallManifestIsReadFromItsYAMLEveryTime() throws {
        let source = try Self.defectivePlan()
        XCTAssertLessThan(try source.read(Manifest.fileName).count, StoredManifest.minimumBytes)
        for _ in 0..<2 {
            let manifests = try XCTUnwrap(PersistentParseStore(directory: manifestsFolder))
            _ = try check(source, cache: ParseCache(manifests: manifests), today: nil)
            XCTAssertEqual(manifests.diskHits, 0)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: manifestsFolder), "nothing was written")
    }

    func testAStoredManifestReadsBackAsRead() throws {
        let manifests = [
            try FolderSource(root: Fixtures.packageRoot.appendingPathComponent("Repos/leicester")).read(
                Manifest.fileName),
            try FolderSource(root: Fixtures.packageRoot.appendingPathComponent("Repos/derby")).read(Manifest.fileName),
            try Self.defectivePlan().read(Manifest.fileName),
            Array("title: [unclosed\n".utf8),
        ]
        for bytes in manifests {
            let read = ManifestReader().read(bytes)
            let encoded = try XCTUnwrap(StoredManifest.encode(read))
            let back = try XCTUnwrap(encoded.withUnsafeBytes { StoredManifest.decode($0) })
            XCTAssertEqual(back.manifest, read.manifest)
            XCTAssertEqual(back.locations, read.locations)
            XCTAssertEqual(back.diagnostics, read.diagnostics)
            XCTAssertNil(encoded.dropLast().withUnsafeBytes { StoredManifest.decode($0) }, "cut short")
        }
    }

    func testTheCheckCodecWritesEveryStoredFieldAndReadsItBack() throws {
        XCTAssertEqual(FileCheckCodec.actualFields(), FileCheckCodec.expectedFields)
        let action = ActionSummary(
            ref: ActionRef(recommendation: 4, item: 2, suffix: "b"), position: Position(line: 7, column: 3),
            crossReferences: [.action(ActionRef(recommendation: 1, item: 1)), .recommendation(9)],
            seeAlsoPosition: Position(line: 9, column: 1), openDueEnd: Day(year: 2009, month: 3, day: 31),
            duePosition: Position(line: 8, column: 1))
        let result = FileCheckResult(
            parseDiagnostics: [
                Diagnostic(.warning, "due-unread", at: SourceLocation(file: "a", line: 2), "m", hint: "h")
            ],
            checks: [[], [Diagnostic(.error, "x", at: SourceLocation(file: "b"), "n")]],
            summary: SectionSummary(
                path: "sections/a/4.md", partner: "a", recommendation: 4,
                actions: [action, ActionSummary(ref: ActionRef(recommendation: 4, item: 3), position: .unknown)]))
        let bytes = FileCheckCodec.encode(result)
        XCTAssertEqual(bytes.withUnsafeBytes { FileCheckCodec.decode($0, checkCount: 2) }, result)
        XCTAssertNil(bytes.withUnsafeBytes { FileCheckCodec.decode($0, checkCount: 3) }, "another set of checks")
        XCTAssertNil(bytes.dropLast().withUnsafeBytes { FileCheckCodec.decode($0, checkCount: 2) }, "cut short")
    }
}
