/// A real conflict found by the structure-aware merge: both sides changed the same field of
/// the same action (or the same block) to different values. Nothing is resolved silently.
public struct MergeConflict: Hashable, Sendable, Codable {
    public enum Subject: Hashable, Sendable, Codable {
        /// A whole section file: deleted on one side, changed on the other.
        case file
        /// A recommendation-level text block.
        case block(BlockKind)
        /// A whole action: deleted on one side, changed on the other.
        case action(ActionRef)
        /// One field of an action (`details`/`notes` blocks count as fields here).
        case field(ActionRef, String)
    }

    public var path: String
    public var recommendation: Int
    public var subject: Subject
    /// Each side's value as it would be written in the file (nil: absent / deleted).
    public var base: [String]?
    public var ours: [String]?
    public var theirs: [String]?

    public init(
        path: String, recommendation: Int, subject: Subject, base: [String]?, ours: [String]?, theirs: [String]?
    ) {
        self.path = path
        self.recommendation = recommendation
        self.subject = subject
        self.base = base
        self.ours = ours
        self.theirs = theirs
    }

    /// "action 15.1, field Due" / "the Position statement of recommendation 15".
    public var what: String {
        switch subject {
        case .file: "the file \(path)"
        case .block(let kind): "the \(kind.heading) of recommendation \(recommendation)"
        case .action(let ref): "action \(ref)"
        case .field(let ref, let field): "action \(ref), field \(field)"
        }
    }

    public var actionRef: ActionRef? {
        switch subject {
        case .action(let ref), .field(let ref, _): ref
        default: nil
        }
    }
}
