import Foundation
import GitKit
import PlanModel

/// A repository in the demo that commits straight to its main (no work tree): the hub's
/// coordinator, or a partner's clone.
struct DemoRepository {
    let repository: Repository
    let path: String

    /// A partner's clone of the hub: a new repository with the hub's main fetched into it.
    static func clone(hub: String, to path: String) throws -> DemoRepository {
        let repository = try Repository(at: path, bare: true)
        try repository.fetch(url: hub, refspec: "+refs/heads/main:refs/heads/main")
        return DemoRepository(repository: repository, path: path)
    }

    func text(_ path: String) throws -> String {
        String(
            decoding: try BranchCommitter(repository: repository).read(path, on: HubLayout.mainRef) ?? [], as: UTF8.self
        )
    }

    @discardableResult
    func commit(_ files: [String: String?], as author: Signature, _ message: String) throws -> ObjectID? {
        try BranchCommitter(repository: repository).commit(
            files.mapValues { $0.map { Array($0.utf8) } }, on: HubLayout.mainRef, message: message, author: author)
    }

    /// Rewrites one file with `change` and commits it.
    @discardableResult
    func edit(_ path: String, as author: Signature, _ message: String, _ change: (String) -> String) throws -> ObjectID?
    {
        try commit([path: change(try text(path))], as: author, message)
    }

    /// Brings the hub's main into this clone when it has nothing of its own (fast-forward).
    func pull(from hub: String) throws {
        try repository.fetch(url: hub, refspec: "+refs/heads/main:refs/demo/hub")
        guard let upstream = try repository.reference(named: "refs/demo/hub"),
            let mine = try repository.reference(named: HubLayout.mainRef),
            try repository.isDescendant(upstream, of: mine)
        else { return }
        try repository.updateReference(
            HubLayout.mainRef, to: upstream, expected: mine, message: "demo: fast-forward to the hub")
    }
}

/// Fixed, increasing commit times, so the demo tells the same story every run.
struct DemoClock {
    private var time: Int64 = 1_217_577_600  // 2008-08-01 08:00 UTC

    mutating func signature(_ name: String, _ email: String) -> Signature {
        time += 47 * 60
        return Signature(name: name, email: email, time: time, offsetMinutes: 60)
    }
}
