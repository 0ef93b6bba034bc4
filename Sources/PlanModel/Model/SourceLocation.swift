/// Where something is in a plan: a path relative to the plan root, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A source position carried by model values for diagnostics only.
///
/// It takes no part in equality or hashing: two actions that say the same thing are equal
/// wherever they stand in a file. That is what makes `parse(format(x)) == x` meaningful and
/// why reordering is not a change.
public struct Position: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }

    public static let unknown = Position(line: 0, column: 0)

    public static func == (lhs: Position, rhs: Position) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    public func `in`(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: max(line, 1), column: max(column, 1))
    }
}
