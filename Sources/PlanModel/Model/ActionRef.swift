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
        guard
            let ref = text.utf8.withContiguousStorageIfAvailable({ ActionRef.read($0) })
                ?? ActionRef.read(Array(text.utf8))
        else { return nil }
        self = ref
    }

    /// Reads `N.M` or `N.Ma` from UTF-8 bytes: digits, a dot, digits, at most one lowercase
    /// ASCII letter, both numbers above 0 (leading zeros allowed: `02.1` is 2.1). Every other
    /// byte, a sign or a number too large for `Int` gives nil.
    static func read<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ActionRef? {
        var index = bytes.startIndex
        func number() -> Int? {
            var value = 0
            var digits = 0
            while index != bytes.endIndex {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { break }
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
                if overflow || overflow2 { return nil }
                value = sum
                digits += 1
                bytes.formIndex(after: &index)
            }
            return digits > 0 && value > 0 ? value : nil
        }
        guard let recommendation = number(), index != bytes.endIndex, bytes[index] == UInt8(ascii: ".") else {
            return nil
        }
        bytes.formIndex(after: &index)
        guard let item = number() else { return nil }
        var suffix = ""
        if index != bytes.endIndex {
            let byte = bytes[index]
            guard byte >= 0x61, byte <= 0x7A else { return nil }
            suffix = String(Unicode.Scalar(byte))
            bytes.formIndex(after: &index)
            guard index == bytes.endIndex else { return nil }
        }
        return ActionRef(recommendation: recommendation, item: item, suffix: suffix)
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
        // For ASCII text, Foundation's whitespace set is the space and the tab: trim the bytes.
        let text = isASCII(raw) ? raw.trimmed : raw.trimmingCharacters(in: .whitespaces)
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
