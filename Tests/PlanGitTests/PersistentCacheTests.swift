import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// The hub's persistent cache of file check results (`<hub>/planmerge/checks`, what
/// consolidate keeps between runs) never changes a consolidation:
/// the same hub consolidated with no cache, a warm cache, a corrupted one and one left by a
/// killed run writes the same merge commit (same tree, same id) with the same diagnostics.
final class PersistentCacheTests: XCTestCase {
    var fx: HubFixture!
    var pristine: String!
    var saved: String!

    override func setUpWithError() throws {
        fx = try HubFixture()
        try fx.edit("pct", "sections/pct/15.md") {
            $0.replacingOccurrences(of: "Due: July 2008", with: "Due: to be confirmed")
        }
        try fx.edit("uhl", "sections/uhl/15.md") {
            $0 + "\n## 15.5 Breastfeeding\nDue: 31.3.10\nLead: Jane Porter\n"
        }
        pristine = fx.hub.path + "-pristine"
        saved = fx.hub.path + "-saved-cache"
        try FileManager.default.copyItem(atPath: fx.hub.path, toPath: pristine)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: pristine)
        try? FileManager.default.removeItem(atPath: saved)
        fx = nil
    }

    var cacheFolder: String { PersistentParseStore.checksDirectory(forGitDir: fx.hub.path) }

    /// The hub as it was before any consolidate, with `prepare` applied to its cache folder.
    func freshHub(cache prepare: (String) throws -> Void = { _ in }) throws {
        try FileManager.default.removeItem(atPath: fx.hub.path)
        try FileManager.default.copyItem(atPath: pristine, toPath: fx.hub.path)
        try prepare(cacheFolder)
    }

    struct Outcome: Equatable {
        var main: String
        var tree: String
        var errors: [Diagnostic]
        var warnings: [Diagnostic]
        var states: [String]
    }

    func consolidate() throws -> Outcome {
        let report = try fx.consolidate()
        return Outcome(
            main: fx.main, tree: try fx.hub.git("rev-parse", "main^{tree}"), errors: report.errors,
            warnings: report.warnings, states: report.partners.map { "\($0.partner) \($0.state)" })
    }

    func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("pack-") }.sorted()
            .map { folder + "/" + $0 }
    }

    func restoreSaved(_ folder: String) throws {
        try FileManager.default.createDirectory(
            atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: saved, toPath: folder)
    }

    func testColdWarmCorruptedAndKilledCachesWriteTheSameMergeCommit() throws {
        let cold = try consolidate()
        XCTAssertNotEqual(cold.main, try fx.hub.git("--git-dir", pristine, "rev-parse", "main"), "a merge was written")
        XCTAssertTrue(cold.states.contains("pct accepted"), "\(cold.states)")
        XCTAssertFalse(cold.warnings.isEmpty, "warnings to compare: \(cold)")
        let written = try entries(cacheFolder)
        XCTAssertGreaterThanOrEqual(written.count, 1, "main's files and the merged ones were stored")
        try FileManager.default.copyItem(atPath: cacheFolder, toPath: saved)

        // Warm: the same run takes every file's result from the cache and rewrites none of them.
        try freshHub(cache: restoreSaved)
        let inodes = try entries(cacheFolder).map {
            try FileManager.default.attributesOfItem(atPath: $0)[.systemFileNumber] as? Int
        }
        XCTAssertEqual(try consolidate(), cold)
        XCTAssertEqual(
            try entries(cacheFolder).map {
                try FileManager.default.attributesOfItem(atPath: $0)[.systemFileNumber] as? Int
            },
            inodes, "nothing was checked and written again")

        // Corrupted: a byte flipped in every entry.
        try freshHub { folder in
            try restoreSaved(folder)
            for (n, path) in try entries(folder).enumerated() {
                var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                bytes[[bytes.count - 1, bytes.count / 2, 25][n % 3]] ^= 0x21
                try bytes.write(to: URL(fileURLWithPath: path))
            }
        }
        XCTAssertEqual(try consolidate(), cold)

        // Killed mid-write: entries cut short and temporary files left behind.
        try freshHub { folder in
            try restoreSaved(folder)
            for path in try entries(folder) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: path))
                try bytes.prefix(9).write(
                    to: URL(fileURLWithPath: folder + "/tmp-999-1-" + (path as NSString).lastPathComponent))
            }
        }
        XCTAssertEqual(try consolidate(), cold)

        // The folder is not a folder at all: the run goes on without a cache.
        try freshHub { folder in
            try FileManager.default.createDirectory(
                atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder))
        }
        XCTAssertEqual(try consolidate(), cold)
        fx.hub.assertFsckClean()
    }
}
