import CYaml
import Yams

/// Where manifest entries stand, so plan-wide checks can point at the manifest line.
public struct ManifestLocations: Hashable, Sendable {
    public var recommendations: [Int: SourceLocation] = [:]
    public var partners: [String: SourceLocation] = [:]
    public var timescales: [String: SourceLocation] = [:]
    public var outcomeAreas: [String: SourceLocation] = [:]
    public init() {}

    public func recommendation(_ n: Int) -> SourceLocation {
        recommendations[n] ?? SourceLocation(file: Manifest.fileName)
    }
}

/// Reads `plan.yaml` (YAML through Yams) into a `Manifest`, reporting every problem.
public struct ManifestReader {
    public struct Result: Sendable {
        /// Nil only when the file is not YAML at all or misses what a plan cannot do without.
        public var manifest: Manifest?
        public var locations: ManifestLocations
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    public func read(_ bytes: [UInt8], path: String = Manifest.fileName) -> Result {
        let lines = TextLines(bytes: bytes)
        let text = lines.lines.joined(separator: "\n")
        var diagnostics = lines.invalidUTF8Lines.map {
            Diagnostic(
                .error, "invalid-utf8", at: SourceLocation(file: path, line: $0), "this line is not valid UTF-8 text",
                hint: "save the file as UTF-8")
        }
        diagnostics += ControlCharacterCheck.scan(lines.lines, path: path)
        if let tooDeep = YAMLLimits.standard.violation(in: text, path: path) {
            // Composing would recurse once per level (a few thousand levels overflow the stack)
            // or expand aliases without bound: refuse before Yams sees the text.
            diagnostics.append(tooDeep)
            return Result(manifest: nil, locations: ManifestLocations(), diagnostics: diagnostics)
        }
        let root: Node
        do {
            guard let node = try ManifestReader.compose(text) else {
                diagnostics.append(
                    Diagnostic(
                        .error, "manifest-empty", at: SourceLocation(file: path), "the manifest is empty",
                        hint: "see docs/FORMAT.md for a complete example"))
                return Result(manifest: nil, locations: ManifestLocations(), diagnostics: diagnostics)
            }
            root = node
        } catch {
            diagnostics.append(ManifestReader.syntaxDiagnostic(error, path: path))
            return Result(manifest: nil, locations: ManifestLocations(), diagnostics: diagnostics)
        }
        diagnostics += ManifestReader.controlCharacters(in: root, path: path)
        var builder = ManifestBuilder(root: root, path: path)
        let manifest = builder.build()
        return Result(manifest: manifest, locations: builder.locations, diagnostics: diagnostics + builder.diagnostics)
    }

    /// The document's node tree, composed without resolving plain scalars' types: the builder
    /// reads every value as text and converts it itself, and Yams' default resolver compiles
    /// seven regular expressions (with ICU's set-up, about 9 M instructions: a tenth of a
    /// `validate` of the Leicester plan) when it is first used. Its constructor (Swift values
    /// for `Yams.load`) is not used either, and the encoding is UTF-8, as `YAMLLimits` read it
    /// (Yams' default reads the environment for `YAMS_DEFAULT_ENCODING`). The one place a
    /// resolved tag shows through is a mapping used as a key (`? {=: title}`), whose text Yams
    /// takes from its `=` (YAML's value key, a resolver rule): such a rare document is composed
    /// again with the default resolver, so every manifest reads exactly as it did.
    static func compose(_ text: String) throws -> Node? {
        let plain = Constructor([:], [:], [:])
        guard let root = try Yams.compose(yaml: text, .basic, plain, .utf8) else { return nil }
        return hasMappingKey(root) ? try Yams.compose(yaml: text, .default, plain, .utf8) : root
    }

