import Yams

/// Where manifest entries stand, so plan-wide checks can point at the manifest line.
public struct ManifestLocations: Hashable, Sendable {
    public var recommendations: [Int: SourceLocation] = [:]
    public var partners: [String: SourceLocation] = [:]
    public var timescales: [String: SourceLocation] = [:]
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
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
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
        var builder = ManifestBuilder(root: root, path: path)
        let manifest = builder.build()
        return Result(manifest: manifest, locations: builder.locations, diagnostics: diagnostics + builder.diagnostics)
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
