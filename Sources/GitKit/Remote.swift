import CLibgit2
import Dispatch
import Foundation

/// How far a fetch has got (libgit2's `git_indexer_progress`).
public struct FetchProgress: Sendable, Hashable {
    public var totalObjects: Int
    public var indexedObjects: Int
    public var receivedObjects: Int
    public var localObjects: Int
    public var totalDeltas: Int
    public var indexedDeltas: Int
    public var receivedBytes: Int
}

/// Why a fetch stopped without a libgit2 error of its own.
public enum FetchError: Error, Sendable, CustomStringConvertible {
    /// No answer in time. The fetch goes on in the background until the remote answers or
    /// the connection drops; it will not update any reference after this error.
    case timedOut(url: String, after: Duration)
    /// The progress callback returned false.
    case cancelled(url: String)
    /// More than `limit` bytes arrived: stopped from the progress callback, nothing kept.
    case overLimit(url: String, limit: Int, received: Int)

    public var description: String {
        switch self {
        case .timedOut(let url, let after): "fetch \(url): no answer within \(after), given up"
        case .cancelled(let url): "fetch \(url): cancelled"
        case .overLimit(let url, let limit, let received):
            "fetch \(url): stopped after \(received) bytes, more than the limit of \(limit) bytes"
        }
    }
}

/// A `git_remote`, owned.
private final class RemoteHandle {
    let pointer: OpaquePointer
    private let repository: Repository

    init(anonymous url: String, in repository: Repository) throws {
        var out: OpaquePointer?
        try GitError.check(git_remote_create_anonymous(&out, repository.pointer, url), "set up remote \(url)")
        pointer = try Repository.unwrap(out, "set up remote \(url)")
        self.repository = repository
    }

    deinit { git_remote_free(pointer) }

    /// Connects for fetching with `options`' callbacks (credentials, progress) and returns
    /// the references the remote advertises; the connection stays open for the download.
    func advertised(_ options: inout git_fetch_options, url: String) throws -> [String: ObjectID] {
        try GitError.check(
            git_remote_connect(
                pointer, GIT_DIRECTION_FETCH, &options.callbacks, &options.proxy_opts, &options.custom_headers),
            "connect to \(url)")
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        try GitError.check(git_remote_ls(&heads, &count, pointer), "list the references of \(url)")
        var out: [String: ObjectID] = [:]
        for index in 0..<count {
            guard let head = heads?[index], let name = head.pointee.name else { continue }
            out[String(cString: name)] = ObjectID(head.pointee.oid)
        }
        return out
    }
}

/// A `git_strarray` built from Swift strings, owning its C copies.
private final class CStringArray {
    private var items: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { items = strings.map { strdup($0) } }

    deinit { for item in items { free(item) } }

    func withStrArray<R>(_ body: (UnsafePointer<git_strarray>) -> R) -> R {
        items.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return withUnsafePointer(to: &array) { body($0) }
        }
    }
}

/// State the C callbacks of one fetch reach through their payload pointer. Lives on the
/// fetching thread only (libgit2 calls the callbacks synchronously on that thread).
private final class FetchContext {
    let progress: ((FetchProgress) -> Bool)?
    /// Asked between steps and in callbacks; true stops the fetch (timeout watchdog).
    let shouldStop: () -> Bool
    var stoppedByCallback = false
    /// The HTTPS credential last offered, and the access failure a callback saw.
    var credential: HTTPCredential?
    var accessError: RemoteAccessError?
    /// The most bytes the download may receive; nil: no limit.
    var maxBytes: Int?
    /// Set when the download was stopped for passing `maxBytes`: the bytes received then.
    var overLimit: Int?
    /// Shown the references the remote advertises before anything is downloaded; false
    /// ends the fetch there (nothing downloaded, no reference updated).
    var beforeDownload: (([String: ObjectID]) -> Bool)?

    init(progress: ((FetchProgress) -> Bool)?, shouldStop: @escaping () -> Bool) {
        self.progress = progress
        self.shouldStop = shouldStop
    }

    static func from(_ payload: UnsafeMutableRawPointer?) -> FetchContext? {
        payload.map { Unmanaged<FetchContext>.fromOpaque($0).takeUnretainedValue() }
    }
}

/// The outcome of a fetch run on a watchdog thread, kept Sendable by construction.
private enum FetchOutcome: Sendable {
    case success
    case skipped
    case git(GitError)
    case fetch(FetchError)
    case access(RemoteAccessError)
}

/// Shared between the caller and the fetching thread.
/// `@unchecked Sendable`: every mutable field is read and written only under `lock`.
private final class FetchWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: FetchOutcome?
    private var abandoned = false
    let finished = DispatchSemaphore(value: 0)

    func finish(_ value: FetchOutcome) {
        lock.lock()
        outcome = value
        lock.unlock()
        finished.signal()
    }

    var result: FetchOutcome? {
        lock.lock()
        defer { lock.unlock() }
        return outcome
    }

    func abandon() {
        lock.lock()
        abandoned = true
        lock.unlock()
    }

    var isAbandoned: Bool {
        lock.lock()
        defer { lock.unlock() }
        return abandoned
    }
}

