import GitKit
import PlanModel

/// Who may change what: a partner only its own `sections/<id>/` folder (like gitolite's
/// path rules); the manifest and everything else belong to the coordinator.
public enum PathOwnership {
    /// Why changes by `partners` (their ids) to `paths` are refused; empty when every path
    /// is inside one of their folders.
    public static func refusals(paths: some Sequence<String>, partners: [String], manifest: Manifest?) -> [String] {
        let folders = partners.map { "sections/\($0)/" }
        let mine = partners.joined(separator: ", ")
        let allowed = folders.joined(separator: " or ")
        return paths.sorted().filter { path in !folders.contains { path.hasPrefix($0) } }.map { path in
            if path == Manifest.fileName {
                return "\(path) is the plan manifest, which only the coordinator changes; \(mine) may change only \(allowed)"
            }
            return "\(path) belongs to \(owner(of: path, in: manifest)); \(mine) may change only \(allowed)"
        }
    }

    /// "University Hospitals of Leicester NHS Trust (uhl)", or "the coordinator".
    public static func owner(of path: String, in manifest: Manifest?) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "sections", !parts[1].isEmpty else { return "the coordinator" }
        let id = String(parts[1])
        if let partner = manifest?.partner(id) { return "\(partner.name) (\(id))" }
        return "the folder of partner '\(id)', which the manifest does not list (the coordinator's)"
    }

    /// The largest file a partner may send (1 MiB): a plan file is a page of text.
    public static let maxFileBytes = 1 << 20

    /// Why entries at `paths` cannot be plan files: symbolic links, submodules, names that
    /// are not UTF-8, and (when `repository` is given to read blob headers) files larger
    /// than `maxFileBytes` or binary. Plan files are plain text files only. Used by the
    /// pre-commit and server hooks and by consolidation alike.
    public static func unsafeEntries(
        _ paths: some Sequence<String>, in entries: [String: TreeEntry], repository: Repository? = nil,
        maxFileBytes: Int = PathOwnership.maxFileBytes
    ) -> [String] {
        paths.sorted().compactMap { path in
            guard let entry = entries[path] else { return nil }
            if !entry.pathIsValidUTF8 { return "\(path): the file name is not valid UTF-8" }
            switch entry.mode {
            case .link: return "\(path) is a symbolic link; plan files must be plain text files"
            case .commit: return "\(path) is a submodule; plan files must be plain text files"
            case .blob, .executable:
                guard let repository else { return nil }
                let size = (try? repository.blobSize(entry.id)) ?? 0
                if size > maxFileBytes { return "\(path) is \(size) bytes, more than the \(maxFileBytes) a plan file may have" }
                if (try? repository.isBinary(entry.id)) == true { return "\(path) is a binary file; plan files must be plain text" }
                return nil
            default: return "\(path) is a \(entry.mode); plan files must be plain text files"
            }
        }
    }
}
