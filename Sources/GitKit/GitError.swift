import CLibgit2
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed libgit2 call: the return code, libgit2's error class and message, and what
/// planmerge was doing. This is the only place a libgit2 return code becomes a Swift error.
public struct GitError: Error, CustomStringConvertible, Sendable {
    /// The libgit2 return code (`GIT_ENOTFOUND` = -3, `GIT_EEXISTS` = -4, ...).
    public let code: Int32
    /// `git_error_last()->klass` (`GIT_ERROR_REFERENCE`, `GIT_ERROR_NET`, ...), 0 if none.
    public let klass: Int32
    /// `git_error_last()->message`, or a generic text when libgit2 set none.
    public let message: String
    /// What was being attempted, e.g. "look up blob 1a2b3c4".
    public let operation: String
    /// The C library's `errno` right after the failed call (`ENOSPC`, `EACCES`, ...), 0 if none.
    /// libgit2 does not always set a message for a failed write (a full disk was reported as
    /// a bare "libgit2 error -1"); errno still says what happened.
    public let osError: Int32

    public init(code: Int32, klass: Int32, message: String, operation: String, osError: Int32 = 0) {
        self.code = code
        self.klass = klass
        self.message = message
        self.operation = operation
        self.osError = osError
    }

    /// Checks a libgit2 return code: negative codes throw, with the message libgit2 left
    /// for this thread (`git_error_last` is thread-local).
    @inline(__always)
    public static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
        if code < 0 { throw GitError.last(code: code, operation: operation()) }
    }

    /// Builds an error from `git_error_last()` for a code that is already known to be a failure.
    public static func last(code: Int32, operation: String) -> GitError {
        let osError = errno
        if let last = git_error_last() {
            let message = last.pointee.message.map { String(cString: $0) } ?? "unknown error"
            return GitError(
                code: code, klass: last.pointee.klass, message: message, operation: operation, osError: osError)
        }
        return GitError(code: code, klass: 0, message: "libgit2 error \(code)", operation: operation, osError: osError)
    }

    /// An error raised by this wrapper itself (bad input caught before calling libgit2).
    public static func invalid(_ message: String, operation: String) -> GitError {
        GitError(code: GIT_EINVALID.rawValue, klass: 0, message: message, operation: operation)
    }

    /// One line: what was attempted and what went wrong. A full disk, a refused permission
    /// and a repository of another user are said in plain words with the path and the fix
    /// (`plainWords`); anything else carries libgit2's message and codes.
    public var description: String {
        if let plain = plainWords { return "\(operation): \(plain)" }
        return "\(operation): \(message) (libgit2 code \(code), class \(klass))"
    }

    /// The failures a user fixes outside planmerge, recognised from libgit2's code, its
    /// message or errno.
    public enum Cause: Sendable, Equatable {
        /// `ENOSPC` / `EDQUOT`: the disk (or the quota) is full.
        case noSpace
        /// `EACCES` / `EPERM` / `EROFS`: the file system refused access.
        case permissionDenied
        /// `GIT_EOWNER` (libgit2 1.5: "config value 'safe.directory' was not found"): the
        /// repository belongs to another user and is not marked safe.
        case ownedByAnotherUser
    }

    public var cause: Cause? {
        if code == GIT_EOWNER.rawValue { return .ownedByAnotherUser }
        // libgit2 1.5 returns the failed lookup of the exception list instead of GIT_EOWNER.
        if klass == GIT_ERROR_CONFIG.rawValue, message.contains("'safe.directory'") { return .ownedByAnotherUser }
        let text = message.lowercased()
        if text.contains("no space left on device") || text.contains("disk quota exceeded") { return .noSpace }
        if text.contains("permission denied") || text.contains("read-only file system")
            || text.contains("operation not permitted")
        {
            return .permissionDenied
        }
        // errno is only trusted when libgit2 blamed the operating system or said nothing.
        guard klass == GIT_ERROR_OS.rawValue || klass == 0 else { return nil }
        switch osError {
        case ENOSPC, EDQUOT: return .noSpace
        case EACCES, EPERM, EROFS: return .permissionDenied
        default: return nil
        }
    }

    /// The plain-words explanation with the path and the fix, when `cause` is known.
    public var plainWords: String? {
        guard let cause else { return nil }
        let path = self.path
        let place = path ?? "the repository"
        switch cause {
        case .noSpace:
            return "no space left on device writing \(place): free space and run again, nothing was changed"
        case .permissionDenied where osError == EROFS || message.lowercased().contains("read-only file system"):
            return "cannot write \(place): the file system is read-only; mount it writable or use a copy "
                + "on a writable disk, and run again; nothing was changed"
        case .permissionDenied:
            let owner = path.flatMap(GitError.owner(of:)).map { " (it belongs to \($0))" } ?? ""
            return "permission denied writing \(place)\(owner); planmerge runs as \(GitError.currentUser): "
                + "run it as a user who may write there, or give \(GitError.currentUser) write access; "
                + "nothing was changed"
        case .ownedByAnotherUser:
            let owner = path.flatMap(GitError.owner(of:)) ?? "another user"
            let safe = path ?? "<path>"
            return "\(place) is owned by \(owner), not by \(GitError.currentUser) who runs planmerge, and git refuses "
                + "repositories of other users: run planmerge as \(owner) (e.g. sudo -u \(owner) planmerge ...), "
                + "or, if you trust \(owner), mark it safe with 'git config --global --add safe.directory \(safe)'"
        }
    }

    /// The file or repository concerned: the first quoted absolute path in libgit2's message
    /// ("failed to write '/hub/objects/...'"), else the path or `file://` URL that ends the
    /// operation ("open repository at /hub", "fetch /srv/partner").
    public var path: String? {
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false)
        for (index, part) in quoted.enumerated() where index % 2 == 1 && part.hasPrefix("/") {
            return String(part)
        }
        for marker in [" at ", "fetch "] {
            guard let range = operation.range(of: marker, options: .backwards) else { continue }
            var candidate = String(operation[range.upperBound...])
            if let colon = candidate.range(of: ": ") { candidate = String(candidate[..<colon.lowerBound]) }
            if candidate.hasPrefix("file://") { candidate = String(candidate.dropFirst("file://".count)) }
            if candidate.hasPrefix("/") { return candidate }
        }
        return nil
    }

    /// The user name of a file's owner, nil when it cannot be read.
    static func owner(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return userName(info.st_uid)
    }

    /// The user this process runs as.
    static var currentUser: String { userName(geteuid()) }

    private static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    /// The object, reference or repository does not exist (`GIT_ENOTFOUND`).
    /// (Not for a repository of another user, which libgit2 1.5 reports with this code.)
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue && cause != .ownedByAnotherUser }
    /// Something with that name already exists (`GIT_EEXISTS`).
    public var isExists: Bool { code == GIT_EEXISTS.rawValue }
    /// A lock file is held by someone else (`GIT_ELOCKED`): another process is updating.
    public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
    /// A reference's value was not the expected one (`GIT_EMODIFIED`).
    public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
    /// A callback (progress, credentials) asked libgit2 to stop (`GIT_EUSER`).
    public var isUserCancelled: Bool { code == GIT_EUSER.rawValue }
}

/// A compare-and-swap reference update lost: the reference no longer had the expected value
/// (another run moved it, created it or deleted it). Nothing was written.
public struct ReferenceMovedError: Error, CustomStringConvertible, Sendable {
    public let name: String
    /// What the caller expected (nil: expected the reference not to exist).
    public let expected: ObjectID?
    /// What the reference holds now, as far as could be read afterwards (nil: absent).
    public let actual: ObjectID?

    public var description: String {
        let want = expected.map(\.short) ?? "nothing"
        let have = actual.map(\.short) ?? "nothing"
        return "reference \(name) moved: expected \(want), found \(have); not updated"
    }
}