extension Repository {
    /// Fetches from `url` (a path, `file://`, `git://`, `ssh://` or `https://`) into this
    /// repository, updating the references `refspec` names, e.g.
    /// `+refs/heads/main:refs/planmerge/partners/pct`. An anonymous remote is used (no
    /// `remote.*` configuration is written); no tags are fetched, nothing is pruned and
    /// nothing is written to FETCH_HEAD (libgit2 only truncates it), so fetches into one
    /// repository can run in parallel, one `Repository` per thread. `progress` is called as objects arrive; returning false
    /// cancels (`FetchError.cancelled`). ssh goes through the system's OpenSSH client as
    /// for git (`SSHTransport`); HTTPS asks git's credential helpers, then `.netrc`, trusts
    /// the CA file of `http.sslCAInfo` or `SSL_CERT_FILE`, and takes git's proxy settings;
    /// a refusal throws `RemoteAccessError`.
    ///
    /// There is no timeout here: libgit2 1.5.1 has none and its callbacks never fire while
    /// a remote sends nothing. Use `fetch(url:refspecs:timeout:progress:)` to bound it.
    public func fetch(url: String, refspec: String, progress: ((FetchProgress) -> Bool)? = nil) throws {
        try fetch(url: url, refspecs: [refspec], progress: progress)
    }

    public func fetch(url: String, refspecs: [String], progress: ((FetchProgress) -> Bool)? = nil) throws {
        try fetch(url: url, refspecs: refspecs, context: FetchContext(progress: progress, shouldStop: { false }))
    }

    /// As `fetch(url:refspecs:progress:)`, bounded in time: the fetch runs on a thread of its
    /// own, with its own `Repository` opened from this one's `gitDir` (libgit2 objects never
    /// cross threads; `progress` is called on that thread). If it has not finished after
    /// `timeout`, this throws `FetchError.timedOut` and returns; the thread is abandoned and
    /// ends by itself when the remote answers or the connection drops, without updating
    /// any reference (it checks before updating; the window between that check and the
    /// update is a few local file writes). A `timeout` of nil waits without limit.
    ///
    /// `maxBytes` stops the download once more bytes than that have arrived
    /// (`FetchError.overLimit`): for network remotes, a bound on what one remote can make
    /// this process receive. `beforeDownload` is shown the references the remote
    /// advertises (name: id) once connected, before anything is downloaded; returning false
    /// ends the fetch there and this returns false (nothing downloaded or updated).
    @discardableResult
    public func fetch(
        url: String, refspecs: [String], timeout: Duration?, maxBytes: Int? = nil,
        beforeDownload: (@Sendable ([String: ObjectID]) -> Bool)? = nil,
        progress: (@Sendable (FetchProgress) -> Bool)? = nil
    ) throws -> Bool {
        let path = gitDir
        let watch = FetchWatch()
        let thread = Thread {
            let outcome: FetchOutcome
            do {
                let repository = try Repository.open(at: path)
                let context = FetchContext(progress: progress, shouldStop: { watch.isAbandoned })
                context.maxBytes = maxBytes
                context.beforeDownload = beforeDownload
                outcome = try repository.fetch(url: url, refspecs: refspecs, context: context) ? .success : .skipped
            } catch let error as GitError {
                outcome = .git(error)
            } catch let error as FetchError {
                outcome = .fetch(error)
            } catch let error as RemoteAccessError {
                outcome = .access(error)
            } catch {
                outcome = .git(GitError.invalid("\(error)", operation: "fetch \(url)"))
            }
            watch.finish(outcome)
        }
        thread.name = "planmerge fetch \(url)"
        thread.start()
        if let timeout {
            if watch.finished.wait(timeout: .now() + timeout.dispatchInterval) == .timedOut {
                watch.abandon()
                throw FetchError.timedOut(url: url, after: timeout)
            }
        } else {
            watch.finished.wait()
        }
        switch watch.result {
        case .success: return true
        case .skipped: return false
        case .git(let error): throw error
        case .fetch(let error): throw error
        case .access(let error): throw error
        case nil: throw GitError.invalid("fetch thread ended without a result", operation: "fetch \(url)")
        }
    }

