import ArgumentParser
import Foundation
import PlanImport
import PlanModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn an existing plan (Word tables, a spreadsheet, CSV) into a planmerge plan.",
        discussion: """
            Reads .docx (body tables, merged cells, repeated headers, bullets), .xlsx (every sheet; date \
            cells) and .csv/.tsv (any common delimiter; UTF-8 or Windows-1252). Columns are recognised by \
            their header in any order. Every source row is accounted for: imported, continued into the action \
            above, a header or heading, or skipped with a reason, each with its place. Nothing is written and \
            the exit code is 1 when a row could not be placed. The plan written is canonical and is validated \
            with missing fields as warnings. See docs/IMPORT.md.

            Example:
              planmerge import plan.docx --suggest-map --authority "Leicester City Council" > map.yaml
              planmerge import plan.docx --into jar-plan --map map.yaml --authority "Leicester City Council"
            """
    )

    @Argument(help: "The plan's files: .docx, .xlsx, .csv or .tsv.")
    var files: [String]

    @Option(help: "Write the plan into this folder (new or empty).")
    var into: String?

    @Option(help: "A partner map (YAML): officer or organisation -> partner id, with a default.")
    var map: String?

    @Option(help: "The plan's title (default: the document's title).")
    var title: String?

    @Option(help: "The lead authority, e.g. 'Leicester City Council'.")
    var authority: String?

    @Flag(help: "Print a draft partner map from the leads and organisations found, and write nothing.")
    var suggestMap = false

    @Option(help: "Report format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the plan's file(s), e.g. plan.docx") }
        if into == nil, !suggestMap {
            throw ValidationError("give --into DIR, the folder to write the plan into (or --suggest-map)")
        }
    }

    func run() throws {
        var options = ImportOptions(title: title, authority: authority)
        if let map {
            guard let data = FileManager.default.contents(atPath: map) else { throw UserError("cannot read \(map)") }
            do {
                options.partnerMap = try PartnerMap(yaml: String(decoding: data, as: UTF8.self), file: map)
            } catch let error as PartnerMapError {
                throw UserError("\(error)", hint: "draft one with 'planmerge import FILE --suggest-map > map.yaml'")
            }
        }
        let imported: ImportedPlan
        do {
            imported = try PlanImporter.importPlan(paths: files, options: options)
        } catch let error as ImportError {
            throw UserError(error.description, hint: error.hint)
        }
        if suggestMap {
            let fallback = options.partnerMap?.defaultPartner ?? PartnerMap.slug(authority ?? "council")
            Console.out(MapDraft.yaml(names: imported.names, defaultPartner: fallback, files: files))
            return
        }
        guard let into else { return }
        var written: [String] = []
        var validation: (errors: Int, warnings: Int)?
        if imported.isComplete {
            try write(imported, into: into)
            written = [Manifest.fileName] + imported.files.keys.sorted()
            validation = try validate(into)
        }
        switch format {
        case .json: try printJSON(imported, written: written, validation: validation)
        case .text: printText(imported, written: written, validation: validation)
        }
        if !imported.isComplete || (validation?.errors ?? 0) > 0 { throw ExitCode(PlanmergeExit.problems.rawValue) }
    }

    var emptyFolder: String { "give --into a new or empty folder" }

    func write(_ plan: ImportedPlan, into folder: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder) {
            let existing: [String]
            do {
                existing = try fm.contentsOfDirectory(atPath: folder)
            } catch {
                throw UserError("\(folder) exists and is not a folder that can be read", hint: emptyFolder)
            }
            if !existing.isEmpty { throw UserError("\(folder) is not empty", hint: emptyFolder) }
        }
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            try Data(plan.manifest.utf8).write(to: root.appendingPathComponent(Manifest.fileName), options: .atomic)
            for (path, text) in plan.files {
                let url = root.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw UserError("cannot write into \(folder): \(error.localizedDescription)")
        }
    }

    /// Loads and validates the written plan; the counts of errors and warnings.
    func validate(_ folder: String) throws -> (errors: Int, warnings: Int) {
        let diagnostics = try PlanLoader().check(from: FolderSource(path: folder)).diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { Console.error(TextReporter.render(errors)) }
        return (errors.count, diagnostics.count - errors.count)
    }

    func printText(_ plan: ImportedPlan, written: [String], validation: (errors: Int, warnings: Int)?) {
        var out: [String] = []
        for row in plan.report.rows {
            var line = "\(row.place): \(row.outcome.rawValue)"
            if let ref = row.ref { line += " \(ref)" }
            if let partner = row.partner, row.outcome == .imported { line += " (\(partner))" }
            out.append(line)
            out += row.notes.map { "  \($0)" }
        }
        out += plan.report.notes.map { "note: \($0)" }
        out += plan.diagnostics.map { "\($0.location): error: [\($0.rule)] \($0.message)" }
        out.append(plan.report.summary)
        if let into, let validation {
            out.append(
                "wrote \(into): \(written.count) files (\(plan.files.count) section files); "
                    + "validate: \(validation.errors) errors, \(validation.warnings) warnings")
        } else {
            out.append(
                plan.files.isEmpty
                    ? "nothing written: no action found"
                    : "nothing written: place every row first (see the rows 'unplaced' above)")
        }
        Console.out(out.joined(separator: "\n"))
    }

    struct JSONReport: Encodable {
        var complete: Bool
        var rows: [RowOutcome]
        var notes: [String]
        var written: [String]
        var errors: Int?
        var warnings: Int?
    }

    func printJSON(_ plan: ImportedPlan, written: [String], validation: (errors: Int, warnings: Int)?) throws {
        let report = JSONReport(
            complete: plan.isComplete, rows: plan.report.rows,
            notes: plan.report.notes + plan.diagnostics.map { "\($0.location): \($0.message)" }, written: written,
            errors: validation?.errors, warnings: validation?.warnings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Console.out(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
