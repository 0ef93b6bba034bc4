import Foundation
import PlanGit
import XCTest

@testable import GitKit

/// The scripts embedded in the binary are exactly the files in `Hooks/`.
final class HookScriptsTests: XCTestCase {
    static var hooksFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Hooks")
    }

    func testEmbeddedScriptsEqualTheFilesByteForByte() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.hooksFolder.path).sorted()
        XCTAssertEqual(names, HookScripts.all.keys.sorted())
        for name in names {
            let file = try Data(contentsOf: Self.hooksFolder.appendingPathComponent(name))
            XCTAssertEqual(
                Array(file), Array(try XCTUnwrap(HookScripts.all[name]).utf8), "Hooks/\(name) differs from HookScripts")
        }
    }

    func testScriptsAreExecutableThinWrappersThatFailClosed() throws {
        for (name, text) in HookScripts.all {
            XCTAssertTrue(
                FileManager.default.isExecutableFile(atPath: Self.hooksFolder.appendingPathComponent(name).path), name)
            XCTAssertTrue(HookInstaller.isPlanmergeScript(text), name)
            XCTAssertTrue(text.contains("exec \"$bin\" hook \(name) \"$@\"\n"), name)
            let side = ["pre-receive", "update"].contains(name) ? "on the server" : "on this computer"
            XCTAssertTrue(text.contains("planmerge not found \(side)"), name)
            XCTAssertTrue(text.contains("git config planmerge.binary"), name)
        }
    }
}
