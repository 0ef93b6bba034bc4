import Dispatch
import Foundation
import GitKit
import PlanModel

/// Fetches every partner's published branch, `jobs` at once (each thread takes partners in
/// turn, with its own repository handles), each with a time limit and `limits`, into this
/// run's `Staging`, where every new commit is checked; a history that passes is copied into
/// the hub and named by `refs/planmerge/partners/<id>`, a refused one never enters the hub.
public struct PartnerFetcher: Sendable {
    public let hubPath: String
    public let jobs: Int
    public let timeout: Duration
    public let limits: FetchLimits

    public init(hubPath: String, jobs: Int, timeout: Duration, limits: FetchLimits = FetchLimits()) {
        self.hubPath = hubPath
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.limits = limits
    }

    /// A remote as written in the manifest, relative paths taken from the hub's folder.
    public func resolve(_ remote: String) -> String { RemoteURL.resolve(remote, from: hubPath) }

    /// Fetches the partners that have a remote; returns each one's error text (nil: fetched,
    /// nothing to fetch, or refused by the checks: `StagingRejections` has those).
    public func fetchAll(_ partners: [Partner], events: @escaping @Sendable (FetchEvent) -> Void) -> [String: String?] {
        fetchEach(partners, events: events).mapValues(\.error)
    }

    /// Fetches the partners that have a remote, `jobs` at a time; returns what staging did
    /// with each one.
    func fetchEach(_ partners: [Partner], events: @escaping @Sendable (FetchEvent) -> Void) -> [String: StageOutcome] {
        let withRemote = partners.filter { $0.remote != nil }
        guard !withRemote.isEmpty else { return [:] }
        let area = StagingArea(hubGitDir: hubPath)
        defer { area.remove() }
        let results = ResultBox()
        let pending = PartnerQueue(withRemote)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, withRemote.count) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                // One handle on the hub per thread for every partner it fetches: opening one
                // reads git's configuration files.
                var hub: Result<Repository, any Error>?
                while let partner = pending.next() {
                    let opened = hub ?? Result { try Repository.open(at: hubPath) }
                    hub = opened
                    let outcome = fetchOne(partner, hub: opened, area: area, events: events)
                    results.set(partner.id, outcome)
                    events(.finished(partner: partner.id, error: outcome.error))
                }
            }
        }
        group.wait()
        return results.all
    }

    /// Fetches one partner on the calling thread, with `hub` opened on it.
    private func fetchOne(
        _ partner: Partner, hub: Result<Repository, any Error>, area: StagingArea,
        events: @escaping @Sendable (FetchEvent) -> Void
    ) -> StageOutcome {
        guard let remote = partner.remote else { return .nothingFetched }
        let url = resolve(remote)
        events(.started(partner: partner.id, url: RemoteURL.scrubbed(url)))
        if url.hasPrefix("/"), !FileManager.default.fileExists(atPath: url) {
            return .failed("\(FetchPathError(path: url))")
        }
        let outcome: StageOutcome
        switch hub {
        case .success(let hub):
            outcome = Staging.stage(partner, url: url, hub: hub, in: area, timeout: timeout, limits: limits) {
                received, total, bytes in
                events(.progress(partner: partner.id, received: received, total: total, bytes: bytes))
            }
        case .failure(let error):
            outcome = .failed("\(error)")
        }
        // A remote's error text may repeat its URL: never with a password in it.
        if let text = outcome.error {
            return .failed(text.replacingOccurrences(of: url, with: RemoteURL.scrubbed(url)))
        }
        return outcome
    }
}

/// The partners still to fetch, taken one at a time by the fetching threads.
/// `@unchecked Sendable`: guarded by `lock`.
private final class PartnerQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var partners: ArraySlice<Partner>

    init(_ partners: [Partner]) { self.partners = partners[...] }

    func next() -> Partner? {
        lock.lock()
        defer { lock.unlock() }
        return partners.popFirst()
    }
}

/// Collects results from fetch threads.
private final class ResultBox: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var values: [String: StageOutcome] = [:]

    func set(_ key: String, _ value: StageOutcome) {
        lock.lock()
        values[key] = value
        lock.unlock()
    }

    var all: [String: StageOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

/// A remote given as a path that does not exist (libgit2 would call it an unsupported URL).
struct FetchPathError: Error, CustomStringConvertible {
    var path: String
    var description: String { "no repository at \(path): the path does not exist" }
}
