import Foundation
import HTTPTypes
import Hummingbird
import PlanModel

#if canImport(Glibc)
import Glibc
#endif

/// The command line of planmerge-serve: `--repo HUB --listen ADDR --auth MODE ...` serves;
/// `account add USER --accounts FILE` sets a password. Errors print `planmerge-serve:
/// <message>` then `hint: ...` and exit 2.
public enum ServeMain {
    public static let usage = """
        usage: planmerge-serve --repo HUB --listen ADDR --auth MODE [options]
               planmerge-serve account add USER --accounts FILE   (reads the password from standard input)

          --repo HUB                the hub (bare repository) to serve
          --listen ADDR             unix:/path/to/socket (mode 0660), or HOST:PORT on loopback (127.0.0.1:8080)
          --auth header:NAME        the reverse proxy signs people in and passes the user name in header NAME
          --auth accounts:FILE      people sign in with passwords from FILE (see 'account add')
          --proxy-secret-file FILE  with header auth on TCP: the secret the proxy sends in X-Proxy-Secret
          --name-header NAME        header with the officer's display name (header auth)
          --email-header NAME       header with the officer's e-mail address (header auth)
          --secure-cookies          mark cookies Secure (the proxy serves the pages over https)
          --today YYYY-MM-DD        the day overdue flags are counted from (default: today in the UK)
        """

    struct Failure: Error {
        var message: String
        var hint: String?
    }

    public static func run(_ arguments: [String]) async {
        do {
            let args = Array(arguments.dropFirst())
            if args.first == "account" {
                try account(Array(args.dropFirst()))
                return
            }
            if args.contains("--help") || args.contains("-h") {
                print(usage)
                return
            }
            try await serve(args)
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("planmerge-serve: \(failure.message)\n".utf8))
            if let hint = failure.hint { FileHandle.standardError.write(Data("hint: \(hint)\n".utf8)) }
            exit(2)
        } catch {
            FileHandle.standardError.write(Data("planmerge-serve: \(error)\n".utf8))
            exit(2)
        }
    }

    /// `--name value` pairs and flags.
    static func options(_ args: [String], flags: Set<String>) throws -> [String: String] {
        var values: [String: String] = [:]
        var i = 0
        while i < args.count {
            let name = args[i]
            guard name.hasPrefix("--") else {
                throw Failure(message: "unexpected '\(name)'", hint: "run planmerge-serve --help")
            }
            if flags.contains(name) {
                values[name] = "yes"
                i += 1
                continue
            }
            guard i + 1 < args.count else {
                throw Failure(message: "\(name) needs a value", hint: "run planmerge-serve --help")
            }
            values[name] = args[i + 1]
            i += 2
        }
        return values
    }

    /// Where to listen, refused unless it is a Unix socket or a loopback address.
    enum Listen: Equatable {
        case unix(String)
        case tcp(host: String, port: Int)

        init(_ text: String) throws {
            if text.hasPrefix("unix:") {
                self = .unix(String(text.dropFirst(5)))
                return
            }
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                (1...65535).contains(port)
            else {
                throw Failure(
                    message: "--listen takes unix:/path or HOST:PORT, got '\(text)'",
                    hint: "e.g. --listen 127.0.0.1:8080")
            }
            var host = String(text[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard ["127.0.0.1", "localhost", "::1"].contains(host) else {
                throw Failure(
                    message: "planmerge-serve listens on loopback or a Unix socket only, not '\(host)'",
                    hint: "put the council's web server (Apache, nginx) in front and let it listen to the network")
            }
            self = .tcp(host: host == "localhost" ? "127.0.0.1" : host, port: port)
        }
    }

    static func serve(_ args: [String]) async throws {
        let values = try options(args, flags: ["--secure-cookies"])
        guard let repo = values["--repo"] else {
            throw Failure(message: "--repo HUB is required", hint: "run planmerge-serve --help")
        }
        guard let listenText = values["--listen"] else {
            throw Failure(
                message: "--listen is required", hint: "e.g. --listen unix:/run/planmerge/serve.sock or 127.0.0.1:8080")
        }
        guard let authText = values["--auth"], let auth = ServeConfiguration.Auth(authText) else {
            throw Failure(
                message: "--auth takes header:NAME or accounts:FILE", hint: "e.g. --auth header:X-Remote-User")
        }
        let listen = try Listen(listenText)
        var secret: String?
        if let file = values["--proxy-secret-file"] {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw Failure(
                    message: "cannot read the proxy secret file \(file)",
                    hint: "create it readable by this user only (chmod 600)")
            }
            secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (secret?.count ?? 0) >= 16 else {
                throw Failure(
                    message: "the proxy secret in \(file) is shorter than 16 characters",
                    hint: "use e.g. 'openssl rand -hex 32'")
            }
        }
        if case .header = auth, case .tcp = listen, secret == nil {
            throw Failure(
                message:
                    "with --auth header on TCP, every request must carry the proxy's secret: "
                    + "--proxy-secret-file is required",
                hint: "or listen on a Unix socket that only the web server's group can open (--listen unix:/path)")
        }
        var today: @Sendable () -> Day = ServeConfiguration.ukToday
        if let text = values["--today"] {
            guard let day = Day(iso: text) else { throw Failure(message: "--today takes YYYY-MM-DD, got '\(text)'") }
            today = { day }
        }
        let configuration = ServeConfiguration(
            hubPath: repo, auth: auth, proxySecret: secret, nameHeader: values["--name-header"],
            emailHeader: values["--email-header"], secureCookies: values["--secure-cookies"] != nil, today: today)
        let app: ServeApplication
        do { app = try ServeApplication(configuration: configuration) } catch {
            throw Failure(
                message: "cannot open the hub \(repo): \(error)", hint: "give the path of the bare hub repository")
        }
        let address: BindAddress
        var socketPath: String?
        switch listen {
        case .unix(let path):
            try? FileManager.default.removeItem(atPath: path)
            address = .unixDomainSocket(path: path)
            socketPath = path
        case .tcp(let host, let port):
            address = .hostname(host, port: port)
        }
        let socket = socketPath
        let application = Application(
            router: app.router(), configuration: .init(address: address, serverName: nil),
            onServerRunning: { _ in
                if let socket { chmod(socket, 0o660) }
                FileHandle.standardError.write(Data("planmerge-serve: serving \(repo) on \(listenText)\n".utf8))
            })
        try await application.runService()
    }

    static func account(_ args: [String]) throws {
        guard args.count >= 2, args[0] == "add" else {
            throw Failure(
                message: "usage: planmerge-serve account add USER --accounts FILE",
                hint: "the password is read from standard input")
        }
        let user = args[1]
        let values = try options(Array(args.dropFirst(2)), flags: [])
        guard let file = values["--accounts"] else { throw Failure(message: "--accounts FILE is required") }
        guard AccountsFile.isValidUser(user) else {
            throw Failure(
                message: "'\(user)' cannot be a user name", hint: "use letters, digits and . _ @ - (at most 64)")
        }
        let password: String
        if isatty(0) == 1, let typed = getpass("Password for \(user): ") {
            password = String(cString: typed)
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        guard password.count >= 10 else { throw Failure(message: "the password is shorter than 10 characters") }
        var accounts = try AccountsFile(path: file)
        try accounts.set(user: user, password: password)
        print("planmerge-serve: \(user) can now sign in (\(file))")
    }
}
