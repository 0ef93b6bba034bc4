import CLibgit2
import Foundation

/// Process-wide libgit2 state: initialised once, lazily, never shut down.
///
/// `git_libgit2_init` sets up libgit2's allocator, thread-local error slots and TLS
/// back-ends. It is reference counted in C, but planmerge calls it exactly once per process
/// through a Swift `static let` (which Swift initialises exactly once, thread-safely) and
/// never calls `git_libgit2_shutdown`: objects may live until process exit and a shutdown
/// racing a background fetch thread would be unsafe.
public enum Libgit2 {
    private static let initToken: Int32 = git_libgit2_init()

    /// Makes sure libgit2 is initialised. Every entry point of this module calls it first;
    /// it costs one atomic load after the first call.
    @inline(__always)
    public static func ensureInitialized() {
        _ = initToken
    }

    /// Starts libgit2's initialisation on a second thread and returns at once, so that it
    /// runs while the caller does its own start-up (parsing the command line, reading
    /// files); the first call of ``ensureInitialized()`` then waits only for what is left.
    ///
    /// The initialisation is dear and cannot be put off: Debian's libgit2 1.5 is built with
    /// mbedTLS, whose global set-up inside `git_libgit2_init` decodes the whole system CA
    /// bundle (`/etc/ssl/certs/ca-certificates.crt`, about 140 certificates, base64 in
    /// constant time): about 55 million instructions, 3.5 ms and more on a busy machine,
    /// the same for every command that opens a repository, network or not. libgit2 has no
    /// option to load the certificates later. Call this only where libgit2 will be used:
    /// a process that never touches git need not pay for it.
    public static func initializeInBackground() {
        Thread.detachNewThread { ensureInitialized() }
    }

    /// The linked libgit2 version, e.g. "1.5.1".
    public static var version: String {
        ensureInitialized()
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        _ = git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// The optional parts libgit2 was built with.
    public struct Features: OptionSet, Sendable, CustomStringConvertible {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        public static let threads = Features(rawValue: Int32(GIT_FEATURE_THREADS.rawValue))
        public static let https = Features(rawValue: Int32(GIT_FEATURE_HTTPS.rawValue))
        public static let ssh = Features(rawValue: Int32(GIT_FEATURE_SSH.rawValue))
        public static let nsec = Features(rawValue: Int32(GIT_FEATURE_NSEC.rawValue))

        public var description: String {
            var names: [String] = []
            if contains(.threads) { names.append("threads") }
            if contains(.https) { names.append("https") }
            if contains(.ssh) { names.append("ssh") }
            if contains(.nsec) { names.append("nsec") }
            return names.joined(separator: ", ")
        }
    }

    /// What this libgit2 supports (`git_libgit2_features`).
    public static var features: Features {
        ensureInitialized()
        return Features(rawValue: git_libgit2_features())
    }
}
