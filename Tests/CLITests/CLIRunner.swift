import Foundation
import XCTest

/// Runs the built `planmerge` executable, as a user would.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The package root, and the executable built next to the test bundle (the test target
    /// depends on it, so it is the one just built; never a binary from another build).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static let executable: URL = {
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.appendingPathComponent("planmerge"),
            bundle.deletingLastPathComponent().appendingPathComponent("planmerge"),
        ]
        guard let built = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            fatalError("planmerge is not built beside the tests (\(bundle.path)): run 'swift build --build-tests'")
        }
        return built
    }()

    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], input: String? = nil
    )
        throws -> CLIResult
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryCopy(of relative: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(relative), to: target)
        return target
    }
}
