import Foundation
import XCTest

/// `planmerge serve` runs `planmerge-serve` found beside planmerge or on PATH, as git runs
/// its external commands, and says clearly when it is missing.
final class ServeCommandTests: XCTestCase {
    static var buildFolder: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle, bundle.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ]
        return candidates.first {
            FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("planmerge").path)
        }
            ?? candidates.last!
    }

    func run(_ executable: URL, _ arguments: [String], path: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["PATH": path, "HOME": NSTemporaryDirectory()]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testServeForwardsItsArgumentsToPlanmergeServe() throws {
        let planmerge = ServeCommandTests.buildFolder.appendingPathComponent("planmerge")
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(
                atPath: ServeCommandTests.buildFolder.appendingPathComponent("planmerge-serve").path),
            "planmerge-serve is not built")
        let result = try run(
            planmerge, ["serve", "--repo", "/nonexistent", "--listen", "0.0.0.0:8080", "--auth", "header:X-User"],
            path: "/usr/bin:/bin")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains(
                "planmerge-serve: planmerge-serve listens on loopback or a Unix socket only, not '0.0.0.0'"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("hint: put the council's web server"), result.stderr)
    }

    func testServeWithoutPlanmergeServeSaysWhatToDo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("planmerge")
        try FileManager.default.copyItem(
            at: ServeCommandTests.buildFolder.appendingPathComponent("planmerge"), to: alone)
        let result = try run(alone, ["serve", "--repo", "hub.git"], path: "/usr/bin:/bin")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.contains(
                "planmerge: serve needs 'planmerge-serve', which is neither next to this planmerge nor on PATH"),
            result.stderr)
        XCTAssertTrue(
            result.stderr.contains("hint: build it with 'swift build --product planmerge-serve'"), result.stderr)
    }
}
