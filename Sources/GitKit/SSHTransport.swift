import CLibgit2
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An ssh remote as git reads it: `ssh://[user@]host[:port]/path` (also `ssh+git://`,
/// `git+ssh://`) or scp-like `[user@]host:path`.
public struct SSHAddress: Sendable, Hashable {
    public var user: String?
    public var host: String
    public var port: Int?
    /// The path sent to the server: absolute for `ssh://host/path`; relative to the login's
    /// home for scp-like `host:path` and for `ssh://host/~/path` (as git does).
    public var path: String

    static let schemes = ["ssh://", "ssh+git://", "git+ssh://"]

    /// Parses `url`; nil when it is not an ssh remote (a local path, `https://`, ...).
    public init?(_ url: String) {
        if let scheme = Self.schemes.first(where: { url.lowercased().hasPrefix($0) }) {
            let rest = url.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            var authority = rest[..<slash]
            var path = String(rest[slash...])
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at]).removingPercentEncoding ?? String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                host = String(authority[authority.index(after: authority.startIndex)..<close])
                let after = authority[authority.index(after: close)...]
                if after.hasPrefix(":") {
                    guard let number = Int(after.dropFirst()) else { return nil }
                    port = number
                }
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                guard let number = Int(authority[authority.index(after: colon)...]) else { return nil }
                port = number
            } else {
                host = String(authority)
            }
            if path.hasPrefix("/~/") {
                path = String(path.dropFirst(3))
            } else if path.hasPrefix("/~") {
                path.removeFirst()
            }
            self.path = path
        } else {
            // scp-like: no "://", a ':' before the first '/', and not a local path.
            guard !url.contains("://"), !url.hasPrefix("/"), !url.hasPrefix("."),
                let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/")
            else { return nil }
            var authority = url[..<colon]
            if let at = authority.lastIndex(of: "@") {
                user = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            if authority.hasPrefix("["), authority.hasSuffix("]") { authority = authority.dropFirst().dropLast() }
            host = String(authority)
            path = String(url[url.index(after: colon)...])
        }
        guard !host.isEmpty, !path.isEmpty else { return nil }
    }

    /// True for scp-like `[user@]host:path`.
    public static func isSCPLike(_ url: String) -> Bool {
        !schemes.contains { url.lowercased().hasPrefix($0) } && SSHAddress(url) != nil
    }

    /// The `ssh://` form of this address (a home-relative path becomes `/~/path`).
    public var url: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let userPart = user.map { "\($0)@" } ?? ""
        let portPart = port.map { ":\($0)" } ?? ""
        let pathPart = path.hasPrefix("/") ? path : "/~/" + path
        return "ssh://\(userPart)\(hostPart)\(portPart)\(pathPart)"
    }

    /// `[user@]host` as ssh takes it.
    var destination: String { (user.map { "\($0)@" } ?? "") + host }

    /// The remote command git runs, e.g. `git-upload-pack '/srv/plan.git'`.
    func command(_ program: String) -> String { "\(program) \(Self.shellQuoted(path))" }

    /// git's `sq_quote`: single quotes, with `'` and `!` escaped.
    static func shellQuoted(_ text: String) -> String {
        var out = "'"
        for character in text {
            switch character {
            case "'": out += "'\\''"
            case "!": out += "'\\!'"
            default: out.append(character)
            }
        }
        return out + "'"
    }
}

/// Why an ssh connection failed, read from the OpenSSH client's standard error.
public enum SSHFailure: Sendable, Hashable {
    /// The server's host key is not in `known_hosts`.
    case unknownHost(host: String)
    /// The server's host key differs from the one in `known_hosts`: possibly an attack.
    case changedHostKey(host: String)
    /// The server refused every key (or password) offered.
    case authenticationRefused(host: String, user: String?)
    /// Anything else: ssh's exit status and the last lines it wrote.
    case other(host: String, status: Int32, stderr: String)

