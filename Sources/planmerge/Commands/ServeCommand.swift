import ArgumentParser
import Foundation

/// `planmerge serve`: the web app for partner officers and the coordinator. It is its own
/// executable, `planmerge-serve`, so that the hooks' binary stays small and quick to start;
/// like git with its external commands, this command finds `planmerge-serve` next to the
/// planmerge binary or on PATH and runs it with the same arguments.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the plan to partner officers and the coordinator in a browser (runs planmerge-serve).",
        discussion: """
            Every argument is passed to planmerge-serve; see 'planmerge serve --help' once it \
            is installed, and docs/SERVE.md.

            Example: planmerge serve --repo /srv/plan/hub.git --listen unix:/run/planmerge.sock \
            --auth header:X-Remote-User
            """
    )

    /// The external command's name.
    static let executableName = "planmerge-serve"

    @Argument(parsing: .captureForPassthrough, help: "Arguments for planmerge-serve.")
    var arguments: [String] = []

    func run() throws {
        guard let path = ServeCommand.locate() else {
            Console.error(
                "planmerge: serve needs '\(ServeCommand.executableName)', which is neither next to this planmerge nor on PATH"
            )
            Console.error(
                "hint: build it with 'swift build --product \(ServeCommand.executableName)' and put it beside planmerge"
            )
            throw ExitCode(PlanmergeExit.environment.rawValue)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        throw ExitCode(process.terminationStatus)
    }

    /// `planmerge-serve` beside the running planmerge, else the first on PATH.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fileManager = FileManager.default
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [own.appendingPathComponent(executableName).path]
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            candidates.append(URL(fileURLWithPath: String(folder)).appendingPathComponent(executableName).path)
        }
        return candidates.first { fileManager.isExecutableFile(atPath: $0) }
    }
}
