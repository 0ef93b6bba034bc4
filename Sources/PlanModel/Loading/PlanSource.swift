/// Where a plan's files come from: a folder on disk, a git tree, the git index.
///
/// Paths are relative to the plan root with `/` separators. A source that can name a file's
/// content by a stable id (a git blob id) returns it from `contentID`, so parse results can
/// be cached: a blob never changes.
public protocol PlanSource {
    /// A short description for messages ("folder Repos/leicester", "HEAD 1a2b3c4").
    var label: String { get }
    /// Every file path in the plan, sorted.
    func listFiles() throws -> [String]
    /// The bytes of one file.
    func read(_ path: String) throws -> [UInt8]
    /// A stable id of the file's content, or nil when the source has none.
    func contentID(_ path: String) -> String?
}

extension PlanSource {
    public func contentID(_ path: String) -> String? { nil }
}

/// What a source can say of a file besides its bytes (so checks can refuse symlinks,
/// submodules and huge files without reading them).
public enum PlanSourceError: Error, Sendable, CustomStringConvertible {
    case notFound(String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): "no such file: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}