    /// Classifies ssh's standard error text.
    public static func classify(stderr: String, status: Int32, address: SSHAddress) -> SSHFailure {
        if stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
            || stderr.contains("has changed and you have requested strict checking")
        {
            return .changedHostKey(host: address.host)
        }
        if stderr.contains("Host key verification failed") || stderr.contains("host key is known for") {
            return .unknownHost(host: address.host)
        }
        if stderr.contains("Permission denied (") || stderr.contains("Too many authentication failures") {
            return .authenticationRefused(host: address.host, user: address.user)
        }
        let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
        return .other(host: address.host, status: status, stderr: lines.suffix(4).joined(separator: " / "))
    }

    private static let threadKey = "planmerge.ssh-failure"

    /// Remembers a failure for the fetch running on this thread (libgit2 calls the
    /// transport on the fetching thread and reports only a message).
    static func record(_ failure: SSHFailure) { Thread.current.threadDictionary[threadKey] = failure }

    /// The failure this thread's last ssh connection recorded, forgotten once taken.
    static func takeRecorded() -> SSHFailure? {
        defer { Thread.current.threadDictionary.removeObject(forKey: threadKey) }
        return Thread.current.threadDictionary[threadKey] as? SSHFailure
    }

    /// The message shown to the person fetching.
    public var message: String {
        switch self {
        case .unknownHost(let host):
            return
                "the ssh host key of \(host) is not known (not in known_hosts), so nothing was fetched: check the key's "
                + "fingerprint with the server's administrator, then record it (connect once with 'ssh \(host)', or "
                + "'ssh-keyscan \(host) >> ~/.ssh/known_hosts' after checking)"
        case .changedHostKey(let host):
            return
                "WARNING: THE SSH HOST KEY OF \(host) HAS CHANGED since it was recorded in known_hosts. Someone may be "
                + "intercepting the connection (a man-in-the-middle attack), or the server was reinstalled. Nothing was "
                + "fetched. Ask the server's administrator for the new key's fingerprint before replacing the old one "
                + "('ssh-keygen -R \(host)')"
        case .authenticationRefused(let host, let user):
            return
                "ssh authentication refused by \(host)\(user.map { " for user \($0)" } ?? ""): no key it accepts was "
                + "offered (ssh-agent, ~/.ssh key files, ~/.ssh/config); give the key with "
                + "'git config core.sshCommand \"ssh -i KEYFILE -o IdentitiesOnly=yes\"'"
        case .other(let host, let status, let stderr):
            return "ssh to \(host) failed (exit \(status))\(stderr.isEmpty ? "" : ": \(stderr)")"
        }
    }
}

/// Routes every ssh remote through the system's OpenSSH client, as git does, instead of
/// libgit2's libssh2: `ssh [-p PORT] [user@]host "git-upload-pack '/path'"`, its standard
/// input and output carrying the git protocol. So the ssh-agent, key files, `~/.ssh/config`,
/// `known_hosts` and a deploy key in `core.sshCommand` (or `GIT_SSH_COMMAND`, `GIT_SSH`)
/// behave exactly as for git. Registered once per process, before the first fetch.
enum SSHTransport {
    /// Registers the transport for `ssh://`, `ssh+git://` and `git+ssh://` (libgit2 1.5.1
    /// appends "://" to the name itself; scp-like URLs fall back to the `ssh://` entry).
    static let registered: Int32 = {
        Libgit2.ensureInitialized()
        signal(SIGPIPE, SIG_IGN)  // a write to an ssh that exited must fail, not kill the process
        var result: Int32 = 0
        for scheme in ["ssh", "ssh+git", "git+ssh"] {
            let code = git_transport_register(scheme, makeTransport, nil)
            if code < 0, code != GIT_EEXISTS.rawValue { result = code }
        }
        return result
    }()

    static func ensureRegistered() throws {
        try GitError.check(registered, "register the OpenSSH transport")
    }
}

