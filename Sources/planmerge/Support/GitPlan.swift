import Foundation
import GitKit
import PlanGit
import PlanModel

/// Opening the repository a command works on, with errors a user can act on.
enum GitPlan {
    /// The repository at `path` (or the current directory), searching upwards.
    static func repository(at path: String?) throws -> Repository {
        let start = path ?? FileManager.default.currentDirectoryPath
        do {
            return try Repository.open(at: start)
        } catch {
            throw UserError(
                "\(start) is not in a git repository (\(ErrorText.describe(error)))",
                hint: "run the command inside the hub or a clone of the plan, or give it with --repo PATH")
        }
    }

    /// The plan at a revision, or a user error naming the revision.
    static func source(_ repository: Repository, revision: String) throws -> GitTreeSource {
        do {
            return try GitTreeSource(repository: repository, revision: revision)
        } catch {
            throw UserError(
                "no such revision '\(revision)' (\(ErrorText.describe(error)))",
                hint: "use a branch, tag or commit id: main, cabinet/2008-09-01, 1a2b3c4")
        }
    }
}
