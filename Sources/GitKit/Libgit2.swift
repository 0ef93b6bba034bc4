import CLibgit2

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