/// The ssh program and how to run it, resolved as git does: `GIT_SSH_COMMAND`, else
/// `core.sshCommand`, both run by the shell; else `GIT_SSH`, a program; else `ssh`.
struct SSHCommand {
    var shellCommand: String?
    var program: String

    static func resolve(config: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> SSHCommand
    {
        if let command = environment["GIT_SSH_COMMAND"], !command.isEmpty {
            return SSHCommand(shellCommand: command, program: "")
        }
        if let config, !config.isEmpty { return SSHCommand(shellCommand: config, program: "") }
        if let program = environment["GIT_SSH"], !program.isEmpty {
            return SSHCommand(shellCommand: nil, program: program)
        }
        return SSHCommand(shellCommand: nil, program: "ssh")
    }

    /// The argv to spawn for `arguments` (ssh's own arguments).
    func argv(_ arguments: [String]) -> [String] {
        if let shellCommand { return ["/bin/sh", "-c", shellCommand + " \"$@\"", shellCommand] + arguments }
        return [program] + arguments
    }
}

/// `git_transport_cb`: a smart transport whose subtransport is ours. Reads `core.sshCommand`
/// from the fetching repository's configuration.
private let makeTransport: git_transport_cb = { out, owner, _ in
    var sshCommand: String?
    if let owner, let repository = git_remote_owner(owner) {
        var config: OpaquePointer?
        if git_repository_config_snapshot(&config, repository) == 0, let config {
            var buffer = git_buf()
            if git_config_get_string_buf(&buffer, config, "core.sshCommand") == 0, let pointer = buffer.ptr {
                sshCommand = String(cString: pointer)
            }
            git_buf_dispose(&buffer)
            git_config_free(config)
        }
    }
    let box = SSHSubtransport(command: SSHCommand.resolve(config: sshCommand))
    var definition = git_smart_subtransport_definition()
    definition.callback = makeSubtransport
    definition.rpc = 0
    definition.param = Unmanaged.passRetained(box).toOpaque()
    let code = git_transport_smart(out, owner, &definition)
    if code < 0 { Unmanaged<SSHSubtransport>.fromOpaque(definition.param).release() }
    return code
}

/// `git_smart_subtransport_cb`: allocates the C struct holding our subtransport (whose
/// retain `param` carries over to it).
private let makeSubtransport: git_smart_subtransport_cb = { out, _, param in
    guard let out, let param else { return -1 }
    let memory = UnsafeMutablePointer<planmerge_subtransport>.allocate(capacity: 1)
    memory.initialize(to: planmerge_subtransport())
    memory.pointee.payload = param
    memory.pointee.parent.action = { out, transport, url, action in
        guard let out, let transport, let url else { return -1 }
        let owner = SSHSubtransport.from(transport)
        return owner.action(out: out, url: String(cString: url), service: action, transport: transport)
    }
    memory.pointee.parent.close = { transport in
        guard let transport else { return 0 }
        SSHSubtransport.from(transport).closeCurrent()
        return 0
    }
    memory.pointee.parent.free = { transport in
        guard let transport else { return }
        let whole = UnsafeMutableRawPointer(transport).assumingMemoryBound(to: planmerge_subtransport.self)
        let subtransport = Unmanaged<SSHSubtransport>.fromOpaque(whole.pointee.payload)
        subtransport.takeUnretainedValue().closeCurrent()
        subtransport.release()
        whole.deinitialize(count: 1)
        whole.deallocate()
    }
    memory.withMemoryRebound(to: git_smart_subtransport.self, capacity: 1) { out.pointee = $0 }
    return 0
}

/// One ssh connection per fetch: the `*_LS` action starts ssh, the following action reuses
/// the same stream (git's ssh protocol is stateful).
private final class SSHSubtransport {
    let command: SSHCommand
    var current: UnsafeMutablePointer<planmerge_subtransport_stream>?

