import GitKit
import PlanModel

extension Repository {
    /// The bytes of a plan file held by a tree or index entry; anything that is not a plain
    /// file (a symbolic link, a submodule) or cannot be read is a `PlanSourceError`.
    func planFile(_ entry: TreeEntry, path: String) throws -> [UInt8] {
        guard entry.mode.isFile else {
            throw PlanSourceError.unreadable(path, reason: "it is a \(entry.mode), not a file")
        }
        do {
            return try blob(entry.id)
        } catch {
            throw PlanSourceError.unreadable(path, reason: "\(error)")
        }
    }
}
