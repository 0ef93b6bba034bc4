import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// HTTPS credentials come from git's credential helpers (a test helper script configured as
/// `credential.helper`), then `.netrc`; approve and reject reach the helper.
final class CredentialTests: XCTestCase {
    var folder = ""
    var saved: [String: String?] = [:]

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "planmerge-credentials-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for key in ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "NETRC", "HOME"] {
            saved[key] = ProcessInfo.processInfo.environment[key]
        }
        setenv("GIT_CONFIG_NOSYSTEM", "1", 1)
        setenv("HOME", folder, 1)
        setenv("GIT_CONFIG_GLOBAL", folder + "/gitconfig", 1)
        setenv("NETRC", folder + "/netrc", 1)
        try "".write(toFile: folder + "/gitconfig", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        for (key, value) in saved {
            if let value { setenv(key, value, 1) } else { unsetenv(key) }
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func installHelper() throws {
        let helper = folder + "/helper"
        let script = """
            #!/bin/sh
            input=$(cat)
            echo "$1 $(echo "$input" | grep -E '^(host|username|password)=' | tr '\\n' ' ')" >> '\(folder)/helper.log'
            if [ "$1" = get ]; then printf 'username=council-hub\\npassword=s3cret\\n'; fi

            """
        try script.write(toFile: helper, atomically: true, encoding: .utf8)
        chmod(helper, 0o755)
        try "[credential]\n\thelper = \(helper)\n".write(
            toFile: folder + "/gitconfig", atomically: true, encoding: .utf8)
    }

    func testTheHelperGivesTheCredentialAndHearsApproveAndReject() throws {
        try installHelper()
        let url = "https://plans.uhl.example/git/uhl-plan.git"
        let found = try XCTUnwrap(CredentialStore.find(url: url, username: nil))
        XCTAssertEqual(found, HTTPCredential(username: "council-hub", password: "s3cret", source: .helper))
        CredentialStore.approve(found, url: url)
        CredentialStore.reject(found, url: url)
        let log = try String(contentsOfFile: folder + "/helper.log", encoding: .utf8)
        let lines = log.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "get host=plans.uhl.example ")
        XCTAssertTrue(lines.contains("store host=plans.uhl.example username=council-hub password=s3cret "), log)
        XCTAssertTrue(lines.contains("erase host=plans.uhl.example username=council-hub password=s3cret "), log)
    }

    func testNetrcWhenNoHelperHasOneAndNothingWhenNeither() throws {
        XCTAssertNil(CredentialStore.find(url: "https://plans.uhl.example/p.git", username: nil))
        try
            "machine other.example login x password y\nmachine plans.uhl.example\n  login council-hub\n  password n3trc\n"
            .write(toFile: folder + "/netrc", atomically: true, encoding: .utf8)
        XCTAssertEqual(
            CredentialStore.find(url: "https://plans.uhl.example/p.git", username: nil),
            HTTPCredential(username: "council-hub", password: "n3trc", source: .netrc))
        XCTAssertNil(CredentialStore.find(url: "https://plans.uhl.example/p.git", username: "someone-else"))
        XCTAssertEqual(
            Netrc.entry(for: "any.example", in: "default login d password p"), Netrc.Entry(login: "d", password: "p"))
    }

    func testTheCAFileIsTakenAsGitUsersSetIt() {
        XCTAssertEqual(
            CertificateAuthorities.extraFile(config: "/etc/a.pem", environment: ["SSL_CERT_FILE": "/b.pem"]),
            "/etc/a.pem")
        XCTAssertEqual(
            CertificateAuthorities.extraFile(config: nil, environment: ["SSL_CERT_FILE": "/b.pem"]), "/b.pem")
        XCTAssertEqual(
            CertificateAuthorities.extraFile(config: "/etc/a.pem", environment: ["GIT_SSL_CAINFO": "/c.pem"]), "/c.pem")
        XCTAssertNil(CertificateAuthorities.extraFile(config: nil, environment: [:]))
        XCTAssertTrue(CertificateCheck.isIPAddress("127.0.0.1"))
        XCTAssertTrue(CertificateCheck.isIPAddress("::1"))
        XCTAssertFalse(CertificateCheck.isIPAddress("localhost"))
        XCTAssertEqual(CertificateCheck.refusal(host: "10.0.0.5"), .certificateForAddress(host: "10.0.0.5"))
    }
}

/// The ssh program is chosen as git chooses it.
final class SSHCommandTests: XCTestCase {
    func testGitSSHCommandThenCoreSSHCommandThenGitSSHThenSSH() {
        let deployKey = "ssh -i /var/lib/gitolite3/.ssh/planmerge-fetch -o IdentitiesOnly=yes"
        XCTAssertEqual(
            SSHCommand.resolve(config: deployKey, environment: ["GIT_SSH_COMMAND": "ssh -v"]).shellCommand, "ssh -v")
        let fromConfig = SSHCommand.resolve(config: deployKey, environment: ["GIT_SSH": "/usr/bin/plink"])
        XCTAssertEqual(
            fromConfig.argv(["-p", "2222", "git@hub", "git-upload-pack '/plan'"]),
            ["/bin/sh", "-c", deployKey + " \"$@\"", deployKey, "-p", "2222", "git@hub", "git-upload-pack '/plan'"])
        XCTAssertEqual(
            SSHCommand.resolve(config: nil, environment: ["GIT_SSH": "/usr/bin/plink"]).argv(["h", "c"]),
            ["/usr/bin/plink", "h", "c"])
        XCTAssertEqual(SSHCommand.resolve(config: nil, environment: [:]).argv(["h", "c"]), ["ssh", "h", "c"])
        XCTAssertEqual(SSHAddress.shellQuoted("/srv/it's!.git"), "'/srv/it'\\''s'\\!'.git'")
    }
}

/// A password that reached a remote URL is never printed: fetch errors and events show the
/// scrubbed URL.
final class ScrubbedURLTests: XCTestCase {
    func testAFailedFetchNeverPrintsThePassword() throws {
        let folder = NSTemporaryDirectory() + "planmerge-scrub-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Repository(at: folder + "/hub.git", bare: true)
        let events = EventLog()
        let fetcher = PartnerFetcher(hubPath: folder + "/hub.git", jobs: 1, timeout: .seconds(20))
        let partner = Partner(id: "uhl", name: "UHL", remote: "https://council-hub:s3cret@127.0.0.1:1/git/uhl.git")
        let results = fetcher.fetchAll([partner]) { events.add("\($0)") }
        let failure = try XCTUnwrap(results["uhl"] ?? nil)
        XCTAssertFalse(failure.contains("s3cret"), failure)
        XCTAssertTrue(failure.contains("council-hub:***@127.0.0.1"), failure)
        XCTAssertFalse(events.all.joined().contains("s3cret"), events.all.joined())
        XCTAssertFalse(events.all.isEmpty)
    }
}

/// Events collected from fetch threads.
private final class EventLog: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
