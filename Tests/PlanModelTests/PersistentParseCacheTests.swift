import Dispatch
import Foundation
import XCTest

@testable import PlanModel

/// The persistent parse cache never changes a result: a plan loaded with a cold cache, a warm
/// one, one whose entries were corrupted, truncated or left half-written by a killed run, one
/// deleted mid-way, one shared by concurrent runs and one trimmed to its size bound gives the
/// same diagnostics and the same parsed sections every time.
final class PersistentParseCacheTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-cache-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A plan in memory with blob-like content ids: the Derby plan plus files with parse
    /// problems (invalid UTF-8, a control character, an unreadable due date, a duplicate).
    struct MemorySource: PlanSource {
        var files: [String: [UInt8]]
        var onRead: (@Sendable () -> Void)? = nil
        var label: String { "memory" }
        func listFiles() throws -> [String] { files.keys.sorted() }
        func read(_ path: String) throws -> [UInt8] {
            onRead?()
            guard let bytes = files[path] else { throw PlanSourceError.notFound(path) }
            return bytes
        }
        func contentID(_ path: String) -> String? {
            files[path].map { bytes in
                let hash = PersistentParseStore.fnv1a(bytes)
                let hex = String(hash, radix: 16)
                return String(repeating: "0", count: 24) + String(repeating: "0", count: 16 - hex.count) + hex
            }
        }
    }

    static func plan() throws -> MemorySource {
        let root = Fixtures.packageRoot.appendingPathComponent("Repos/derby")
        let source = FolderSource(root: root)
        var files: [String: [UInt8]] = [:]
        for path in try source.listFiles() { files[path] = try source.read(path) }
        let partner = try XCTUnwrap(files.keys.compactMap { SectionFile.splitPath($0)?.partner }.min())
        files["sections/\(partner)/90.md"] =
            Array("# Recommendation 90\n\n## 90.1 Broken\nDue: sometime soonish\nLead: A \u{7} B\n".utf8)
            + [0xFF, 0xFE, 0x0A] + Array("## 90.1 Again\nDue: July 2008\nLead: X\nSee also: 91.4\n".utf8)
        return MemorySource(files: files)
    }

    func load(_ source: MemorySource, store: PersistentParseStore?) throws -> (diagnostics: [Diagnostic], json: String)
    {
        let checked = try PlanLoader(cache: ParseCache(store: store)).loadAndCheck(
            from: source, context: CheckContext(today: Day(year: 2009, month: 1, day: 1)))
        let plan = try XCTUnwrap(checked.plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(plan.sections), as: UTF8.self)
        return (checked.diagnostics, json)
    }

    func makeStore(limit: Int = PersistentParseStore.defaultLimitBytes) throws -> PersistentParseStore {
        try XCTUnwrap(PersistentParseStore(directory: folder.path, limitBytes: limit), "the codec covers the model")
    }

    /// The pack files of the cache folder.
    func packs() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("pack-") }.sorted { $0.path < $1.path }
    }

    /// Changes the bytes of every entry of every pack with `change(envelope range, pack bytes)`.
    func damageEveryEntry(_ change: (Range<Int>, inout [UInt8]) -> Void) throws {
        for url in try packs() {
            var bytes = [UInt8](try Data(contentsOf: url))
            var ranges: [Range<Int>] = []
            var offset = 0
            while let (_, range) = PersistentParseStore.envelopeKeyHash(bytes, at: offset) {
                ranges.append(range)
                offset = range.upperBound
            }
            for range in ranges { change(range, &bytes) }
            try Data(bytes).write(to: url)
        }
    }

    var sectionCount: Int { (try? Self.plan().files.keys.filter(PlanLoader.isSectionFile).count) ?? 0 }

    func testTheCodecWritesEveryStoredFieldOfTheModel() {
        XCTAssertEqual(ParseResultCodec.actualFields(), ParseResultCodec.expectedFields)
        XCTAssertTrue(ParseResultCodec.isComplete)
    }

    func testEveryExampleFileRoundTripsThroughTheCodec() throws {
        let parser = SectionParser(dueReference: Day(year: 2008, month: 6, day: 3))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var count = 0
        for (path, bytes) in try Self.plan().files where PlanLoader.isSectionFile(path) {
            let result = parser.parse(bytes, path: path)
            let decoded = try XCTUnwrap(ParseResultCodec.encode(result).withUnsafeBytes { ParseResultCodec.decode($0) })
            XCTAssertEqual(decoded.diagnostics, result.diagnostics, path)
            XCTAssertEqual(decoded.section, result.section, path)
            XCTAssertEqual(
                try encoder.encode(decoded.section), try encoder.encode(result.section), "positions too: \(path)")
            for (field, position) in result.section.actions.flatMap({ $0.fieldPositions.byField }) {
                XCTAssertNotNil(position, "\(field)")
            }
            XCTAssertEqual(
                decoded.section.actions.map { $0.fieldPositions.byField.mapValues { [$0.line, $0.column] } },
                result.section.actions.map { $0.fieldPositions.byField.mapValues { [$0.line, $0.column] } }, path)
            count += 1
        }
        XCTAssertGreaterThan(count, 10)
    }

    /// Every field an action can have, each written once, survives the codec.
    func testAnActionWithEveryFieldRoundTrips() throws {
        let text = """
            # Recommendation 2

            ## 2.1 Agree the protocol
            Due: Sept-2008
            Lead: Jane Porter; Paul Vaughan
            Status: Amber
            Success: protocol signed
            Milestone: Aug 2008 | draft circulated
            Resources: within existing budgets
            Risk: partners do not sign
            Monitoring: LSCB quarterly
            See also: 3.1
            Link: Children and Young People's Plan
            Outcome area: Stay Safe; Be Healthy
            Notes: The seed prints this in italics.

            """
        let result = SectionParser(dueReference: Day(year: 2008, month: 6, day: 3))
            .parse(Array(text.utf8), path: "sections/council/2.md")
        let action = try XCTUnwrap(result.section.actions.first)
        XCTAssertEqual(action.outcomeAreas, ["Stay Safe", "Be Healthy"])
        let decoded = try XCTUnwrap(ParseResultCodec.encode(result).withUnsafeBytes { ParseResultCodec.decode($0) })
        XCTAssertEqual(decoded.section, result.section)
        XCTAssertEqual(decoded.diagnostics, result.diagnostics)
    }

    func testColdWarmCorruptedTruncatedAndKilledCachesGiveIdenticalResults() throws {
        let source = try Self.plan()
        let reference = try load(source, store: nil)
        XCTAssertTrue(reference.diagnostics.contains { $0.rule == "invalid-utf8" }, "the plan has parse diagnostics")
        XCTAssertTrue(reference.diagnostics.contains { $0.severity == .error && $0.rule != "invalid-utf8" })

        let cold = try makeStore()
        XCTAssertEqual(try load(source, store: cold).diagnostics, reference.diagnostics)
        XCTAssertEqual(try packs().count, 1, "one pack per run")

        let warm = try makeStore()
        let warmResult = try load(source, store: warm)
        XCTAssertEqual(warmResult.diagnostics, reference.diagnostics)
        XCTAssertEqual(warmResult.json, reference.json)
        XCTAssertEqual(warm.diskHits, sectionCount, "every file came from the cache")
        XCTAssertEqual(warm.rejected, 0)
        XCTAssertEqual(try packs().count, 1, "a run that parsed nothing writes nothing")
        let whole = try Data(contentsOf: try packs()[0])

        // A byte flipped in every entry's payload, then in every entry's key.
        for position in [{ (range: Range<Int>) in range.upperBound - 1 }, { $0.lowerBound + 25 }] {
            try Data(whole).write(to: try packs()[0])
            try damageEveryEntry { range, bytes in bytes[position(range)] ^= 0x5A }
            let corrupted = try makeStore()
            let corruptedResult = try load(source, store: corrupted)
            XCTAssertEqual(corruptedResult.diagnostics, reference.diagnostics)
            XCTAssertEqual(corruptedResult.json, reference.json)
            XCTAssertEqual(corrupted.diskHits, 0, "no corrupted entry was trusted")
            for url in try packs().dropFirst() { try FileManager.default.removeItem(at: url) }
        }

        // A header broken in every entry: nothing after it is read at all.
        try Data(whole).write(to: try packs()[0])
        try damageEveryEntry { range, bytes in bytes[range.lowerBound + 5] ^= 0x7F }
        let broken = try makeStore()
        XCTAssertEqual(try load(source, store: broken).diagnostics, reference.diagnostics)
        XCTAssertEqual(broken.diskHits, 0)

        // A pack cut short (a killed run's file cut mid-write) and a killed run's temporary file.
        for url in try packs() { try FileManager.default.removeItem(at: url) }
        try whole.prefix(whole.count * 2 / 3).write(to: folder.appendingPathComponent("pack-1-1-1"))
        try whole.prefix(1000).write(to: folder.appendingPathComponent("tmp-999-1"))
        let truncated = try makeStore()
        let truncatedResult = try load(source, store: truncated)
        XCTAssertEqual(truncatedResult.diagnostics, reference.diagnostics)
        XCTAssertEqual(truncatedResult.json, reference.json)
        XCTAssertGreaterThan(truncated.diskHits, 0, "the whole entries before the cut are used")
        XCTAssertLessThan(truncated.diskHits, sectionCount)

        // Empty packs and a stranger's file under a pack's name.
        try Data().write(to: folder.appendingPathComponent("pack-1-1-2"))
        try Data("PMPC not a cache entry at all, just text".utf8).write(to: folder.appendingPathComponent("pack-1-1-3"))
        XCTAssertEqual(try load(source, store: try makeStore()).diagnostics, reference.diagnostics)
        let again = try makeStore()
        XCTAssertEqual(try load(source, store: again).json, reference.json, "what was parsed again reads back")
        XCTAssertEqual(again.diskHits, sectionCount)
    }

    func testAnEntryOfAnotherPathOrDueReferenceIsNotUsed() throws {
        let writer = try makeStore()
        let parser = SectionParser(dueReference: Day(year: 2008, month: 6, day: 3))
        let result = parser.parse("# Recommendation 1\n\n## 1.1 A\nDue: July\nLead: X\n", path: "sections/a/1.md")
        writer.save(result, contentID: String(repeating: "a", count: 40), path: "sections/a/1.md", reference: nil)
        writer.flush()
        let store = try makeStore()
        XCTAssertNotNil(
            store.load(contentID: String(repeating: "a", count: 40), path: "sections/a/1.md", reference: nil))
        XCTAssertNil(store.load(contentID: String(repeating: "a", count: 40), path: "sections/b/1.md", reference: nil))
        XCTAssertNil(
            store.load(
                contentID: String(repeating: "a", count: 40), path: "sections/a/1.md",
                reference: Day(year: 2008, month: 6, day: 3)))
        XCTAssertNil(store.load(contentID: "../../etc/passwd", path: "sections/a/1.md", reference: nil))
    }

    func testDeletingTheCacheFolderMidwayChangesNothing() throws {
        var source = try Self.plan()
        let reference = try load(source, store: nil)
        _ = try load(source, store: try makeStore())
        // A run whose folder vanishes after it read the packs, while it reads the files.
        var changed = source
        for path in changed.files.keys where PlanLoader.isSectionFile(path) { changed.files[path]! += Array("\n".utf8) }
        let changedReference = try load(changed, store: nil)
        let path = folder.path
        changed.onRead = { try? FileManager.default.removeItem(atPath: path) }
        let result = try load(changed, store: try makeStore())
        XCTAssertEqual(result.diagnostics, changedReference.diagnostics)
        XCTAssertEqual(result.json, changedReference.json)
        source.onRead = { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try load(source, store: try makeStore()).json, reference.json)
        source.onRead = nil
        let after = try makeStore()
        XCTAssertEqual(try load(source, store: after).json, reference.json)
        XCTAssertEqual(after.rejected, 0)
    }

    func testConcurrentRunsShareTheCacheWithoutCorruptingIt() throws {
        let source = try Self.plan()
        let reference = try load(source, store: nil)
        let directory = folder.path
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<3 {
                let store = PersistentParseStore(directory: directory)!
                let checked = try? PlanLoader(cache: ParseCache(store: store)).loadAndCheck(
                    from: source, context: CheckContext(today: Day(year: 2009, month: 1, day: 1)))
                results.append(checked?.diagnostics ?? [], rejected: store.rejected)
            }
        }
        XCTAssertEqual(results.all.count, 12)
        for diagnostics in results.all { XCTAssertEqual(diagnostics, reference.diagnostics) }
        XCTAssertEqual(results.rejected, 0, "no run saw a half-written entry")
        let after = try makeStore()
        XCTAssertEqual(try load(source, store: after).json, reference.json)
        XCTAssertEqual(after.rejected, 0)
        XCTAssertEqual(after.diskHits, sectionCount)
    }

    func testTheSizeBoundEvictsTheOldestPacksAndManyPacksAreMerged() throws {
        var source = try Self.plan()
        // Three runs over three versions of the plan: three packs, aged one second apart.
        for n in 1...3 {
            for path in source.files.keys where PlanLoader.isSectionFile(path) { source.files[path]! += [0x0A] }
            _ = try load(source, store: try makeStore())
            for (age, url) in try packs().enumerated() {
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSince1970: 1_000_000 + Double(age))], ofItemAtPath: url.path)
            }
            XCTAssertEqual(try packs().count, n)
        }
        let sizes = try packs().map { try $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }
        let newest = try packs().last!
        let bounded = try makeStore(limit: sizes.max()! * 3 / 2)
        bounded.trim()
        XCTAssertEqual(try packs(), [newest], "the oldest packs went, the newest stays")
        let reference = try load(source, store: nil)
        let run = try load(source, store: try makeStore(limit: sizes.max()! * 3 / 2))
        XCTAssertEqual(run.diagnostics, reference.diagnostics)
        XCTAssertEqual(run.json, reference.json)

        // Packs past the merge threshold: the next run that writes merges what it used into one.
        for n in 0..<PersistentParseStore.compactAfter {
            try Data("PMPC and then anything at all, not an entry".utf8).write(
                to: folder.appendingPathComponent("pack-0-\(n)"))
        }
        var changed = source
        changed.files[changed.files.keys.filter(PlanLoader.isSectionFile).min()!]! += [0x0A]
        let merging = try makeStore()
        let merged = try load(changed, store: merging)
        XCTAssertEqual(merged.diagnostics, try load(changed, store: nil).diagnostics)
        XCTAssertEqual(try packs().count, 1, "one pack holds every entry the run used")
        let after = try makeStore()
        XCTAssertEqual(try load(changed, store: after).json, merged.json)
        XCTAssertEqual(after.diskHits, sectionCount)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var all: [[Diagnostic]] = []
    private(set) var rejected = 0

    func append(_ diagnostics: [Diagnostic], rejected: Int) {
        lock.lock()
        all.append(diagnostics)
        self.rejected += rejected
        lock.unlock()
    }
}