    @discardableResult
    private func fetch(url given: String, refspecs: [String], context: FetchContext) throws -> Bool {
        let operation = "fetch \(given)"
        try SSHTransport.ensureRegistered()
        _ = SSHFailure.takeRecorded()  // nothing left over from an earlier fetch on this thread
        // scp-like user@host:path goes to libgit2 in its ssh:// form.
        let url = SSHAddress.isSCPLike(given) ? SSHAddress(given)!.url : given
        if url.lowercased().hasPrefix("https://"),
            let file = CertificateAuthorities.extraFile(config: try configString("http.sslCAInfo"))
        {
            try CertificateAuthorities.apply(file)
        }
        let remote = try RemoteHandle(anonymous: url, in: self)
        let specs = CStringArray(refspecs)
        var options = git_fetch_options()
        try GitError.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "prepare fetch options")
        options.prune = GIT_FETCH_NO_PRUNE
        options.update_fetchhead = 0
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.callbacks.transfer_progress = { stats, payload in
            guard let context = FetchContext.from(payload) else { return 0 }
            if context.shouldStop() {
                context.stoppedByCallback = true
                return GIT_EUSER.rawValue
            }
            guard let stats else { return 0 }
            let value = stats.pointee
            if let limit = context.maxBytes, Int(value.received_bytes) > limit {
                context.overLimit = Int(value.received_bytes)
                context.stoppedByCallback = true
                return GIT_EUSER.rawValue
            }
            guard let progress = context.progress else { return 0 }
            let keepGoing = progress(
                FetchProgress(
                    totalObjects: Int(value.total_objects), indexedObjects: Int(value.indexed_objects),
                    receivedObjects: Int(value.received_objects), localObjects: Int(value.local_objects),
                    totalDeltas: Int(value.total_deltas), indexedDeltas: Int(value.indexed_deltas),
                    receivedBytes: Int(value.received_bytes)))
            if !keepGoing {
                context.stoppedByCallback = true
                return GIT_EUSER.rawValue
            }
            return 0
        }
        options.callbacks.sideband_progress = { _, _, payload in
            guard let context = FetchContext.from(payload), context.shouldStop() else { return 0 }
            context.stoppedByCallback = true
            return GIT_EUSER.rawValue
        }
        options.callbacks.credentials = { out, url, usernameFromURL, allowedTypes, payload in
            guard let context = FetchContext.from(payload), let out, let url,
                allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0
            else { return GIT_PASSTHROUGH.rawValue }
            let address = String(cString: url)
            let host = URLComponents(string: address)?.host ?? address
            if let refused = context.credential {
                // Asked again: the server refused what was offered.
                CredentialStore.reject(refused, url: address)
                context.accessError = .credentialsRefused(
                    host: host, user: refused.username, source: refused.source.label)
                return GIT_EUSER.rawValue
            }
            let user = usernameFromURL.map { String(cString: $0) }
            guard let credential = CredentialStore.find(url: address, username: user) else {
                context.accessError = .noCredentials(host: host)
                return GIT_EUSER.rawValue
            }
            context.credential = credential
            return git_credential_userpass_plaintext_new(out, credential.username, credential.password)
        }
        options.callbacks.certificate_check = { _, valid, host, payload in
            if valid != 0 { return 0 }
            guard let context = FetchContext.from(payload) else { return -1 }
            context.accessError = CertificateCheck.refusal(host: host.map { String(cString: $0) } ?? "the server")
            return GIT_EUSER.rawValue
        }
        options.proxy_opts.type = GIT_PROXY_AUTO

        let payload = Unmanaged.passUnretained(context).toOpaque()
        options.callbacks.payload = payload
        if let decide = context.beforeDownload {
            let advertised: [String: ObjectID]
            do {
                advertised = try withExtendedLifetime(context) { try remote.advertised(&options, url: url) }
            } catch {
                // Connecting is where a refused password, a missing one, an untrusted certificate
                // or an ssh failure shows: say which, as the download step below does.
                if let refusal = context.accessError { throw refusal }
                if let failure = SSHFailure.takeRecorded() { throw RemoteAccessError.ssh(failure) }
                throw error
            }
            if !decide(advertised) {
                _ = git_remote_disconnect(remote.pointer)
                return false
            }
        }
        let downloaded = withExtendedLifetime(context) {
            specs.withStrArray { git_remote_download(remote.pointer, $0, &options) }
        }
        if downloaded < 0 {
            // Stopped by the progress callback or by an abandoning watchdog (whose caller has
            // already reported the timeout).
            if let received = context.overLimit, let limit = context.maxBytes {
                throw FetchError.overLimit(url: url, limit: limit, received: received)
            }
            if context.stoppedByCallback { throw FetchError.cancelled(url: url) }
            if let refusal = context.accessError { throw refusal }
            if let failure = SSHFailure.takeRecorded() { throw RemoteAccessError.ssh(failure) }
            try GitError.check(downloaded, operation)
        }
        if let credential = context.credential { CredentialStore.approve(credential, url: url) }
        _ = git_remote_disconnect(remote.pointer)
        // Abandoned by a watchdog: leave every reference as it was.
        if context.shouldStop() { throw FetchError.cancelled(url: url) }
        let updated = withExtendedLifetime(context) {
            git_remote_update_tips(
                remote.pointer, &options.callbacks, 0, GIT_REMOTE_DOWNLOAD_TAGS_NONE,
                "planmerge: fetch \(url)")
        }
        try GitError.check(updated, "\(operation): update references")
        return true
    }
}

extension Duration {
    /// This duration for Dispatch (nanosecond precision, at least zero).
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return .never }
        return .nanoseconds(Int(max(0, nanoseconds.partialValue + attoseconds / 1_000_000_000)))
    }
}
