import Foundation

/// Why a fetch could not get past a server's authentication or certificate: each reason has
/// its own message, so "no password anywhere" and "wrong password" are told apart.
public enum RemoteAccessError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The server asked for a user name and password and none was found.
    case noCredentials(host: String)
    /// The server refused the user name and password offered (from `source`).
    case credentialsRefused(host: String, user: String, source: String)
    /// HTTPS to an IP address whose certificate libgit2 cannot check for that address.
    case certificateForAddress(host: String)
    /// The server's certificate is not trusted (unknown CA, or made out for another name).
    case untrustedCertificate(host: String)
    /// The ssh connection failed: unknown host, changed host key, refused key, or other.
    case ssh(SSHFailure)

    public var description: String {
        switch self {
        case .noCredentials(let host):
            return "\(host) asks for a user name and password and none was found: no git credential helper gave one "
                + "and ~/.netrc has no entry for \(host). Store it for the user who runs planmerge (git config --global "
                + "credential.helper store; then 'git credential approve', see docs/DEPLOY.md) or in ~/.netrc; "
                + "never in plan.yaml"
        case .credentialsRefused(let host, let user, let source):
            return "\(host) refused the password of user '\(user)' (from \(source)): it is wrong or has expired. "
                + "Store the right one (the git credential helper was told to forget the old one)"
        case .certificateForAddress(let host):
            return "HTTPS to the IP address \(host) is refused: its certificate cannot be checked for an address here. "
                + "Use the server's host name in the remote (add it to /etc/hosts if there is no DNS name)"
        case .ssh(let failure):
            return failure.message
        case .untrustedCertificate(let host):
            return
                "the HTTPS certificate of \(host) is not trusted (an unknown authority, or made out for another name). "
                + "If the server uses your organisation's own authority, give its certificate: "
                + "git config --global http.sslCAInfo /path/to/ca.pem (or SSL_CERT_FILE)"
        }
    }
}

/// A user name and password for an HTTPS remote, and where it came from.
struct HTTPCredential: Equatable {
    enum Source: Equatable {
        case helper
        case netrc

        var label: String {
            switch self {
            case .helper: "a git credential helper"
            case .netrc: "~/.netrc"
            }
        }
    }

    var username: String
    var password: String
    var source: Source
}

/// HTTPS credentials the way git users keep them: git's credential helpers through `git
/// credential fill|approve|reject` (the one use of the git program here: it is how every git
/// tool shares the keyring), then `~/.netrc` (or `$NETRC`).
enum CredentialStore {
    /// A credential for `url`, or nil when neither the helpers nor `.netrc` have one.
    static func find(
        url: String, username: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> HTTPCredential?
    {
        if let filled = fill(url: url, username: username, environment: environment) { return filled }
        guard let host = URLComponents(string: url)?.host else { return nil }
        let path = environment["NETRC"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.netrc")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let entry = Netrc.entry(for: host, in: text),
            username == nil || username == entry.login
        else { return nil }
        return HTTPCredential(username: entry.login, password: entry.password, source: .netrc)
    }

    /// Tells the helpers the credential worked (they may store it).
    static func approve(_ credential: HTTPCredential, url: String) {
        guard credential.source == .helper else { return }
        _ = run("approve", input: request(url: url, username: credential.username, password: credential.password))
    }

    /// Tells the helpers the credential was refused (they forget it).
    static func reject(_ credential: HTTPCredential, url: String) {
        guard credential.source == .helper else { return }
        _ = run("reject", input: request(url: url, username: credential.username, password: credential.password))
    }

    private static func fill(url: String, username: String?, environment: [String: String]) -> HTTPCredential? {
        guard let output = run("fill", input: request(url: url, username: username, password: nil)) else { return nil }
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let user = values["username"], let password = values["password"], !password.isEmpty else { return nil }
        return HTTPCredential(username: user, password: password, source: .helper)
    }

    private static func request(url: String, username: String?, password: String?) -> String {
        var lines = ["url=\(url)"]
        if let username { lines.append("username=\(username)") }
        if let password { lines.append("password=\(password)") }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// Runs `git credential ACTION` with `input`; its standard output, nil when it failed.
    /// Never prompts on a terminal (`GIT_TERMINAL_PROMPT=0`): a timer has nobody to answer.
    private static func run(_ action: String, input: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "credential", action]
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The `.netrc` format curl and git read: `machine HOST login USER password PASS`, and a
/// `default` entry.
enum Netrc {
    struct Entry: Equatable {
        var login: String
        var password: String
    }

    static func entry(for host: String, in text: String) -> Entry? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(
            String.init)
        var index = 0
        var found: Entry?
        var fallback: Entry?
        while index < tokens.count {
            let token = tokens[index]
            guard token == "machine" || token == "default" else {
                index += 1
                continue
            }
            let machine = token == "machine" && index + 1 < tokens.count ? tokens[index + 1] : nil
            index += machine == nil ? 1 : 2
            var login: String?
            var password: String?
            while index < tokens.count, tokens[index] != "machine", tokens[index] != "default" {
                if tokens[index] == "login", index + 1 < tokens.count {
                    login = tokens[index + 1]
                    index += 2
                    continue
                }
                if tokens[index] == "password", index + 1 < tokens.count {
                    password = tokens[index + 1]
                    index += 2
                    continue
                }
                index += 1
            }
            guard let login, let password else { continue }
            if let machine, machine.lowercased() == host.lowercased(), found == nil {
                found = Entry(login: login, password: password)
            }
            if machine == nil, fallback == nil { fallback = Entry(login: login, password: password) }
        }
        return found ?? fallback
    }
}
