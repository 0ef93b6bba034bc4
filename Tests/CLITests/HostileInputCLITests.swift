import Foundation
import XCTest

/// Hostile input through the command line and the hub's push hook (issue 9, item 7).
final class HostileInputCLITests: XCTestCase {
    /// 5,000 nested flow lists: 10 KB that crashed `validate` with SIGSEGV.
    static let deepYAML = "extra: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"

    func testDeeplyNestedManifestIsAnErrorNotACrash() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: plan) }
        let manifest = plan.appendingPathComponent("plan.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try (text + Self.deepYAML).write(to: manifest, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count

        let result = try CLI.run(["validate", plan.path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let found = try XCTUnwrap(lines.firstIndex { $0.contains("[manifest-too-deep]") }, result.stdout)
        let expected = "\(plan.path)/plan.yaml:\(line):39: error: [manifest-too-deep] "
        XCTAssertTrue(lines[found].hasPrefix(expected), lines[found])
        XCTAssertTrue(lines[found + 1].hasPrefix("  hint: "), lines[found + 1])
    }

    func testTheHubRefusesADeeplyNestedManifestWithoutCrashing() throws {
        let world = try GitWorld()
        try world.makeHub()
        let coordinator = try world.clone("coordinator", partner: nil, hooks: false)
        let manifest = coordinator + "/plan.yaml"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try (text + Self.deepYAML).write(toFile: manifest, atomically: true, encoding: .utf8)
        try world.mustGit(["commit", "-q", "--no-verify", "-am", "Nest"], in: coordinator)
        let before = try world.hubRefs()
        let push = try world.git(["push", "-q", "origin", "main"], in: coordinator, env: ["GL_USER": "coordinator"])
        XCTAssertNotEqual(push.status, 0, push.output)
        XCTAssertTrue(push.stderr.contains("manifest-too-deep"), push.output)
        XCTAssertTrue(push.stderr.contains("pre-receive hook declined"), push.output)
        XCTAssertFalse(push.stderr.contains("signal"), push.output)
        XCTAssertEqual(try world.hubRefs(), before)
    }

    func testNULInASectionFileFailsValidateWithLineAndColumn() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: plan) }
        let file = plan.appendingPathComponent("sections/derby-pct/6.md")
        var bytes = Array(try Data(contentsOf: file))
        let newline = try XCTUnwrap(bytes.firstIndex(of: 0x0A))
        bytes.insert(0x00, at: newline)  // at the end of line 1
        try Data(bytes).write(to: file)
        let column = newline + 1

        let result = try CLI.run(["validate", plan.path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(
            result.stdout.contains("\(plan.path)/sections/derby-pct/6.md:1:\(column): error: [control-character] "),
            result.stdout)
    }

    func testAZeroPaddedFileNameBesideTheCanonicalOneFailsValidate() throws {
        let plan = try CLI.temporaryCopy(of: "Repos/derby")
        defer { try? FileManager.default.removeItem(at: plan) }
        let folder = plan.appendingPathComponent("sections/derby-pct")
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("6.md"), to: folder.appendingPathComponent("006.md"))

        let result = try CLI.run(["validate", plan.path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(
            result.stdout.contains("sections/derby-pct/006.md:1:1: error: [section-file-name] "), result.stdout)
        XCTAssertTrue(result.stdout.contains("'006.md' should be '6.md'"), result.stdout)
        XCTAssertTrue(result.stdout.contains("hint: rename it to sections/derby-pct/6.md"), result.stdout)
    }

    func testTheHubRefusesAZeroPaddedSectionFileFromAPartner() throws {
        let world = try GitWorld()
        try world.makeHub()
        let pct = try world.clone("pct", partner: nil, hooks: false)
        // A valid file in itself (a new action), only misnamed: main accepted it beside 15.md.
        try "# Recommendation 15\n\n## 15.19 Review the antenatal pathway\nDue: March 2009\nLead: Jane Porter\n"
            .appending("Success: pathway reviewed\n")
            .write(toFile: pct + "/sections/leicester-pct/015.md", atomically: true, encoding: .utf8)
        try world.mustGit(["add", "-A"], in: pct)
        try world.mustGit(["commit", "-q", "--no-verify", "-m", "A second 15"], in: pct)
        let before = try world.hubRefs()
        let push = try world.git(
            ["push", "-q", "origin", "HEAD:partners/leicester-pct"], in: pct,
            env: ["GL_USER": "pvaughan"])
        XCTAssertNotEqual(push.status, 0, push.output)
        XCTAssertTrue(push.stderr.contains("sections/leicester-pct/015.md"), push.output)
        XCTAssertTrue(push.stderr.contains("'015.md' should be '15.md'"), push.output)
        XCTAssertEqual(try world.hubRefs(), before)
    }
}
