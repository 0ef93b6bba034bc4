import Foundation
import GitKit
import PlanModel

/// Finds the plan a command works on: an explicit folder, or the nearest folder at or
/// above the current directory holding `plan.yaml`.
enum PlanLocator {
    static func folder(_ path: String?) throws -> URL {
        let start = URL(fileURLWithPath: path ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: start.path, isDirectory: &isDirectory) else {
            throw UserError("no such folder: \(start.path)")
        }
        let folder = isDirectory.boolValue ? start : start.deletingLastPathComponent()
        guard let root = FolderSource.findRoot(from: folder) else {
            throw UserError(
                "no plan here: neither \(folder.path) nor a folder above it holds \(Manifest.fileName)",
                hint: "give the plan folder as PATH, or create a hub with 'planmerge init'")
        }
        return root
    }

    /// How to print a plan root before relative paths: as the user wrote it when possible.
    static func displayPrefix(for root: URL, given: String?) -> String? {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let rootPath = root.standardizedFileURL.path
        if rootPath == cwd { return nil }
        if rootPath.hasPrefix(cwd + "/") { return String(rootPath.dropFirst(cwd.count + 1)) }
        return rootPath
    }
}
