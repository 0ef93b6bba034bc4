import GitKit
import Dispatch
import Foundation
import PlanModel

/// Fetches every partner's published branch into `refs/planmerge/partners/<id>`, several
/// at once, each on its own thread with its own repository handle and a time limit.
public struct PartnerFetcher: Sendable {
    public let hubPath: String
    public let jobs: Int
    public let timeout: Duration

    public init(hubPath: String, jobs: Int, timeout: Duration) {
        self.hubPath = hubPath
        self.jobs = max(1, jobs)
        self.timeout = timeout
    }

    /// A remote as written in the manifest, relative paths taken from the hub's folder.
    public func resolve(_ remote: String) -> String {
        if remote.contains("://") || remote.hasPrefix("/") || remote.contains("@") && remote.contains(":") {
            return remote
        }
        return URL(fileURLWithPath: hubPath).appendingPathComponent(remote).standardizedFileURL.path
    }

    /// Fetches the partners that have a remote; returns each one's error text (nil: fetched).
    public func fetchAll(_ partners: [Partner], events: @escaping @Sendable (FetchEvent) -> Void) -> [String: String?] {
        let withRemote = partners.filter { $0.remote != nil }
        let results = ResultBox()
        let gate = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        for partner in withRemote {
            gate.wait()
            group.enter()
            let url = resolve(partner.remote!)
            let publication = partner.publication
            let refspec = "+\(publication.branch):\(publication.hubRef)"
            let hubPath = self.hubPath, timeout = self.timeout
            Thread.detachNewThread {
                defer {
                    gate.signal()
                    group.leave()
                }
                events(.started(partner: partner.id, url: RemoteURL.scrubbed(url)))
                var failure: String?
                do {
                    if url.hasPrefix("/"), !FileManager.default.fileExists(atPath: url) {
                        throw FetchPathError(path: url)
                    }
                    let repository = try Repository.open(at: hubPath)
                    try repository.fetch(url: url, refspecs: [refspec], timeout: timeout) { progress in
                        events(.progress(partner: partner.id, received: progress.receivedObjects, total: progress.totalObjects, bytes: progress.receivedBytes))
                        return true
                    }
                } catch {
                    failure = "\(error)".replacingOccurrences(of: url, with: RemoteURL.scrubbed(url))
                }
                results.set(partner.id, failure)
                events(.finished(partner: partner.id, error: failure))
            }
        }
        group.wait()
        return results.all
    }
}

/// Collects results from fetch threads.
private final class ResultBox: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var values: [String: String?] = [:]

    func set(_ key: String, _ value: String?) {
        lock.lock()
        values[key] = .some(value)
        lock.unlock()
    }

    var all: [String: String?] {
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
