import GitKit
import PlanModel

/// Who may change what: a partner only its own `sections/<id>/` folder (like gitolite's
/// path rules); the manifest and everything else belong to the coordinator.
public enum PathOwnership {
    /// Why changes by `partners` (their ids) to `paths` are refused; empty when every path
    /// is inside one of their folders. `next` gives, for a refused path, the commands that
    /// undo the change (`undoCommands`); each refusal ends with them.
    public static func refusals(
        paths: some Sequence<String>, partners: [String], manifest: Manifest?, next: ((String) -> String)? = nil
    ) -> [String] {
        let folders = partners.map { "sections/\($0)/" }
        let mine = partners.joined(separator: ", ")
        let allowed = folders.joined(separator: " or ")
        return paths.sorted().filter { path in !folders.contains { path.hasPrefix($0) } }.map { name in
            let path = ObjectRules.displayPath(name)
            let then = next.map { ". Next: \($0(name))" } ?? ""
            if name == Manifest.fileName {
                return
                    "\(path) is the plan manifest, which only the coordinator changes; \(mine) may change only \(allowed)\(then)"
            }
            return "\(path) belongs to \(owner(of: name, in: manifest)); \(mine) may change only \(allowed)\(then)"
        }
    }

    /// The paths of `paths` that a result really changes: a file left exactly as it is in
    /// one of `references` (main as last seen; the merge base with main) is not a change to
    /// it, whoever's it is. So undoing a change to another partner's file (putting it back
    /// as it is on main, or as at the merge base when main has not changed it since) is
    /// accepted, at commit, at push and at consolidate; a file absent from `result` and
    /// from a reference is unchanged too. The one rule ownership is judged by.
    public static func netChanges(
        _ paths: some Sequence<String>, result: [String: TreeEntry], references: [[String: TreeEntry]]
    ) -> Set<String> {
        Set(
            paths.filter { path in
                let entry = result[path]
                return !references.contains { reference in
                    reference[path]?.id == entry?.id && reference[path]?.mode == entry?.mode
                }
            })
    }

    /// The commands that put `path` back as it is on main, typed in the committer's clone
    /// where `mainName` names main as last fetched (e.g. `origin/main`): a checkout of main's
    /// version when `main` has the file, else its removal from the commit.
    public static func undoCommands(_ path: String, main: [String: TreeEntry]?, mainName: String) -> String {
        let shown = shellWord(ObjectRules.displayPath(path))
        if main?[path] != nil || main == nil { return "git checkout \(mainName) -- \(shown)" }
        return "git rm --cached \(shown) (it is not on main; move your copy elsewhere or delete it)"
    }

    /// `path` as one shell word: quoted when it holds anything but plain name characters.
    static func shellWord(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || "/._-+".unicodeScalars.contains($0)
        }
        return plain
            ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// "University Hospitals of Leicester NHS Trust (uhl)", or "the coordinator".
    public static func owner(of path: String, in manifest: Manifest?) -> String {
        guard let id = SectionFile.splitFolder(path)?.partner else { return "the coordinator" }
        if let partner = manifest?.partner(id) { return "\(partner.name) (\(id))" }
        return "the folder of partner '\(id)', which the manifest does not list (the coordinator's)"
    }

    /// The largest file a partner may send (1 MiB): a plan file is a page of text.
    public static let maxFileBytes = ObjectRules.maxFileBytes

    /// Why entries at `paths` cannot be plan files, by `ObjectRules`: unsafe names (`.git`
    /// in any spelling, control characters, not UTF-8), symbolic links, submodules, and
    /// (when `repository` is given to read blob headers) files larger than `maxFileBytes`
    /// or binary. A blob that cannot be read is refused too. Used by the pre-commit hook
    /// on the index; commits and pushes go through `HistoryCheck`, which applies the same
    /// rules to every commit.
    public static func unsafeEntries(
        _ paths: some Sequence<String>, in entries: [String: TreeEntry], repository: Repository? = nil,
        maxFileBytes: Int = PathOwnership.maxFileBytes
    ) -> [String] {
        paths.sorted().compactMap { path in
            guard let entry = entries[path] else { return nil }
            let shown = ObjectRules.displayPath(path)
            if !entry.pathIsValidUTF8 { return "\(shown): the file name is not valid UTF-8" }
            for component in path.split(separator: "/", omittingEmptySubsequences: false) {
                if let problem = ObjectRules.nameProblem(Array(component.utf8)) { return "\(shown): \(problem)" }
            }
            let modeText = ObjectRules.modeText(entry.mode.rawValue)
            let kind = ObjectRules.kind(ofMode: modeText)
            if let problem = ObjectRules.modeProblem(kind, modeText: modeText, path: shown) { return problem }
            guard kind == .file || kind == .executable else {
                return "\(shown) is a \(entry.mode); plan files must be plain text files"
            }
            guard let repository else { return nil }
            do {
                let size = try repository.blobSize(entry.id)
                if let problem = ObjectRules.sizeProblem(size, limit: maxFileBytes, path: shown) { return problem }
                if try repository.isBinary(entry.id) {
                    return "\(shown) is a binary file; plan files must be plain text"
                }
                return nil
            } catch {
                return "\(shown) cannot be read (\(error)); an unreadable file is refused"
            }
        }
    }
}
