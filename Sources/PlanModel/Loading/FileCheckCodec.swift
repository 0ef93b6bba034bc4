/// What one section file contributes to a plan's check, worked out once per file version:
/// the reader's diagnostics, each check's findings in the file (`Validator.checkFile`), and
/// the file's summary for the whole-plan checks. It depends on the file's bytes, its path,
/// the manifest and the checks run, never on the day or on other files, so it is kept
/// between runs (`ParseCache`, `PersistentParseStore`).
public struct FileCheckResult: Hashable, Sendable {
    public var parseDiagnostics: [Diagnostic]
    /// One list per check of the validator, in its order.
    public var checks: [[Diagnostic]]
    public var summary: SectionSummary

    public init(parseDiagnostics: [Diagnostic], checks: [[Diagnostic]], summary: SectionSummary) {
        self.parseDiagnostics = parseDiagnostics
        self.checks = checks
        self.summary = summary
    }
}

/// The binary form of a `FileCheckResult` in the persistent cache, with the primitives of
/// `ParseResultCodec` (varints, length-prefixed UTF-8, every length and enum checked on the
/// way back: an entry that does not decode completely is not used).
enum FileCheckCodec {
    /// Changes whenever the encoding below changes.
    static let formatVersion = 1

    /// The stored properties this codec writes, by type (a field added later turns the
    /// persistent check cache off, as `ParseResultCodec.isComplete` does for parses).
    static let expectedFields: [String: [String]] = [
        "FileCheckResult": ["parseDiagnostics", "checks", "summary"],
        "SectionSummary": ["path", "partner", "recommendation", "actions"],
        "ActionSummary": ["ref", "position", "crossReferences", "seeAlsoPosition", "openDueEnd", "duePosition"],
    ]

    static func actualFields() -> [String: [String]] {
        let summary = SectionSummary(path: "", partner: "", recommendation: 0, actions: [])
        let samples: [String: Any] = [
            "FileCheckResult": FileCheckResult(parseDiagnostics: [], checks: [], summary: summary),
            "SectionSummary": summary,
            "ActionSummary": ActionSummary(ref: ActionRef(recommendation: 1, item: 1), position: .unknown),
        ]
        return samples.mapValues { Mirror(reflecting: $0).children.map { $0.label ?? "?" } }
    }

    static let isComplete: Bool = actualFields() == expectedFields

    static func encode(_ result: FileCheckResult) -> [UInt8] {
        var writer = ByteWriter()
        writer.diagnostics(result.parseDiagnostics)
        writer.int(result.checks.count)
        for found in result.checks { writer.diagnostics(found) }
        let summary = result.summary
        writer.string(summary.path)
        writer.string(summary.partner)
        writer.int(summary.recommendation)
        writer.int(summary.actions.count)
        for action in summary.actions {
            writer.ref(action.ref)
            writer.position(action.position)
            writer.int(action.crossReferences.count)
            for reference in action.crossReferences { writer.crossReference(reference) }
            writer.optionalPosition(action.seeAlsoPosition)
            writer.day(action.openDueEnd)
            writer.optionalPosition(action.duePosition)
        }
        return writer.bytes
    }

    /// The result, or nil unless the bytes hold exactly one whole result with `checkCount`
    /// lists of findings.
    static func decode(_ bytes: UnsafeRawBufferPointer, checkCount: Int) -> FileCheckResult? {
        var reader = ByteReader(bytes: bytes)
        guard let parseDiagnostics = reader.diagnostics(), let lists = reader.count(), lists == checkCount else {
            return nil
        }
        var checks: [[Diagnostic]] = []
        checks.reserveCapacity(lists)
        for _ in 0..<lists {
            guard let found = reader.diagnostics() else { return nil }
            checks.append(found)
        }
        guard let path = reader.string(), let partner = reader.string(), let recommendation = reader.int(),
            let count = reader.count()
        else { return nil }
        var actions: [ActionSummary] = []
        actions.reserveCapacity(count)
        for _ in 0..<count {
            guard let ref = reader.ref(), let position = reader.position(), let references = reader.count() else {
                return nil
            }
            var crossReferences: [CrossReference] = []
            for _ in 0..<references {
                guard let reference = reader.crossReference() else { return nil }
                crossReferences.append(reference)
            }
            guard let seeAlso = reader.optionalPosition(), let end = reader.day(), let due = reader.optionalPosition()
            else { return nil }
            actions.append(
                ActionSummary(
                    ref: ref, position: position, crossReferences: crossReferences, seeAlsoPosition: seeAlso,
                    openDueEnd: end, duePosition: due))
        }
        guard reader.atEnd else { return nil }
        return FileCheckResult(
            parseDiagnostics: parseDiagnostics, checks: checks,
            summary: SectionSummary(path: path, partner: partner, recommendation: recommendation, actions: actions))
    }
}

extension ByteWriter {
    mutating func crossReference(_ reference: CrossReference) {
        switch reference {
        case .action(let target):
            bytes.append(0)
            ref(target)
        case .recommendation(let number):
            bytes.append(1)
            int(number)
        }
    }

    mutating func optionalPosition(_ value: Position?) {
        bool(value != nil)
        if let value { position(value) }
    }

    mutating func diagnostics(_ values: [Diagnostic]) {
        int(values.count)
        for value in values { diagnostic(value) }
    }
}

extension ByteReader {
    mutating func crossReference() -> CrossReference? {
        switch tag() {
        case 0: ref().map { .action($0) }
        case 1: int().map { .recommendation($0) }
        default: nil
        }
    }

    mutating func optionalPosition() -> Position?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = position() else { return nil }
        return .some(value)
    }

    mutating func diagnostics() -> [Diagnostic]? {
        guard let count = count() else { return nil }
        var out: [Diagnostic] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = diagnostic() else { return nil }
            out.append(value)
        }
        return out
    }
}
