import CLibgit2

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

    public init(code: Int32, klass: Int32, message: String, operation: String) {
        self.code = code
        self.klass = klass
        self.message = message
        self.operation = operation
    }

    /// Checks a libgit2 return code: negative codes throw, with the message libgit2 left
    /// for this thread (`git_error_last` is thread-local).
    @inline(__always)
    public static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
        if code < 0 { throw GitError.last(code: code, operation: operation()) }
    }

    /// Builds an error from `git_error_last()` for a code that is already known to be a failure.
    public static func last(code: Int32, operation: String) -> GitError {
        if let last = git_error_last() {
            let message = last.pointee.message.map { String(cString: $0) } ?? "unknown error"
            return GitError(code: code, klass: last.pointee.klass, message: message, operation: operation)
        }
        return GitError(code: code, klass: 0, message: "libgit2 error \(code)", operation: operation)
    }

    /// An error raised by this wrapper itself (bad input caught before calling libgit2).
    public static func invalid(_ message: String, operation: String) -> GitError {
        GitError(code: GIT_EINVALID.rawValue, klass: 0, message: message, operation: operation)
    }

    public var description: String {
        "\(operation): \(message) (libgit2 code \(code), class \(klass))"
    }

    /// The object, reference or repository does not exist (`GIT_ENOTFOUND`).
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
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