    init(command: SSHCommand) { self.command = command }

    static func from(_ transport: UnsafeMutablePointer<git_smart_subtransport>) -> SSHSubtransport {
        let whole = UnsafeMutableRawPointer(transport).assumingMemoryBound(to: planmerge_subtransport.self)
        return Unmanaged<SSHSubtransport>.fromOpaque(whole.pointee.payload).takeUnretainedValue()
    }

    func action(
        out: UnsafeMutablePointer<UnsafeMutablePointer<git_smart_subtransport_stream>?>, url: String,
        service: git_smart_service_t, transport: UnsafeMutablePointer<git_smart_subtransport>
    ) -> Int32 {
        let program: String
        switch service {
        case GIT_SERVICE_UPLOADPACK_LS: program = "git-upload-pack"
        case GIT_SERVICE_RECEIVEPACK_LS: program = "git-receive-pack"
        case GIT_SERVICE_UPLOADPACK, GIT_SERVICE_RECEIVEPACK:
            guard let current else {
                git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "ssh: no connection for the pack exchange")
                return -1
            }
            current.withMemoryRebound(to: git_smart_subtransport_stream.self, capacity: 1) { out.pointee = $0 }
            return 0
        default:
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "ssh: unsupported action")
            return -1
        }
        guard let address = SSHAddress(url) else {
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "not an ssh URL: \(url)")
            return -1
        }
        if address.host.hasPrefix("-") || (address.user?.hasPrefix("-") ?? false) {
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "refusing ssh host or user starting with '-': \(url)")
            return -1
        }
        closeCurrent()
        var arguments: [String] = []
        if let port = address.port { arguments += ["-p", String(port)] }
        arguments += [address.destination, address.command(program)]
        let process: SSHProcess
        do {
            process = try SSHProcess(argv: command.argv(arguments), address: address)
        } catch {
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "cannot run ssh: \(error)")
            return -1
        }
        let memory = UnsafeMutablePointer<planmerge_subtransport_stream>.allocate(capacity: 1)
        memory.initialize(to: planmerge_subtransport_stream())
        memory.pointee.payload = Unmanaged.passRetained(process).toOpaque()
        memory.pointee.parent.read = { stream, buffer, size, bytesRead in
            guard let stream, let buffer, let bytesRead else { return -1 }
            return SSHProcess.from(stream).read(into: buffer, size: size, bytesRead: bytesRead)
        }
        memory.pointee.parent.write = { stream, buffer, length in
            guard let stream, let buffer else { return -1 }
            return SSHProcess.from(stream).write(buffer, length: length)
        }
        memory.pointee.parent.free = { stream in
            guard let stream else { return }
            let whole = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: planmerge_subtransport_stream.self)
            if let owner = whole.pointee.parent.subtransport {
                let subtransport = SSHSubtransport.from(owner)
                if subtransport.current == whole { subtransport.current = nil }
            }
            SSHSubtransport.release(whole)
        }
        memory.withMemoryRebound(to: git_smart_subtransport_stream.self, capacity: 1) { stream in
            stream.pointee.subtransport = transport
            out.pointee = stream
        }
        current = memory
        return 0
    }

    /// Ends the current connection, if any (libgit2 normally frees the stream first).
    func closeCurrent() {
        guard let current else { return }
        self.current = nil
        Self.release(current)
    }

    static func release(_ stream: UnsafeMutablePointer<planmerge_subtransport_stream>) {
        let process = Unmanaged<SSHProcess>.fromOpaque(stream.pointee.payload)
        process.takeUnretainedValue().finish()
        process.release()
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}

/// The OpenSSH client process of one connection: its standard input and output are the
/// git protocol stream; its standard error is collected to explain a failure.
final class SSHProcess: @unchecked Sendable {
    // @unchecked: `stderrText` is written by the reader thread before `stderrDone` is
    // signalled and read only after waiting for it; the rest is used on the fetch thread.
    private let pid: pid_t
    private var input: Int32
    private var output: Int32
    private let address: SSHAddress
    private var stderrText = Data()
    private let stderrDone = DispatchSemaphore(value: 0)
    private var exitStatus: Int32?
    private var finished = false

