/// A compact binary form of `SectionParser.Result`, for the persistent parse cache.
///
/// Integers are LEB128 varints (zig-zag for signed), strings a length then UTF-8 bytes,
/// optionals a 0/1 tag. Decoding checks every length against the bytes left and every enum
/// against its cases, and returns nil on anything unexpected: a cache entry is never trusted.
/// `isComplete` compares the stored properties of every encoded type with the ones written
/// here, so a field added to the model later turns the persistent cache off (results are
/// then computed) until this codec writes it too.
enum ParseResultCodec {
    /// Changes whenever the encoding below changes.
    static let formatVersion = 2

    static func encode(_ result: SectionParser.Result) -> [UInt8] {
        var writer = ByteWriter()
        writer.section(result.section)
        writer.int(result.diagnostics.count)
        for diagnostic in result.diagnostics { writer.diagnostic(diagnostic) }
        return writer.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> SectionParser.Result? {
        var reader = ByteReader(bytes: bytes)
        guard let section = reader.section(), let count = reader.count() else { return nil }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(count)
        for _ in 0..<count {
            guard let diagnostic = reader.diagnostic() else { return nil }
            diagnostics.append(diagnostic)
        }
        guard reader.atEnd else { return nil }
        return SectionParser.Result(section: section, diagnostics: diagnostics)
    }

    /// The stored properties this codec writes, by type (in declaration order).
    static let expectedFields: [String: [String]] = [
        "SectionFile": ["path", "partner", "recommendation", "blocks", "actions", "position"],
        "TextBlock": ["kind", "lines", "position"],
        "Action": [
            "ref", "text", "due", "leads", "status", "success", "milestones", "resources", "risk", "monitoring",
            "crossReferences", "links", "details", "notes", "outcomeAreas", "position", "fieldPositions",
        ],
        "ActionRef": ["recommendation", "item", "suffix"],
        "DueDate": ["text", "kind", "start", "end", "open", "note"],
        "Milestone": ["due", "text"],
        "Day": ["year", "month", "day"],
        "Position": ["line", "column"],
        "FieldPositions": ["slots"],
        "Diagnostic": ["location", "severity", "rule", "message", "hint"],
        "SourceLocation": ["file", "line", "column"],
    ]

    /// The stored properties of the model types as they are compiled now.
    static func actualFields() -> [String: [String]] {
        let due = DueDate(text: "", kind: .unread)
        let samples: [String: Any] = [
            "SectionFile": SectionFile(path: "", partner: "", recommendation: 0),
            "TextBlock": TextBlock(kind: .notes, lines: []),
            "Action": Action(ref: ActionRef(recommendation: 1, item: 1), text: ""),
            "ActionRef": ActionRef(recommendation: 1, item: 1),
            "DueDate": due,
            "Milestone": Milestone(due: due, text: ""),
            "Day": Day(ordinal: 0),
            "Position": Position.unknown,
            "FieldPositions": FieldPositions(),
            "Diagnostic": Diagnostic(.note, "", at: SourceLocation(file: ""), ""),
            "SourceLocation": SourceLocation(file: ""),
        ]
        return samples.mapValues { Mirror(reflecting: $0).children.map { $0.label ?? "?" } }
    }

    /// True when every encoded type has exactly the fields this codec writes.
    static let isComplete: Bool = actualFields() == expectedFields
}

/// Writes the codec's primitives (also used by `FileCheckCodec`).
struct ByteWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func position(_ value: Position) {
        int(value.line)
        int(value.column)
    }

    mutating func day(_ value: Day?) {
        bool(value != nil)
        if let value {
            int(value.year)
            int(value.month)
            int(value.day)
        }
    }

    mutating func ref(_ value: ActionRef) {
        int(value.recommendation)
        int(value.item)
        string(value.suffix)
    }

    mutating func due(_ value: DueDate) {
        string(value.text)
        string(value.kind.rawValue)
        day(value.start)
        day(value.end)
        optional(value.open?.rawValue)
        optional(value.note)
    }

    mutating func action(_ action: Action) {
        ref(action.ref)
        string(action.text)
        bool(action.due != nil)
        if let value = action.due { due(value) }
        strings(action.leads)
        optional(action.status?.rawValue)
        strings(action.success)
        int(action.milestones.count)
        for milestone in action.milestones {
            due(milestone.due)
            string(milestone.text)
        }
        optional(action.resources)
        optional(action.risk)
        optional(action.monitoring)
        int(action.crossReferences.count)
        for reference in action.crossReferences { crossReference(reference) }
        strings(action.links)
        strings(action.details)
        strings(action.notes)
        strings(action.outcomeAreas)
        position(action.position)
        let fields = action.fieldPositions.byField.sorted { $0.key.rawValue < $1.key.rawValue }
        int(fields.count)
        for (field, at) in fields {
            string(field.rawValue)
            position(at)
        }
    }

