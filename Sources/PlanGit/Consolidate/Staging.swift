import Foundation
import GitKit
import PlanModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The limits one partner's fetch is held to.
public struct FetchLimits: Sendable {
    /// The largest file (blob) a partner may send.
    public var maxFileBytes = ObjectRules.maxFileBytes
    /// The most a network fetch of one partner may receive before it is stopped.
    public var maxTransferBytes = ObjectRules.maxTransferBytes

    public init(maxFileBytes: Int = ObjectRules.maxFileBytes, maxTransferBytes: Int = ObjectRules.maxTransferBytes) {
        self.maxFileBytes = maxFileBytes
        self.maxTransferBytes = maxTransferBytes
    }
}

/// Where partners' fetched objects wait to be checked before any of them enters the hub:
/// a bare repository of this run under the hub's git folder
/// (`planmerge/staging/<run>`), borrowing the hub's objects as an alternate and holding
/// references to the commits the hub has (so a network fetch negotiates from them and
/// brings only what is new). Each partner is fetched into it and checked commit by commit
/// (`HistoryCheck`); only a history that passes is copied into the hub (one pack) and
/// named by the hub's `refs/planmerge/partners/<id>`. A refused history never enters the
/// hub, so the hub needs no pruning and `git fsck --strict` on it stays clean; its head is
/// remembered (`StagingRejections`) and not fetched again while unchanged. The folder is
/// made when the first partner needs it (`StagingArea`) and removed at the end of the run.
///
/// A published head the hub already has (its last fetched head, main, or a commit in main's
/// or that head's history) brings no object: it is neither fetched nor checked, and only
/// the hub's reference moves, as `git fetch` finds a reference whose commit it has "up to
/// date" without a pack.
///
/// For a path or `file://` remote, libgit2's local transport would build the pack in this
/// process from every reference of the partner's repository, reading whole objects, before
/// any progress callback can stop it; so it is not used: the partner's repository is opened
/// read-only, the published head's new objects are checked there by their headers (and
/// the same rules), and exactly those are copied (one pack) into staging. A network remote
/// is bounded by `FetchLimits.maxTransferBytes`, counted by the progress callback.
struct Staging: Sendable {
    let hubGitDir: String
    let path: String

    /// Creates this run's staging repository (and removes those of runs that were killed).
    /// It holds main; `stage` adds each partner's last fetched head before fetching it.
    static func create(hubGitDir: String) throws -> Staging {
        let hubDir = hubGitDir.hasSuffix("/") ? hubGitDir : hubGitDir + "/"
        removeAbandoned(in: hubDir + "planmerge/staging")
        let run = "run-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let path = hubDir + "planmerge/staging/" + run
        let repository = try Repository(at: path, bare: true)
        let hubObjects = URL(fileURLWithPath: hubDir + "objects").standardizedFileURL.path
        try Data((hubObjects + "\n").utf8).write(to: URL(fileURLWithPath: path + "/objects/info/alternates"))
        // The hub's own settings (core.sshCommand, http.sslCAInfo, http.proxy, credential
        // helpers) apply to fetches made from here, as if the hub fetched itself.
        try repository.setConfigString("include.path", hubDir + "config")
        let hub = try Repository.open(at: hubDir)
        // The hub's commits as references of the staging repository: a fetch tells the
        // remote it has them.
        if let main = try hub.reference(named: HubLayout.mainRef) {
            try repository.updateReference(HubLayout.mainRef, to: main, expected: nil, message: "planmerge: staging")
        }
        return Staging(hubGitDir: hubDir, path: path)
    }

