import Foundation
import GitKit
import PlanGit
import PlanModel
import XCTest

/// The hub on real servers: the owner check, hooks install modes, gitolite, identity, ssh
/// addresses, credentials.
final class ServerSetupTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "planmerge-server-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testAnotherUsersHubIsRefusedAndNothingWritten() throws {
        let path = folder + "/hub.git"
        _ = try Repository(at: path, bare: true)
        guard geteuid() == 0 else { throw XCTSkip("changing a folder's owner needs root") }
        XCTAssertEqual(chown(path, 65534, 65534), 0)
        let before = try FileManager.default.subpathsOfDirectory(atPath: path).sorted()
        XCTAssertThrowsError(try Hub.open(path)) { error in
            guard case HubError.wrongOwner(_, let owner, let current) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(current, "root")
            XCTAssertNotEqual(owner, "root")
            XCTAssertTrue("\(error)".contains("sudo -u \(owner) -H planmerge"))
        }
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: path).sorted(), before)
    }

    func testHooksInstallRefusesTheWrongModeUnlessForced() throws {
        let bare = try Repository(at: folder + "/hub.git", bare: true)
        XCTAssertThrowsError(
            try HookInstaller(repository: bare).install(.clone(partner: "pct"), binary: "/usr/local/bin/planmerge")
        ) {
            XCTAssertTrue("\($0)".contains("bare repository"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: bare.gitDir + "hooks/pre-commit"))
        let clone = try Repository(at: folder + "/clone", bare: false)
        XCTAssertThrowsError(
            try HookInstaller(repository: clone).install(.server(perRef: false), binary: "/x", identity: .http)
        ) {
            XCTAssertTrue("\($0)".contains("--server belongs on the hub"))
        }
        XCTAssertNoThrow(
            try HookInstaller(repository: clone).install(
                .server(perRef: false), binary: "/x", identity: .http, force: true))
    }

    func testServerInstallNeedsAnIdentityAndSetsFsck() throws {
        let bare = try Repository(at: folder + "/hub.git", bare: true)
        XCTAssertThrowsError(try HookInstaller(repository: bare).install(.server(perRef: false), binary: "/x")) {
            XCTAssertTrue("\($0)".contains("--identity"))
        }
        try HookInstaller(repository: bare).install(.server(perRef: false), binary: "/x", identity: .http)
        XCTAssertEqual(try bare.localConfigString("planmerge.identity"), "http")
        XCTAssertEqual(try bare.localConfigString("receive.fsckObjects"), "true")
        XCTAssertEqual(try Pusher.identitySource(of: bare), .http)
    }

    func testUnderGitolitePreReceiveChainsWithGitolitesUpdateHook() throws {
        let bare = try Repository(at: folder + "/plan.git", bare: true)
        let hooks = bare.gitDir + "hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: hooks + "/update", withDestinationPath: "/var/lib/gitolite3/.gitolite/hooks/common/update")
        let installer = HookInstaller(repository: bare)
        XCTAssertTrue(installer.isGitolite)
        XCTAssertThrowsError(try installer.install(.server(perRef: true), binary: "/x")) {
            XCTAssertTrue("\($0)".contains("gitolite"))
        }
        let done = try installer.install(.server(perRef: false), binary: "/x")
        XCTAssertTrue(done.contains("installed hook pre-receive"))
        XCTAssertEqual(try bare.localConfigString("planmerge.identity"), "gitolite")
        XCTAssertEqual(
            try FileManager.default.destinationOfSymbolicLink(atPath: hooks + "/update"),
            "/var/lib/gitolite3/.gitolite/hooks/common/update")
    }

    func testAnExistingUpdateHookIsChainedNotReplaced() throws {
        let bare = try Repository(at: folder + "/hub.git", bare: true)
        let hook = bare.gitDir + "hooks/update"
        let own = "#!/bin/sh\necho own update hook\n"
        try own.write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o755)
        let installer = HookInstaller(repository: bare)
        try installer.install(.server(perRef: true), binary: "/x", identity: .unix)
        XCTAssertEqual(try String(contentsOfFile: hook + ".chained", encoding: .utf8), own)
        let script = try String(contentsOfFile: hook, encoding: .utf8)
        XCTAssertTrue(HookInstaller.isPlanmergeScript(script))
        XCTAssertTrue(script.contains("if [ -x \"$0.chained\" ]; then \"$0.chained\" \"$@\" || exit $?; fi"))
        try installer.uninstall()
        XCTAssertEqual(try String(contentsOfFile: hook, encoding: .utf8), own)
        XCTAssertFalse(FileManager.default.fileExists(atPath: hook + ".chained"))
    }

    func testIdentityComesFromTheConfiguredSourceOnly() {
        let environment = ["GL_USER": "intruder", "REMOTE_USER": "PVaughan"]
        XCTAssertEqual(Pusher.IdentitySource.http.name(in: environment), "PVaughan")
        XCTAssertEqual(Pusher.IdentitySource.gitolite.name(in: environment), "intruder")
        XCTAssertNil(Pusher.IdentitySource.gitolite.name(in: ["REMOTE_USER": "x"]))
        XCTAssertEqual(Pusher.IdentitySource("env:TEST_USER"), .environment("TEST_USER"))
        XCTAssertNil(Pusher.IdentitySource("first-set"))
        var manifest = Manifest(title: "t", authority: "a", inspection: Inspection(name: "JAR"))
        manifest.partners = [Partner(id: "pct", name: "PCT", pushers: ["pvaughan"])]
        manifest.coordinator.pushers = ["Admin"]
        XCTAssertEqual(Pusher.role(of: "PVaughan", in: manifest), .partners(["pct"]))
        XCTAssertEqual(Pusher.role(of: "admin", in: manifest), .coordinator)
        XCTAssertEqual(Pusher.role(of: "stranger", in: manifest), .unknown)
    }

    func testSSHAddresses() throws {
        let scp = try XCTUnwrap(SSHAddress("gitolite3@git.council.example:plan"))
        XCTAssertEqual(scp.user, "gitolite3")
        XCTAssertEqual(scp.path, "plan")
        XCTAssertEqual(scp.url, "ssh://gitolite3@git.council.example/~/plan")
        XCTAssertEqual(SSHAddress(scp.url)?.path, "plan")
        let full = try XCTUnwrap(SSHAddress("ssh://git@host.example:2222/srv/plan.git"))
        XCTAssertEqual(full.port, 2222)
        XCTAssertEqual(full.path, "/srv/plan.git")
        XCTAssertEqual(full.user, "git")
        XCTAssertEqual(SSHAddress("git+ssh://host/p")?.host, "host")
        XCTAssertNil(SSHAddress("/srv/plan.git"))
        XCTAssertNil(SSHAddress("https://host/plan.git"))
        XCTAssertTrue(SSHAddress.isSCPLike("host:plan.git"))
        XCTAssertFalse(SSHAddress.isSCPLike("ssh://host/plan.git"))
    }

    func testSSHFailuresAreToldApart() throws {
        let address = try XCTUnwrap(SSHAddress("ssh://git@hub.example/plan"))
        let changed = SSHFailure.classify(
            stderr:
                "@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n",
            status: 255, address: address)
        XCTAssertEqual(changed, .changedHostKey(host: "hub.example"))
        XCTAssertTrue(changed.message.hasPrefix("WARNING: THE SSH HOST KEY OF hub.example HAS CHANGED"))
        XCTAssertEqual(
            SSHFailure.classify(
                stderr:
                    "No ED25519 host key is known for hub.example and you have requested strict checking.\r\nHost key verification failed.\r\n",
                status: 255, address: address),
            .unknownHost(host: "hub.example"))
        XCTAssertEqual(
            SSHFailure.classify(
                stderr: "git@hub.example: Permission denied (publickey).\r\n", status: 255, address: address),
            .authenticationRefused(host: "hub.example", user: "git"))
    }

    func testFetchOverSSHThroughTheSSHCommand() throws {
        // A fake ssh (core.sshCommand) that runs git-upload-pack locally: the transport runs
        // the command with [-p port] user@host "git-upload-pack '/path'".
        let source = try Repository(at: folder + "/source", bare: false)
        let committer = BranchCommitter(repository: source)
        let signature = Signature(name: "T", email: "t@example.org", time: 1_700_000_000)
        let commit = try committer.commit(
            ["a.txt": Array("one\n".utf8)], on: "refs/heads/main", message: "one", author: signature)
        let fakeSSH = folder + "/fake-ssh"
        try "#!/bin/sh\necho \"$@\" > \(folder)/ssh-args\nshift $(($# - 1))\nexec sh -c \"$1\"\n".write(
            toFile: fakeSSH, atomically: true, encoding: .utf8)
        chmod(fakeSSH, 0o755)
        let hub = try Repository(at: folder + "/hub.git", bare: true)
        try hub.setConfigString("core.sshCommand", fakeSSH)
        try hub.fetch(
            url: "ssh://someone@example.invalid:2200\(source.gitDir)", refspec: "+refs/heads/main:refs/fetched")
        XCTAssertEqual(try hub.reference(named: "refs/fetched"), commit)
        let arguments = try String(contentsOfFile: folder + "/ssh-args", encoding: .utf8)
        XCTAssertEqual(arguments, "-p 2200 someone@example.invalid git-upload-pack '\(source.gitDir)'\n")
    }

    func testGitolitesUsersAreTheKeyNamesInItsKeydir() throws {
        let keydir = folder + "/.gitolite/keydir/people"
        try FileManager.default.createDirectory(atPath: keydir, withIntermediateDirectories: true)
        for name in ["admin.pub", "alice@laptop.pub", "bob@example.org.pub", "notes.txt"] {
            try "x".write(toFile: keydir + "/" + name, atomically: true, encoding: .utf8)
        }
        let hub = try Hub.create(
            at: folder + "/repositories/plan.git", files: ["plan.yaml": Array("planmerge: 1\n".utf8)],
            author: Signature(name: "T", email: "t@example.org", time: 1_700_000_000))
        XCTAssertEqual(try hub.serverUserNames(), ["admin", "alice", "bob@example.org"])
        let elsewhere = try Hub.create(
            at: folder + "/srv/plan.git", files: ["plan.yaml": Array("planmerge: 1\n".utf8)],
            author: Signature(name: "T", email: "t@example.org", time: 1_700_000_000))
        XCTAssertNil(try elsewhere.serverUserNames())
    }

    func testHTTPSGoesThroughTheProxyGitUsersSet() throws {
        // A one-shot listener that records the first line a client sends (a proxy's CONNECT).
        let seen = folder + "/proxy-request"
        let portFile = folder + "/proxy-port"
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = [
            "python3", "-c",
            """
            import socket, sys
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1)
            open(sys.argv[2], "w").write(str(s.getsockname()[1]))
            s.settimeout(20)
            c, _ = s.accept(); open(sys.argv[1], "w").write(c.recv(4096).decode().split("\\r\\n")[0]); c.close()
            """,
            seen, portFile,
        ]
        try listener.run()
        defer { if listener.isRunning { listener.terminate() } }
        var port: String?
        for _ in 0..<100 where port == nil {
            port = try? String(contentsOfFile: portFile, encoding: .utf8)
            if port == nil { usleep(50_000) }
        }
        let hub = try Repository(at: folder + "/hub.git", bare: true)
        try hub.setConfigString("http.proxy", "http://127.0.0.1:\(try XCTUnwrap(port))")
        XCTAssertThrowsError(
            try hub.fetch(
                url: "https://plans.uhl.example/git/uhl.git", refspecs: ["+refs/heads/main:refs/x"],
                timeout: .seconds(30)))
        listener.waitUntilExit()
        XCTAssertEqual(try String(contentsOfFile: seen, encoding: .utf8), "CONNECT plans.uhl.example:443 HTTP/1.1")
    }

    func testAnSSHRefusalIsItsOwnError() throws {
        let fakeSSH = folder + "/refusing-ssh"
        try "#!/bin/sh\necho 'git@hub.example: Permission denied (publickey).' >&2\nexit 255\n"
            .write(toFile: fakeSSH, atomically: true, encoding: .utf8)
        chmod(fakeSSH, 0o755)
        let hub = try Repository(at: folder + "/hub.git", bare: true)
        try hub.setConfigString("core.sshCommand", fakeSSH)
        XCTAssertThrowsError(
            try hub.fetch(url: "git@hub.example:plan.git", refspecs: ["+refs/heads/main:refs/x"], timeout: .seconds(30))
        ) {
            XCTAssertEqual($0 as? RemoteAccessError, .ssh(.authenticationRefused(host: "hub.example", user: "git")))
        }
    }

    func testCredentialHelperGivesThePasswordAndNoPasswordIsItsOwnMessage() throws {
        XCTAssertTrue(RemoteAccessError.noCredentials(host: "h").description.contains("none was found"))
        XCTAssertTrue(
            RemoteAccessError.credentialsRefused(host: "h", user: "u", source: "x").description.contains(
                "refused the password"))
        XCTAssertNotEqual(
            RemoteAccessError.noCredentials(host: "h").description,
            RemoteAccessError.credentialsRefused(host: "h", user: "u", source: "x").description)
    }
}