    /// Whether any mapping in the tree has a key that is itself a mapping.
    static func hasMappingKey(_ root: Node) -> Bool {
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar:
                break
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if case .mapping = key { return true }
                    pending += [key, value]
                }
            case .sequence(let sequence):
                pending += Array(sequence)
            }
        }
        return false
    }

    /// Values that hold a control character through an escape (`"\0"`, `"\e"`, `"\x07"`): the
    /// raw bytes were scanned already. Line feeds are allowed here (a folded or literal block).
    /// A value repeated through aliases is reported once.
    static func controlCharacters(in root: Node, path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: Set<SourceLocation> = []
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                let forbidden = { (s: Unicode.Scalar) in ControlCharacterCheck.isForbidden(s) && s != "\n" }
                if let bad = scalar.string.unicodeScalars.first(where: forbidden) {
                    let mark = node.mark
                    let at = SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
                    if seen.insert(at).inserted { out.append(ControlCharacterCheck.diagnostic(bad, at: at)) }
                }
            case .mapping(let mapping):
                for (key, value) in mapping { pending += [key, value] }
            case .sequence(let sequence):
                pending += Array(sequence)
            }
        }
        return out.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    static func syntaxDiagnostic(_ error: Error, path: String) -> Diagnostic {
        var line = 1, column = 1
        var problem = "\(error)"
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _), .composer(_, let p, let mark, _):
                line = mark.line
                column = mark.column
                problem = p
            default: break
            }
        }
        return Diagnostic(
            .error, "manifest-syntax", at: SourceLocation(file: path, line: line, column: column),
            "the manifest is not valid YAML: \(problem)",
            hint: "check the indentation and that every 'key: value' has a space after the colon")
    }
}

/// How deep and how large a YAML document may be before planmerge refuses to compose it.
///
/// Yams composes nodes recursively, so a manifest of a few thousand nested `[` (10 KB)
/// overflowed the stack and crashed `validate` and the push hook; aliases (`*a`) of
/// anchored collections can make a small file stand for millions of nodes. libyaml's own
/// event parser is iterative: it is run first to measure the nesting and the node count
/// with every alias expanded, and a document over either limit is refused with its line.
struct YAMLLimits {
    /// Collections inside collections; a plan manifest needs four.
    var maxDepth: Int
    /// Nodes with every alias counted as a copy of what it names. The national-scale plan of
    /// the benchmarks (500 recommendations, 200 partners) has 17,069.
    var maxNodes: Int

    static let standard = YAMLLimits(maxDepth: 32, maxNodes: 200_000)

    /// The diagnostic for the first limit the text breaks; nil when within limits or when
    /// libyaml cannot parse it (composing then reports the syntax error).
    func violation(in text: String, path: String) -> Diagnostic? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Diagnostic? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return walk(&parser, path: path)
        }
    }

    private func walk(_ parser: inout yaml_parser_t, path: String) -> Diagnostic? {
        var depth = 0
        var nodes = 0
        /// Expanded node count of each anchor, and the open collections (anchor, count at start).
        var anchors: [String: Int] = [:]
        var open: [(anchor: String?, start: Int)] = []
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let location = SourceLocation(file: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                depth += 1
                nodes += 1
                if depth > maxDepth { return tooDeep(at: location) }
                let anchor =
                    event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                open.append((YAMLLimits.string(anchor), nodes - 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
                if let last = open.popLast(), let anchor = last.anchor { anchors[anchor] = nodes - last.start }
            case YAML_SCALAR_EVENT:
                nodes += 1
                if let anchor = YAMLLimits.string(event.data.scalar.anchor) { anchors[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                nodes += YAMLLimits.string(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
            default:
                break
            }
            if nodes > maxNodes { return tooLarge(at: location) }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func tooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "manifest-too-deep", at: location,
            "the manifest nests lists and mappings more than \(maxDepth) levels deep here; it is not read",
            hint: "a plan manifest needs four levels (see docs/FORMAT.md): remove the extra '[', '{' or '- ' nesting")
    }

    private func tooLarge(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "manifest-too-large", at: location,
            "with its aliases ('*name') expanded the manifest would hold more than \(maxNodes) values; it is not read",
            hint: "write the values out instead of repeating anchored lists through aliases")
    }
}
