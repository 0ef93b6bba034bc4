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

    func entries() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix("tmp-") }
    }

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

    func testColdWarmCorruptedTruncatedAndKilledCachesGiveIdenticalResults() throws {
        let source = try Self.plan()
        let reference = try load(source, store: nil)
        XCTAssertTrue(reference.diagnostics.contains { $0.rule == "invalid-utf8" }, "the plan has parse diagnostics")
        XCTAssertTrue(reference.diagnostics.contains { $0.severity == .error && $0.rule != "invalid-utf8" })

        let cold = try makeStore()
        XCTAssertEqual(try load(source, store: cold).diagnostics, reference.diagnostics)
        let written = try entries()
        XCTAssertEqual(written.count, source.files.keys.filter(PlanLoader.isSectionFile).count)

        let warm = try makeStore()
        let warmResult = try load(source, store: warm)
        XCTAssertEqual(warmResult.diagnostics, reference.diagnostics)
        XCTAssertEqual(warmResult.json, reference.json)
        XCTAssertEqual(warm.diskHits, written.count, "every file came from the cache")
        XCTAssertEqual(warm.rejected, 0)

        // Flipped bytes (in the payload, the key and the header), then the same load.
        for (n, url) in written.enumerated() {
            var bytes = try Data(contentsOf: url)
            let at = [bytes.count - 1, bytes.count / 2, 30, 5][n % 4]
            bytes[at] ^= 0x5A
            try bytes.write(to: url)
        }
        let corrupted = try makeStore()
        let corruptedResult = try load(source, store: corrupted)
        XCTAssertEqual(corruptedResult.diagnostics, reference.diagnostics)
        XCTAssertEqual(corruptedResult.json, reference.json)
        XCTAssertEqual(corrupted.rejected, written.count, "no corrupted entry was trusted")
        XCTAssertEqual(corrupted.diskHits, 0)

        // Entries cut short (a file cut mid-write) and temporary files of a killed run.
        for url in try entries() {
            let bytes = try Data(contentsOf: url)
            try bytes.prefix(bytes.count / 2).write(to: url)
            try bytes.prefix(7).write(
                to: url.deletingLastPathComponent().appendingPathComponent("tmp-1-1-" + url.lastPathComponent))
        }
        let truncated = try makeStore()
        let truncatedResult = try load(source, store: truncated)
        XCTAssertEqual(truncatedResult.diagnostics, reference.diagnostics)
        XCTAssertEqual(truncatedResult.json, reference.json)
        XCTAssertEqual(truncated.rejected, written.count)

        // Empty files and a stranger's file under an entry's name.
        for (n, url) in try entries().enumerated() {
            try (n % 2 == 0 ? Data() : Data("PMPC not a cache entry at all, just text".utf8)).write(to: url)
        }
        let empty = try makeStore()
        XCTAssertEqual(try load(source, store: empty).diagnostics, reference.diagnostics)
        XCTAssertEqual(try load(source, store: try makeStore()).json, reference.json, "rewritten entries read back")
    }

    func testAnEntryOfAnotherPathOrDueReferenceIsNotUsed() throws {
        let store = try makeStore()
        let parser = SectionParser(dueReference: Day(year: 2008, month: 6, day: 3))
        let result = parser.parse("# Recommendation 1\n\n## 1.1 A\nDue: July\nLead: X\n", path: "sections/a/1.md")
        store.save(result, contentID: String(repeating: "a", count: 40), path: "sections/a/1.md", reference: nil)
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
        // Half the entries, then the folder itself, vanish while the next run reads files.
        for url in try entries().enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
            try FileManager.default.removeItem(at: url)
        }
        let path = folder.path
        source.onRead = { try? FileManager.default.removeItem(atPath: path) }
        let result = try load(source, store: try makeStore())
        XCTAssertEqual(result.diagnostics, reference.diagnostics)
        XCTAssertEqual(result.json, reference.json)
        source.onRead = nil
        XCTAssertEqual(try load(source, store: try makeStore()).json, reference.json)
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
        XCTAssertEqual(after.diskHits, try entries().count)
    }

    func testTheSizeBoundEvictsTheOldestEntries() throws {
        let source = try Self.plan()
        let reference = try load(source, store: nil)
        _ = try load(source, store: try makeStore())
        let sizes = try entries().map { try $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }
        let total = sizes.reduce(0, +)
        // Age the entries one second apart so "oldest" is well defined.
        for (n, url) in try entries().sorted(by: { $0.path < $1.path }).enumerated() {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 1_000_000 + Double(n))], ofItemAtPath: url.path)
        }
        let newest = try entries().sorted(by: { $0.path < $1.path }).last!.lastPathComponent
        let bounded = try makeStore(limit: total / 2)
        bounded.trim()
        let kept = try entries()
        let keptSize = try kept.map { try $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }.reduce(0, +)
        XCTAssertLessThanOrEqual(keptSize, total / 2 / 4 * 3)
        XCTAssertLessThan(kept.count, sizes.count)
        XCTAssertTrue(kept.contains { $0.lastPathComponent == newest }, "the newest entry stays")
        // A run under the bound keeps the folder bounded and its results unchanged.
        let run = try load(source, store: try makeStore(limit: total / 2))
        XCTAssertEqual(run.diagnostics, reference.diagnostics)
        XCTAssertEqual(run.json, reference.json)
        let after = try entries().map { try $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }.reduce(0, +)
        XCTAssertLessThanOrEqual(after, total / 2 + sizes.max()!)
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
