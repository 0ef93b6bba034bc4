import Yams

/// Typed access to a YAML mapping that reports wrong types, missing and unknown keys as
/// diagnostics at the node's own line and column.
struct YAMLFields {
    let path: String
    let node: Node
    let context: String
    private(set) var diagnostics: [Diagnostic] = []
    private var pairs: [(key: String, value: Node, mark: Mark?)] = []

    init(_ node: Node, path: String, context: String) {
        self.path = path
        self.node = node
        self.context = context
        if let mapping = node.mapping {
            for (key, value) in mapping {
                pairs.append((key.string ?? "", value, key.mark))
            }
        } else {
            diagnostics.append(
                Diagnostic(
                    .error, "manifest-type", at: location(node.mark),
                    "\(context) should be a mapping of 'key: value' lines",
                    hint: "indent its keys under it, e.g. '  name: ...'"))
        }
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    mutating func unknownKeys(allowed: Set<String>) {
        for pair in pairs where !allowed.contains(pair.key) {
            let known = allowed.sorted().joined(separator: ", ")
            diagnostics.append(
                Diagnostic(
                    .warning, "manifest-unknown-key", at: location(pair.mark),
                    "'\(pair.key)' is not a key of \(context) and is ignored",
                    hint: "known keys: \(known)"))
        }
    }

    mutating func missing(_ key: String, example: String) {
        diagnostics.append(
            Diagnostic(
                .error, "manifest-missing-key", at: location(node.mark),
                "\(context) has no '\(key)'", hint: "add '\(key): \(example)'"))
    }

    mutating func wrongType(_ key: String, _ node: Node, expected: String) {
        diagnostics.append(
            Diagnostic(
                .error, "manifest-type", at: location(node.mark),
                "'\(key)' of \(context) should be \(expected)",
                hint: "write it as \(expected)"))
    }

    mutating func string(_ key: String, required: Bool = false, example: String = "...") -> String? {
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let scalar = node.scalar else {
            wrongType(key, node, expected: "text on one line")
            return nil
        }
        let text = scalar.string.trimmed
        if text.isEmpty, required { missing(key, example: example) }
        return text.isEmpty ? nil : text
    }

    mutating func int(_ key: String, required: Bool = false, example: String = "1") -> Int? {
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let number = node.scalar.flatMap({ Int($0.string.trimmed) }) else {
            wrongType(key, node, expected: "a whole number such as \(example)")
            return nil
        }
        return number
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let node = value(key) else {
            if required { missing(key, example: "2008-06-03") }
            return nil
        }
        guard let day = node.scalar.flatMap({ Day(iso: $0.string.trimmed) }) else {
            wrongType(key, node, expected: "a date YYYY-MM-DD such as 2008-06-03")
            return nil
        }
        return day
    }

    mutating func strings(_ key: String) -> [String] {
        guard let node = value(key) else { return [] }
        if let scalar = node.scalar {
            let text = scalar.string.trimmed
            return text.isEmpty ? [] : [text]
        }
        guard let sequence = node.sequence else {
            wrongType(key, node, expected: "a list such as [a, b]")
            return []
        }
        var out: [String] = []
        for item in sequence {
            if let text = item.scalar?.string.trimmed, !text.isEmpty {
                out.append(text)
            } else {
                wrongType(key, item, expected: "a list of single-line texts")
            }
        }
        return out
    }

    /// The items of a list of mappings, each as its own `YAMLFields`.
    mutating func list(_ key: String, itemContext: (Int) -> String) -> [YAMLFields] {
        guard let node = value(key) else { return [] }
        guard let sequence = node.sequence else {
            wrongType(key, node, expected: "a list of entries starting with '- '")
            return []
        }
        return sequence.enumerated().map { YAMLFields($0.element, path: path, context: itemContext($0.offset + 1)) }
    }

    mutating func absorb(_ other: YAMLFields) { diagnostics += other.diagnostics }
}
