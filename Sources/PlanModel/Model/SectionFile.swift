/// One section file, `sections/<partner>/<recommendation>.md`: one partner's part of one
/// recommendation. The partner is the folder; the recommendation is the `# Recommendation N`
/// heading (and the file name).
public struct SectionFile: Hashable, Sendable, Codable {
    /// Path relative to the plan root, with `/` separators.
    public var path: String
    public var partner: String
    public var recommendation: Int
    /// Recommendation-level text blocks (only the lead partner should write them).
    public var blocks: [TextBlock]
    public var actions: [Action]
    /// Where the `# Recommendation N` heading stood.
    public var position: Position

    public init(
        path: String, partner: String, recommendation: Int, blocks: [TextBlock] = [],
        actions: [Action] = [], position: Position = .unknown
    ) {
        self.path = path
        self.partner = partner
        self.recommendation = recommendation
        self.blocks = blocks
        self.actions = actions
        self.position = position
    }

    public func block(_ kind: BlockKind) -> TextBlock? { blocks.first { $0.kind == kind } }

    /// The conventional path for a partner's file on a recommendation.
    public static func path(partner: String, recommendation: Int) -> String {
        "sections/\(partner)/\(recommendation).md"
    }

    /// The recommendation a section file's name stands for: digits, then `.md` (`15.md`;
    /// `015.md` reads 15, and `FileLayoutCheck` asks for the plain spelling). Nil for any
    /// other name (`15 - Copy.md`, `15 (1).md`, `~$15.md`, `notes.txt`): such a file is not
    /// a section file and is never read as one.
    public static func recommendationNumber(fileName name: String) -> Int? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard !stem.isEmpty, stem.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard let number = Int(stem), number >= 1 else { return nil }
        return number
    }

    /// `sections/<partner>/...` at any depth: the partner folder a path is under, and the
    /// rest of the path; nil outside `sections/<partner>/`. Who owns a path (hooks,
    /// consolidate, the web app) is read through this, and only this.
    public static func splitFolder(_ path: String) -> (partner: String, name: String)? {
        guard isASCII(path) else { return splitFolderByCharacters(path) }
        // An ASCII path's bytes are its characters.
        let bytes = path.utf8
        guard let first = bytes.firstIndex(of: UInt8(ascii: "/")), path[..<first] == "sections" else { return nil }
        let partnerStart = bytes.index(after: first)
        guard let second = bytes[partnerStart...].firstIndex(of: UInt8(ascii: "/")), second > partnerStart else {
            return nil
        }
        return (String(path[partnerStart..<second]), String(path[bytes.index(after: second)...]))
    }

    /// `splitFolder` for any path, on characters (a "/" followed by a combining mark is no
    /// separator there).
    private static func splitFolderByCharacters(_ path: String) -> (partner: String, name: String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "sections", !parts[1].isEmpty else { return nil }
        return (String(parts[1]), parts.dropFirst(2).joined(separator: "/"))
    }

    /// Splits `sections/<partner>/<file>` into partner and file name; nil elsewhere (a
    /// section file is exactly one level below its partner's folder).
    public static func splitPath(_ path: String) -> (partner: String, name: String)? {
        guard let split = splitFolder(path), !split.name.isEmpty else { return nil }
        if isASCII(split.name) {
            guard !split.name.utf8.contains(UInt8(ascii: "/")) else { return nil }
        } else if split.name.contains("/") {
            return nil
        }
        return split
    }
}

/// An action together with where it lives: what plan-wide checks and renderers iterate.
public struct PlacedAction: Hashable, Sendable {
    public var action: Action
    public var partner: String
    public var file: String

    public var location: SourceLocation { action.position.in(file) }
}
