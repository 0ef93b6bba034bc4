import ArgumentParser
import Foundation
import GitKit
import PlanModel

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite section files in canonical form (or check that they are).",
        discussion: """
            PATH may be section files or folders (every sections/<partner>/<N>.md below them). A file with \
            errors is never rewritten: fix the errors first (planmerge validate). Files are replaced \
            atomically.

            Exit 0 when all files are (now) canonical; with --check, 1 when any file would change; 1 when a \
            file has errors; 2 on usage errors.

            Examples:
              planmerge fmt sections/leicester-pct/15.md
              planmerge fmt --check Repos/leicester
            """
    )

    @Argument(help: "Section files or plan folders. Default: the plan holding the current directory.")
    var paths: [String] = []

    @Flag(help: "Change nothing; list the files that are not in canonical form.")
    var check = false

    func run() throws {
        let files = try SectionFiles.collect(paths.isEmpty ? [PlanLocator.folder(nil).path] : paths)
        var changed: [String] = []
        var broken = false
        for file in files {
            let bytes = try SectionFiles.read(file)
            let result = SectionParser().parse(bytes, path: file)
            if result.diagnostics.hasErrors {
                broken = true
                Console.error(TextReporter.render(result.diagnostics.filter { $0.severity == .error }))
                Console.error("\(file): not formatted: it has errors")
                continue
            }
            let canonical = Array(SectionFormatter.format(result.section).utf8)
            guard canonical != bytes else { continue }
            changed.append(file)
            if !check { try SectionFiles.writeAtomically(canonical, to: file) }
        }
        for file in changed { Console.out(check ? "would reformat \(file)" : "reformatted \(file)") }
        if check { Console.out("\(files.count) files checked, \(changed.count) not canonical") }
        if broken || (check && !changed.isEmpty) { throw PlanmergeExit.problems.code }
    }
}

/// Finding, reading and atomically replacing section files on disk.
enum SectionFiles {
    static func collect(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UserError("no such file or folder: \(path)")
            }
            if !isDirectory.boolValue {
                out.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            for relative in try FolderSource(path: base).listFiles() where isSectionPath(relative) {
                out.append("\(base)/\(relative)")
            }
        }
        return out
    }

    private static func isSectionPath(_ relative: String) -> Bool {
        // The last three components, `sections/<partner>/<N>.md`, by the plan's one path rule.
        let tail = relative.split(separator: "/").suffix(3).joined(separator: "/")
        return PlanLoader.isSectionFile(tail)
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("cannot read \(path)")
        }
        return [UInt8](data)
    }

    /// Writes to a temporary file beside the target, then renames it over the target.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw UserError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
