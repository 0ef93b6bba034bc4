import Foundation
import XCTest

/// Builds the histories a hostile partner could publish: trees written byte for byte with
/// `git hash-object --literally` (any name, any mode text, names twice, any order), which
/// neither `git add` nor libgit2 would write.
extension TestRepo {
    /// One entry of a tree as stored: mode text (`100644`, `40000`, or a malformed one),
    /// name bytes, object id (hex).
    struct RawEntry {
        var mode: String
        var name: [UInt8]
        var id: String

        init(_ mode: String, _ name: String, _ id: String) {
            self.init(mode, Array(name.utf8), id)
        }

        init(_ mode: String, _ name: [UInt8], _ id: String) {
            self.mode = mode
            self.name = name
            self.id = id
        }
    }

    /// Writes `bytes` as a blob; returns its id.
    func blob(_ bytes: [UInt8]) throws -> String {
        let file = base + "/blob-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try git("hash-object", "-w", file)
    }

    func blob(_ text: String) throws -> String { try blob(Array(text.utf8)) }

    /// Writes a tree holding exactly `entries`, in the order given; returns its id.
    func rawTree(_ entries: [RawEntry]) throws -> String {
        var bytes: [UInt8] = []
        for entry in entries {
            bytes += Array(entry.mode.utf8) + [0x20] + entry.name + [0]
            var hex = Array(entry.id.utf8)
            while hex.count >= 2 {
                bytes.append(UInt8(String(decoding: hex.prefix(2), as: UTF8.self), radix: 16)!)
                hex.removeFirst(2)
            }
        }
        let file = base + "/tree-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try git("hash-object", "-t", "tree", "--literally", "-w", file)
    }

    /// The entries of tree `tree` as stored (`git ls-tree -z`).
    func entries(ofTree tree: String) throws -> [RawEntry] {
        try git("ls-tree", "-z", tree).split(separator: "\0").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts[0].split(separator: " ")
            let mode = fields[0] == "040000" ? "40000" : String(fields[0])
            return RawEntry(mode, Array(parts[1].utf8), String(fields[2]))
        }
    }

    /// Tree `tree` (nil: empty) with `entry` put at `folders` (replacing an entry of the
    /// same name), the entries of each folder kept in git's order.
    func tree(_ tree: String?, putting entry: RawEntry, in folders: [String] = []) throws -> String {
        var entries = try tree.map { try self.entries(ofTree: $0) } ?? []
        guard let folder = folders.first else {
            entries.removeAll { $0.name == entry.name }
            entries.append(entry)
            return try rawTree(entries.sorted { sortKey($0).lexicographicallyPrecedes(sortKey($1)) })
        }
        let existing = entries.first { $0.name == Array(folder.utf8) && $0.mode == "40000" }?.id
        let sub = try self.tree(existing, putting: entry, in: Array(folders.dropFirst()))
        return try self.tree(tree, putting: RawEntry("40000", folder, sub))
    }

    private func sortKey(_ entry: RawEntry) -> [UInt8] { entry.mode == "40000" ? entry.name + [0x2F] : entry.name }

    /// A commit of `tree` on `parent`; returns its id.
    func commit(tree: String, parent: String, message: String) throws -> String {
        try git("commit-tree", tree, "-p", parent, "-m", message)
    }

    /// Publishes a hostile history: a commit of `tree` on HEAD, then one that restores
    /// HEAD's tree (the unsafe object undone), both on `main`. Returns the hostile commit.
    @discardableResult
    func publishUndone(tree: String, message: String = "Hostile commit") throws -> String {
        let head = try git("rev-parse", "HEAD")
        let bad = try commit(tree: tree, parent: head, message: message)
        let undo = try commit(tree: try git("rev-parse", "HEAD^{tree}"), parent: bad, message: "Undo it")
        try git("update-ref", "refs/heads/main", undo)
        return bad
    }

    /// True if the object exists in this repository.
    func has(_ id: String) -> Bool { (try? git("cat-file", "-e", id)) != nil }

    /// A clone of this repository with `transfer.fsckObjects` on must work.
    func assertClonesWithFsck(file: StaticString = #filePath, line: UInt = #line) {
        do {
            try git(
                "-c", "transfer.fsckObjects=true", "clone", "-q", "--bare", path,
                base + "/fsck-clone-\(UUID().uuidString)")
        } catch {
            XCTFail("clone with transfer.fsckObjects failed: \(error)", file: file, line: line)
        }
    }
}