    /// Removes the staging folders of runs whose process is gone (`run-<pid>-...`): a killed
    /// run cannot remove its own.
    private static func removeAbandoned(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names {
            let parts = name.split(separator: "-")
            guard parts.count == 3, parts[0] == "run", let pid = Int32(parts[1]) else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                // Scratch folders of dead runs: one left behind is removed by a later run.
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Removes this run's staging repository and every object in it.
    func remove() {
        // Cleanup of a scratch folder: a failure leaves a folder no later run reads.
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Fetches `partner` from `url` into staging (made by `area` at first need), checks every
    /// new commit, and admits a history that passes into `hub` (the hub, opened on this
    /// thread; `area`'s hub). Returns what happened;
    /// a refused history is not an error here: it is remembered, and
    /// `StagingRejections.overrule` reports it. `progress` is told objects received, objects
    /// expected, bytes received.
    static func stage(
        _ partner: Partner, url: String, hub: Repository, in area: StagingArea, timeout: Duration,
        limits: FetchLimits,
        progress: @escaping @Sendable (Int, Int, Int) -> Void
    ) -> StageOutcome {
        let hubGitDir = area.hubGitDir
        let publication = partner.publication
        let decision = Decision()
        let rejections = StagingRejections(hubGitDir: hubGitDir)
        do {
            let current = try hub.reference(named: publication.hubRef)
            let known = [current, try hub.reference(named: HubLayout.mainRef)].compactMap { $0 }
            let remembered = try rejections.read(partner.id)
            /// Whether the head `head` needs fetching at all (told on the fetching thread:
            /// compares ids only).
            let decide: @Sendable (ObjectID) -> Decision.Verdict? = { head in
                decision.head = head
                if head == current { return .unchanged }
                if head == remembered?.head { return .remembered }
                // main (a partner that pulled and published nothing of its own): no object
                // is new, nothing to fetch or check.
                if known.contains(head) { return .inHub }
                return nil
            }
            /// This run's staging repository, holding the partner's last fetched head.
            func stagingRepository() throws -> Repository {
                let staging = try Repository.open(at: try area.staging().path)
                if let current, try staging.reference(named: publication.hubRef) == nil {
                    try staging.updateReference(
                        publication.hubRef, to: current, expected: nil, message: "planmerge: staging")
                }
                return staging
            }
            var copied = 0
            var stagingRepositoryUsed: Repository?
            if let localPath = Staging.localPath(url) {
                // libgit2's local transport would pack every reference of the partner's
                // repository, reading whole objects: check the published head's new objects
                // there by their headers, then copy exactly those.
                let remote = try Repository.open(at: localPath)
                guard let head = try remote.reference(named: publication.branch) else { return .nothingFetched }
                decision.verdict = try decide(head) ?? (Staging.inHistory(head, of: known, in: hub) ? .inHub : nil)
                if decision.verdict == nil {
                    let staging = try stagingRepository()
                    let reasons = try HistoryCheck(repository: remote, maxFileBytes: limits.maxFileBytes, trusted: hub)
                        .refusals(heads: [head], known: known)
                    if reasons.isEmpty {
                        copied = try remote.writePack(
                            from: [head], hiding: known, into: staging.gitDir + "objects/pack")
                        progress(copied, copied, 0)
                        try staging.updateReference(
                            publication.hubRef, to: head, expected: current,
                            message: "planmerge: copied from \(localPath)")
                        // Checked again where it was copied (below), as a network fetch is.
                        stagingRepositoryUsed = staging
                    } else {
                        decision.verdict = .refused(reasons)
                    }
                }
            } else {
                let staging = try stagingRepository()
                stagingRepositoryUsed = staging
                try staging.fetch(
                    url: url, refspecs: ["+\(publication.branch):\(publication.hubRef)"], timeout: timeout,
                    maxBytes: limits.maxTransferBytes,
                    beforeDownload: { advertised in
                        guard let head = advertised[publication.branch] else { return true }
                        decision.verdict = decide(head)
                        return decision.verdict == nil
                    },
                    progress: {
                        progress($0.receivedObjects, $0.totalObjects, $0.receivedBytes)
                        return true
                    })
            }
            switch decision.verdict {
            case .unchanged:
                try rejections.forget(partner.id)
                return .unchanged
            case .inHub:
                // Nothing new to check or copy: only the hub's name for the partner's head moves.
                if let head = decision.head {
                    try hub.updateReference(
                        publication.hubRef, to: head, expected: current,
                        message: "planmerge: \(RemoteURL.scrubbed(url)) publishes a commit the hub has")
                }
                try rejections.forget(partner.id)
                return .inHub
            case .remembered: return .remembered
            case .refused(let reasons):
                if let head = decision.head { try rejections.remember(partner.id, head: head, reasons: reasons) }
                return .refused
            case nil: break
            }
            guard let staging = stagingRepositoryUsed, let head = try staging.reference(named: publication.hubRef),
                head != current
            else { return .nothingFetched }
            let reasons = try HistoryCheck(repository: staging, maxFileBytes: limits.maxFileBytes, trusted: hub)
                .refusals(heads: [head], known: known)
            guard reasons.isEmpty else {
                try rejections.remember(partner.id, head: head, reasons: reasons)
                return .refused
            }
            let count = try staging.writePack(from: [head], hiding: known, into: hubGitDir + "objects/pack")
            try hub.updateReference(
                publication.hubRef, to: head, expected: current,
                message: "planmerge: fetched and checked from \(RemoteURL.scrubbed(url))")
            try rejections.forget(partner.id)
            return .fetched(objects: max(copied, count))
        } catch FetchError.overLimit(_, let limit, let received) {
            let text =
                "its remote sent more than \(limit) bytes (stopped at \(received)), the limit of one partner's "
                + "fetch (--max-transfer-bytes); nothing of it was kept"
            guard let head = decision.head else { return .failed(text) }
            do {
                let reason =
                    "commit \(head.short) (its head): \(text). "
                    + "The partner publishes smaller files, or the coordinator raises the limit. Next: "
                    + "planmerge consolidate --max-transfer-bytes <bytes>"
                try rejections.remember(partner.id, head: head, reasons: [reason])
            } catch {
                return .failed("\(error)")
            }
            return .refused
        } catch {
            return .failed("\(error)")
        }
    }

    /// Whether `head` is a commit the hub holds in the history of one of `known` (a partner
    /// whose branch went back to an older main): no object of it is new. Read in the hub
    /// only; a commit the hub lacks is not.
    private static func inHistory(_ head: ObjectID, of known: [ObjectID], in hub: Repository) throws -> Bool {
        guard try hub.objectHeader(head)?.type == .commit else { return false }
        for id in known where try hub.isDescendant(id, of: head) { return true }
        return false
    }

    /// The folder of a path or `file://` remote, nil for a network remote.
    static func localPath(_ url: String) -> String? {
        if url.hasPrefix("file://") { return String(url.dropFirst("file://".count)) }
        if url.hasPrefix("/") { return url }
        return nil
    }
}

/// What staging did with one partner's published branch.
enum StageOutcome: Equatable, Sendable {
    /// Nothing came: the branch is not published, or the fetch brought the head the hub has.
    case nothingFetched
    /// The head the hub fetched last time: not fetched again.
    case unchanged
    /// A commit the hub holds (main, or one in its history): not fetched nor checked; only
    /// the hub's reference to the partner's head moved.
    case inHub
    /// A head refused before: not fetched again.
    case remembered
    /// Refused now (remembered for `StagingRejections.overrule`).
    case refused
    /// Fetched, checked and copied into the hub: `objects` new objects.
    case fetched(objects: Int)
    /// The fetch failed: the error text.
    case failed(String)

    /// The error text, nil for every outcome but `failed`.
    var error: String? {
        if case .failed(let text) = self { return text }
        return nil
    }
}

/// This run's staging repository, made when the first partner needs it (a run where every
/// partner's head is one the hub has makes none) and removed by `remove`.
/// `@unchecked Sendable`: the one mutable field is guarded by `lock`.
final class StagingArea: @unchecked Sendable {
    /// The hub's git folder, with a trailing `/`.
    let hubGitDir: String
    private let lock = NSLock()
    private var made: Result<Staging, any Error>?

    init(hubGitDir: String) {
        self.hubGitDir = hubGitDir.hasSuffix("/") ? hubGitDir : hubGitDir + "/"
    }

    /// The staging repository, made at the first call; every call after a failure to make
    /// it fails the same way.
    func staging() throws -> Staging {
        lock.lock()
        defer { lock.unlock() }
        let hubGitDir = self.hubGitDir
        let result = made ?? Result { try Staging.create(hubGitDir: hubGitDir) }
        made = result
        do {
            return try result.get()
        } catch {
            throw StagingSetupError(reason: "\(error)")
        }
    }

    /// Whether the staging repository was made (for tests: a run with nothing new makes none).
    var wasMade: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .success = made { return true }
        return false
    }

    /// Removes the staging repository if it was made.
    func remove() {
        lock.lock()
        defer { lock.unlock() }
        if case .success(let staging) = made { staging.remove() }
    }
}

/// The staging repository could not be made: no partner can be fetched.
struct StagingSetupError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot prepare the staging repository: \(reason)" }
}

/// What the look at the advertised head decided, written on the fetch thread before the
/// fetch returns and read after. `@unchecked Sendable`: guarded by `lock`.
private final class Decision: @unchecked Sendable {
    enum Verdict: Equatable {
        case unchanged, remembered, inHub
        case refused([String])
    }

    private let lock = NSLock()
    private var storedHead: ObjectID?
    private var storedVerdict: Verdict?

    var head: ObjectID? {
        get { locked { storedHead } }
        set { locked { storedHead = newValue } }
    }

    var verdict: Verdict? {
        get { locked { storedVerdict } }
        set { locked { storedVerdict = newValue } }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