    mutating func section(_ section: SectionFile) {
        string(section.path)
        string(section.partner)
        int(section.recommendation)
        int(section.blocks.count)
        for block in section.blocks {
            string(block.kind.rawValue)
            strings(block.lines)
            position(block.position)
        }
        int(section.actions.count)
        for action in section.actions { self.action(action) }
        position(section.position)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.location.file)
        int(diagnostic.location.line)
        int(diagnostic.location.column)
        string(diagnostic.severity.rawValue)
        string(diagnostic.rule)
        string(diagnostic.message)
        optional(diagnostic.hint)
    }
}

/// Reads what `ByteWriter` wrote, returning nil on anything unexpected.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func uint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    mutating func int() -> Int? {
        guard let raw = uint() else { return nil }
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of items still to read: never more than the bytes left (each item takes one).
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= bytes.count - offset else { return nil }
        return n
    }

    mutating func bool() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func tag() -> UInt8? {
        guard offset < bytes.count else { return nil }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func string() -> String? {
        guard let n = count() else { return nil }
        if n == 0 { return "" }  // most action references have no suffix
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n])
        offset += n
        // Validated: a string that is not UTF-8 was never written by this codec.
        return String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    mutating func optional() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = string() else { return nil }
        return .some(value)
    }

    mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let value = string() else { return nil }
            out.append(value)
        }
        return out
    }

    mutating func position() -> Position? {
        guard let line = int(), let column = int() else { return nil }
        return Position(line: line, column: column)
    }

    mutating func day() -> Day?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let year = int(), let month = int(), let day = int(), let value = Day(year: year, month: month, day: day)
        else { return nil }
        return .some(value)
    }

    mutating func ref() -> ActionRef? {
        guard let recommendation = int(), let item = int(), let suffix = string() else { return nil }
        return ActionRef(recommendation: recommendation, item: item, suffix: suffix)
    }

    mutating func due() -> DueDate? {
        guard let text = string(), let kind = string().flatMap(DueDate.Kind.init(rawValue:)),
            let start = day(), let end = day(), let openRaw = optional(), let note = optional()
        else { return nil }
        var open: DueDate.OpenForm?
        if let raw = openRaw {
            guard let form = DueDate.OpenForm(rawValue: raw) else { return nil }
            open = form
        }
        return DueDate(text: text, kind: kind, start: start, end: end, open: open, note: note)
    }

    mutating func action() -> Action? {
        guard let ref = ref(), let text = string(), let hasDue = bool() else { return nil }
        var action = Action(ref: ref, text: text)
        if hasDue {
            guard let due = due() else { return nil }
            action.due = due
        }
        guard let leads = strings(), let statusRaw = optional(), let success = strings(), let milestones = count()
        else { return nil }
        action.leads = leads
        if let raw = statusRaw {
            guard let status = ActionStatus(rawValue: raw) else { return nil }
            action.status = status
        }
        action.success = success
        for _ in 0..<milestones {
            guard let due = due(), let text = string() else { return nil }
            action.milestones.append(Milestone(due: due, text: text))
        }
        guard let resources = optional(), let risk = optional(), let monitoring = optional(),
            let references = count()
        else { return nil }
        action.resources = resources
        action.risk = risk
        action.monitoring = monitoring
        for _ in 0..<references {
            guard let reference = crossReference() else { return nil }
            action.crossReferences.append(reference)
        }
        guard let links = strings(), let details = strings(), let notes = strings(), let areas = strings(),
            let position = position(), let fields = count()
        else { return nil }
        action.links = links
        action.details = details
        action.notes = notes
        action.outcomeAreas = areas
        action.position = position
        for _ in 0..<fields {
            guard let field = string().flatMap(ActionField.init(rawValue:)), let at = self.position() else {
                return nil
            }
            action.fieldPositions[field] = at
        }
        return action
    }

    mutating func section() -> SectionFile? {
        guard let path = string(), let partner = string(), let recommendation = int(), let blockCount = count()
        else { return nil }
        var section = SectionFile(path: path, partner: partner, recommendation: recommendation)
        section.blocks.reserveCapacity(blockCount)
        for _ in 0..<blockCount {
            guard let kind = string().flatMap(BlockKind.init(rawValue:)), let lines = strings(),
                let position = position()
            else { return nil }
            section.blocks.append(TextBlock(kind: kind, lines: lines, position: position))
        }
        guard let actionCount = count() else { return nil }
        section.actions.reserveCapacity(actionCount)
        for _ in 0..<actionCount {
            guard let action = action() else { return nil }
            section.actions.append(action)
        }
        guard let position = position() else { return nil }
        section.position = position
        return section
    }

    mutating func diagnostic() -> Diagnostic? {
        guard let file = string(), let line = int(), let column = int(),
            let severity = string().flatMap(Severity.init(rawValue:)), let rule = string(), let message = string(),
            let hint = optional()
        else { return nil }
        return Diagnostic(
            severity, rule, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)
    }
}
