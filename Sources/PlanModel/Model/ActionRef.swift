import Foundation

/// An action reference `N.M` (or `N.Ma` for rows a seed plan left unnumbered, e.g. `2.6b`).
/// N is the recommendation; the reference is unique in the plan.
public struct ActionRef: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var recommendation: Int
    public var item: Int
    /// A lowercase letter suffix, or "".
    public var suffix: String

    public init(recommendation: Int, item: Int, suffix: String = "") {
        self.recommendation = recommendation
        self.item = item
        self.suffix = suffix
    }

    /// Parses `15.1`, `2.6b`. Nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int(parts[0]), n > 0, !parts[0].contains("+") else { return nil }
        let itemPart = parts[1]
        let digits = itemPart.prefix { $0.isASCII && $0.isNumber }
        let rest = itemPart.dropFirst(digits.count)
        guard let m = Int(digits), m > 0,
            rest.count <= 1, rest.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return nil }
        self.init(recommendation: n, item: m, suffix: String(rest))
    }

    public var description: String { "\(recommendation).\(item)\(suffix)" }

    /// The two numbers as one word, and the suffix only when there is one (nearly never): the
    /// whole-plan checks hash every reference of the plan.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(
            UInt64(UInt32(truncatingIfNeeded: recommendation)) << 32 | UInt64(UInt32(truncatingIfNeeded: item)))
        if !suffix.isEmpty { hasher.combine(suffix) }
    }

    public static func < (a: ActionRef, b: ActionRef) -> Bool {
        (a.recommendation, a.item, a.suffix) < (b.recommendation, b.item, b.suffix)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ref = ActionRef(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an action reference: \(text)"))
        }
        self = ref
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A "see also" pointer: to an action or a whole recommendation.
public enum CrossReference: Hashable, Sendable, Codable, CustomStringConvertible {
    case action(ActionRef)
    case recommendation(Int)

    /// Parses `9.4`, `recommendation 16`, `rec 16`, `R16`.
    public init?(_ raw: some StringProtocol) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let ref = ActionRef(text) {
            self = .action(ref)
            return
        }
        let lower = text.lowercased()
        for prefix in ["recommendation", "rec.", "rec", "r"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if let n = Int(rest), n > 0 {
                self = .recommendation(n)
                return
            }
        }
        return nil
    }

    public var description: String {
        switch self {
        case .action(let ref): ref.description
        case .recommendation(let n): "recommendation \(n)"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ref = CrossReference(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a cross-reference: \(text)"))
        }
        self = ref
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
