import Foundation
import PlanImport
import PlanModel
import PlanRender
import XCTest

/// Shared helpers: the example plans, rendering, importing, and LibreOffice.
enum ImportFixture {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func loadPlan(_ relative: String) throws -> Plan {
        let result = try PlanLoader().load(from: FolderSource(root: packageRoot.appendingPathComponent(relative)))
        return try XCTUnwrap(result.plan, "\(relative) does not load")
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planmerge-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A map naming each partner of the plan by its manifest name (what the DOCX shows).
    static func partnerMap(for plan: Plan) -> PartnerMap {
        var names: [String: String] = [:]
        var entries: [String: String] = [:]
        for p in plan.manifest.partners {
            names[p.id] = p.name
            entries[p.name] = p.id
        }
        return PartnerMap(names: names, entries: entries)
    }

    static func importFiles(_ documents: [SourceDocument], options: ImportOptions) throws -> ImportedPlan {
        var mapper = PlanMapper(options: options)
        return try mapper.map(documents)
    }

    /// Writes an imported plan into a new folder and loads it back (as `import --into` does).
    static func writeAndLoad(_ imported: ImportedPlan) throws -> (plan: Plan, diagnostics: [Diagnostic], folder: URL) {
        let folder = try temporaryFolder()
        try Data(imported.manifest.utf8).write(to: folder.appendingPathComponent(Manifest.fileName))
        for (path, text) in imported.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = try PlanLoader().load(from: FolderSource(root: folder))
        let plan = try XCTUnwrap(result.plan, "the imported plan does not load: \(result.diagnostics)")
        return (plan, result.diagnostics + Validator().validate(plan), folder)
    }

    /// What the done-when compares of an action.
    struct Compared: Hashable, CustomStringConvertible {
        var ref: String
        var recommendation: Int
        var partner: String
        var text: String
        var due: String?
        var leads: [String]
        var status: ActionStatus?
        var success: [String]
        /// The rest of the action: milestones, resources, risk, monitoring, see also, links,
        /// details and notes, as the section format writes them (free-text lines trimmed: a
        /// cell keeps no indent).
        var rest: [String]

        init(_ placed: PlacedAction) {
            ref = placed.action.ref.description
            recommendation = placed.action.ref.recommendation
            partner = placed.partner
            text = placed.action.text
            due = placed.action.due?.text
            leads = placed.action.leads
            status = placed.action.status
            success = placed.action.success
            rest =
                [ActionField.milestone, .resources, .risk, .monitoring, .seeAlso, .link].flatMap {
                    SectionFormatter.values(of: $0, in: placed.action)
                } + (placed.action.details + placed.action.notes).map { $0.trimmingCharacters(in: .whitespaces) }
        }

        var description: String {
            "\(ref) [\(partner)] \(text) | \(due ?? "-") | \(leads) | \(status?.rawValue ?? "-") | \(success)"
        }
    }

    // MARK: Programs

    /// Runs a program to the end and returns its exit status and both outputs as text.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    // MARK: LibreOffice

    /// `soffice`, or nil when LibreOffice is not installed.
    static var soffice: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/soffice"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Converts `input` with LibreOffice (`soffice --headless --convert-to`), in its own
    /// profile under a temporary HOME; returns the converted file.
    static func convert(_ input: URL, to filter: String, extension ext: String, infilter: String? = nil) throws -> URL {
        guard let soffice else { throw XCTSkip("LibreOffice (soffice) is not installed") }
        let home = try temporaryFolder()
        let outdir = try temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments =
            ["--headless", "--norestore"] + (infilter.map { ["--infilter=\($0)"] } ?? [])
            + ["--convert-to", filter, "--outdir", outdir.path, input.path]
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: home)
        let output = outdir.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + ext)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw NSError(
                domain: "soffice", code: Int(process.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: "soffice did not convert \(input.lastPathComponent)"])
        }
        return output
    }
}
