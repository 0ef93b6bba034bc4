import Foundation

/// Cloning a repository: what `git clone URL DIR` does, through the same fetch as every
/// other remote (credentials, ssh, proxies and certificates as in `fetch`).
extension Repository {
    /// Clones `url` into the folder `path` (which must not exist, or be empty): a new
    /// repository with the remote `origin` (`remote.origin.url`, the usual fetch refspec
    /// `+refs/heads/*:refs/remotes/origin/*`), every branch fetched under
    /// `refs/remotes/origin/`, the local branch `branch` started at `origin/<branch>` and
    /// tracking it (`branch.<branch>.remote`, `.merge`), and its files checked out. On
    /// failure the folder is removed again (when this created it) and nothing is left.
    public static func clone(url: String, into path: String, branch: String = "main", timeout: Duration?) throws
        -> Repository
    {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let existed = manager.fileExists(atPath: path, isDirectory: &isFolder)
        if existed {
            let empty = isFolder.boolValue && ((try? manager.contentsOfDirectory(atPath: path))?.isEmpty ?? false)
            guard empty else {
                throw GitError.invalid("\(path) already exists and is not an empty folder", operation: "clone \(url)")
            }
        }
        do {
            let repository = try Repository(at: path, bare: false, initialBranch: branch)
            let tracking = "refs/remotes/origin/"
            try repository.setConfigString("remote.origin.url", url)
            try repository.setLocalConfigValues("remote.origin.fetch", ["+refs/heads/*:\(tracking)*"])
            try repository.fetch(url: url, refspecs: ["+refs/heads/*:\(tracking)*"], timeout: timeout)
            guard let start = try repository.reference(named: tracking + branch) else {
                throw GitError.invalid("\(url) has no branch \(branch)", operation: "clone \(url)")
            }
            // HEAD is still unborn here, so every file of the tree is new and is written.
            try repository.checkout(tree: repository.tree(of: start))
            try repository.updateReference(
                "refs/heads/" + branch, to: start, expected: nil, message: "clone: from \(url)")
            try repository.setConfigString("branch.\(branch).remote", "origin")
            try repository.setConfigString("branch.\(branch).merge", "refs/heads/" + branch)
            return repository
        } catch {
            if existed {
                for item in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
                    try? manager.removeItem(atPath: path + "/" + item)
                }
            } else {
                try? manager.removeItem(atPath: path)
            }
            throw error
        }
    }
}