    init(argv: [String], address: SSHAddress) throws {
        self.address = address
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        func makePipe(_ fds: inout [Int32]) -> Bool {
            guard pipe(&fds) == 0 else { return false }
            // Close-on-exec: other spawned processes must not hold the connection open.
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return true
        }
        guard makePipe(&toChild), makePipe(&fromChild), makePipe(&errors) else {
            throw GitError.invalid(String(cString: strerror(errno)), operation: "create pipes for ssh")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var child: pid_t = 0
        let code = posix_spawnp(&child, argv[0], &actions, nil, cArguments, environ)
        close(toChild[0])
        close(fromChild[1])
        close(errors[1])
        guard code == 0 else {
            close(toChild[1])
            close(fromChild[0])
            close(errors[0])
            throw GitError.invalid("\(argv[0]): \(String(cString: strerror(code)))", operation: "run ssh")
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
        let errorsFD = errors[0]
        let thread = Thread { [self] in
            var collected = Data()
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = Glibc.read(errorsFD, &chunk, chunk.count)
                if count > 0 {
                    collected.append(contentsOf: chunk[0..<count])
                    continue
                }
                if count < 0, errno == EINTR { continue }
                break
            }
            close(errorsFD)
            self.stderrText = collected
            self.stderrDone.signal()
        }
        thread.start()
    }

    static func from(_ stream: UnsafeMutablePointer<git_smart_subtransport_stream>) -> SSHProcess {
        let whole = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: planmerge_subtransport_stream.self)
        return Unmanaged<SSHProcess>.fromOpaque(whole.pointee.payload).takeUnretainedValue()
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, size: Int, bytesRead: UnsafeMutablePointer<Int>) -> Int32 {
        while true {
            let count = Glibc.read(output, buffer, size)
            if count > 0 {
                bytesRead.pointee = count
                return 0
            }
            if count < 0, errno == EINTR { continue }
            // End of ssh's output: if ssh failed, say why.
            if let failure = waitForFailure() {
                SSHFailure.record(failure)
                git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), failure.message)
                return -1
            }
            bytesRead.pointee = 0
            return 0
        }
    }

    func write(_ buffer: UnsafePointer<CChar>, length: Int) -> Int32 {
        var offset = 0
        while offset < length {
            let count = Glibc.write(input, buffer + offset, length - offset)
            if count > 0 {
                offset += count
                continue
            }
            if count < 0, errno == EINTR { continue }
            let failure = waitForFailure()
            if let failure { SSHFailure.record(failure) }
            git_error_set_str(
                Int32(GIT_ERROR_SSH.rawValue), failure?.message ?? "ssh to \(address.host) closed the connection")
            return -1
        }
        return 0
    }

    /// Waits for ssh to exit; its failure when the exit status is not 0.
    private func waitForFailure() -> SSHFailure? {
        let status = waitExit()
        stderrDone.wait()
        stderrDone.signal()
        guard status != 0 else { return nil }
        let text = String(decoding: stderrText, as: UTF8.self)
        return SSHFailure.classify(stderr: text, status: status, address: address)
    }

    private func waitExit() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let code = Self.exitCode(status)
        exitStatus = code
        return code
    }

    /// A shell-style exit code from a `waitpid` status (128 + signal when killed).
    private static func exitCode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Closes the stream and reaps ssh (ended if it does not leave within two seconds).
    func finish() {
        guard !finished else { return }
        finished = true
        close(input)
        close(output)
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        for _ in 0..<100 {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                exitStatus = Self.exitCode(status)
                return
            }
            if reaped < 0, errno != EINTR { return }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = waitExit()
    }
}
