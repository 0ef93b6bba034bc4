/// How serious a finding is. Errors block (validate exits 1, hooks refuse); warnings inform.
public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about a plan: where, how serious, which rule, what is wrong, how to fix it.
///
/// The library never prints: parsers and checks return diagnostics and the executable
/// renders them (`file:line:col: error: [rule] message` / `  hint: ...`, or JSON).
public struct Diagnostic: Hashable, Sendable, Codable {
    public var location: SourceLocation
    public var severity: Severity
    /// A stable identifier such as `action-missing-field`; see docs/RULES.md.
    public var rule: String
    public var message: String
    public var hint: String?

    public init(
        _ severity: Severity, _ rule: String, at location: SourceLocation, _ message: String,
        hint: String? = nil
    ) {
        self.location = location
        self.severity = severity
        self.rule = rule
        self.message = message
        self.hint = hint
    }

    enum CodingKeys: String, CodingKey {
        case file, line, column, severity, rule, message, hint
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        location = SourceLocation(
            file: try c.decode(String.self, forKey: .file),
            line: try c.decode(Int.self, forKey: .line),
            column: try c.decode(Int.self, forKey: .column))
        severity = try c.decode(Severity.self, forKey: .severity)
        rule = try c.decode(String.self, forKey: .rule)
        message = try c.decode(String.self, forKey: .message)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(location.file, forKey: .file)
        try c.encode(location.line, forKey: .line)
        try c.encode(location.column, forKey: .column)
        try c.encode(severity, forKey: .severity)
        try c.encode(rule, forKey: .rule)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(hint, forKey: .hint)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then rule: the order people read them in.
    public func sortedForReading() -> [Diagnostic] {
        sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.rule)
                < ($1.location.file, $1.location.line, $1.location.column, $1.rule)
        }
    }
}

extension Diagnostic {
    /// What identifies a problem across two versions of the plan: its file, rule and message
    /// (not its line, which moves when lines are added above it). The hooks block only on
    /// problems a change brings in, and consolidate lays new problems at the door of the
    /// contribution that brought them, by this one identity.
    public struct Identity: Hashable, Sendable {
        public var file: String
        public var rule: String
        public var message: String

        public init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            rule = diagnostic.rule
            message = diagnostic.message
        }
    }

    public var identity: Identity { Identity(self) }
}
