/// The line-by-line state machine behind `SectionParser`.
struct SectionParseState {
    let path: String
    let dueReference: Day?
    let dueMemo: DueDateMemo
    private(set) var section: SectionFile
    private(set) var diagnostics: [Diagnostic] = []

    private var sawHeading = false
    private var currentAction: Action?
    /// True while an action is open. Reads one field through the optional: `currentAction !=
    /// nil` on a mutating path copied the whole action (every field retained and released).
    private var hasAction: Bool { currentAction?.position != nil }
    private var openBlock: (kind: BlockKind, lines: [String], position: Position)?

    init(path: String, dueMemo: DueDateMemo) {
        self.path = path
        self.dueReference = dueMemo.reference
        self.dueMemo = dueMemo
        let split = SectionFile.splitPath(path)
        let fileNumber = split.flatMap { Int($0.name.hasSuffix(".md") ? String($0.name.dropLast(3)) : $0.name) }
        section = SectionFile(path: path, partner: split?.partner ?? "", recommendation: fileNumber ?? 0)
    }

    mutating func report(
        _ severity: Severity, _ rule: String, line: Int, column: Int, _ message: String, hint: String?
    ) {
        diagnostics.append(
            Diagnostic(severity, rule, at: SourceLocation(file: path, line: line, column: column), message, hint: hint))
    }

    /// `consume(_:number:)` on a line's bytes. An ASCII line that is blank, a canonical or
    /// known field line under an action, an action heading with a valid reference and text, or
    /// a line of an open block is read here with a `String` made only for the value kept; every
    /// other line (non-ASCII, invalid UTF-8, conflict markers, other headings, bullets and
    /// continuations, anything that reports a problem) goes through the `String` path.
    mutating func consume(_ raw: UnsafeBufferPointer<UInt8>, isASCII: Bool, number: Int) {
        guard isASCII else { return consume(String(decoding: raw, as: UTF8.self), number: number) }
        var end = raw.count
        while end > 0, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
        let line = UnsafeBufferPointer(rebasing: raw[..<end])
        let first = line.first ?? 0
        switch first {
        case UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "="), UInt8(ascii: ">"):
            return consume(String(decoding: raw, as: UTF8.self), number: number)
        case UInt8(ascii: "#"):
            if !actionHeading(line, number: number) { consume(String(decoding: raw, as: UTF8.self), number: number) }
            return
        default:
            break
        }
        if openBlock != nil {
            openBlock!.lines.append(String(decoding: line, as: UTF8.self))
            return
        }
        if end == 0 {
            flushField()
            return
        }
        if pendingField != nil,
            first == 0x20 || first == 0x09 || first == UInt8(ascii: "-") || first == UInt8(ascii: "*")
        {
            return consume(String(decoding: raw, as: UTF8.self), number: number)
        }
        flushField()
        requireHeading(before: number)
        if !fieldLine(line, number: number) { fieldLine(String(decoding: line, as: UTF8.self), number: number) }
    }

    /// An ASCII `## N.M text` line with a valid reference and some text, read as
    /// `actionHeading` reads it; false (nothing done) for any other line.
    private mutating func actionHeading(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        let end = line.count
        guard end > 3, line[1] == UInt8(ascii: "#"), line[2] == 0x20 || line[2] == 0x09 else { return false }
        var start = 3
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        var refEnd = start
        while refEnd < end, line[refEnd] != 0x20 { refEnd += 1 }
        guard refEnd > start, refEnd < end,
            let ref = ActionRef.read(UnsafeBufferPointer(rebasing: line[start..<refEnd]))
        else { return false }
        let text = ByteText.trimmed(UnsafeBufferPointer(rebasing: line[(refEnd + 1)...]))
        guard !text.isEmpty else { return false }
        flushField()
        closeBlock()
        closeAction()
        requireHeading(before: number)
        currentAction = Action(
            ref: ref, text: ByteText.string(text, tabsAsSpaces: true), position: Position(line: number, column: 4))
        return true
    }

    /// An ASCII field line (trailing blanks already dropped) naming a known field under an open
    /// action, read as `fieldLine(_:number:)` reads it; false (nothing done) otherwise.
    private mutating func fieldLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        guard hasAction, let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let name = ByteText.trimmed(UnsafeBufferPointer(rebasing: line[..<colon]))
        guard let field = ActionField.canonical(name) ?? ActionField(named: String(decoding: name, as: UTF8.self))
        else { return false }
        let value = ByteText.trimmed(UnsafeBufferPointer(rebasing: line[(colon + 1)...]))
        let valueColumn = colon + 3
        pendingField = PendingField(
            field: field,
            values: value.isEmpty ? [] : [(ByteText.string(value, tabsAsSpaces: true), number, valueColumn)],
            line: number, column: valueColumn)
        return true
    }

    mutating func consume(_ raw: String, number: Int) {
        let line = raw.trimmedRight
        if let marker = ConflictMarker(line: line) {
            flushField()
            report(
                .error, "conflict-marker", line: number, column: 1,
                "a merge conflict marker (\(marker.rawValue)) is left in the file",
                hint: "keep the right value, delete the marker lines, then run 'planmerge validate' again")
            return
        }
        if let heading = Heading(line: line) {
            flushField()
            closeBlock()
            switch heading.level {
            case 1: recommendationHeading(heading, number: number)
            case 2: actionHeading(heading, number: number)
            default: blockHeading(heading, number: number)
            }
            return
        }
        if openBlock != nil {
            openBlock!.lines.append(line)
            return
        }
        if line.trimmed.isEmpty {
            flushField()
            return
        }
        if pendingField != nil, extendField(with: line, number: number) { return }
        flushField()
        requireHeading(before: number)
        fieldLine(line, number: number)
    }

    /// Reports once that content came before the `# Recommendation N` heading.
    private mutating func requireHeading(before number: Int) {
        guard !sawHeading else { return }
        report(
            .error, "heading-missing", line: number, column: 1,
            "a section file must start with '# Recommendation N'",
            hint:
                "add '# Recommendation \(section.recommendation == 0 ? "N" : String(section.recommendation))' as the first line"
        )
        sawHeading = true
    }

    mutating func finish() {
        flushField()
        closeBlock()
        closeAction()
        if !sawHeading {
            report(
                .error, "heading-missing", line: 1, column: 1,
                "the file has no '# Recommendation N' heading",
                hint: "start the file with '# Recommendation N', N being the recommendation it answers")
        }
        section.actions.sort { $0.ref < $1.ref }
        section.blocks.sort {
            BlockKind.allCases.firstIndex(of: $0.kind)! < BlockKind.allCases.firstIndex(of: $1.kind)!
        }
    }

    // MARK: headings

    private mutating func recommendationHeading(_ heading: Heading, number: Int) {
        if sawHeading {
            report(
                .error, "heading-duplicate", line: number, column: 1,
                "a second '# Recommendation' heading: a file answers one recommendation",
                hint: "move these actions to their own file, sections/\(section.partner)/N.md")
            return
        }
        sawHeading = true
        section.position = Position(line: number)
        let words = heading.text.split(separator: " ", maxSplits: 1)
        let numberText = words.count == 2 ? words[1].prefix { $0.isNumber } : ""
        guard words.first?.lowercased() == "recommendation", let n = Int(numberText), n > 0 else {
            report(
                .error, "heading-invalid", line: number, column: 3,
                "the heading should be '# Recommendation N', not '# \(heading.text)'",
                hint: "write the recommendation number, e.g. '# Recommendation 15'")
            return
        }
        if words[1].count > numberText.count {
            report(
                .warning, "heading-text-ignored", line: number, column: 3 + words[0].count + 1 + numberText.count,
                "text after the recommendation number is ignored: the manifest holds the recommendation's wording",
                hint: "shorten the line to '# Recommendation \(n)'")
        }
        section.recommendation = n
    }

    private mutating func actionHeading(_ heading: Heading, number: Int) {
        closeAction()
        requireHeading(before: number)
        let parts = heading.text.split(separator: " ", maxSplits: 1)
        let refText = parts.first.map(String.init) ?? ""
        guard let ref = ActionRef(refText) else {
            report(
                .error, "action-ref-invalid", line: number, column: 4,
                "'\(refText)' is not an action reference",
                hint:
                    "start the action heading with its reference N.M, e.g. '## \(max(section.recommendation, 1)).1 Present the findings'"
            )
            return
        }
        let text = parts.count == 2 ? parts[1].trimmed : ""
        if text.isEmpty {
            report(
                .error, "action-text-missing", line: number, column: 4 + refText.count,
                "action \(ref) has no text",
                hint: "write what will be done after the reference, on the same line")
        }
        currentAction = Action(ref: ref, text: text.replacingTabs, position: Position(line: number, column: 4))
    }

    private mutating func blockHeading(_ heading: Heading, number: Int) {
        requireHeading(before: number)
        guard let kind = BlockKind(heading: heading.text) else {
            report(
                .error, "block-unknown", line: number, column: 5,
                "'\(heading.text)' is not a known heading",
                hint: "use one of: \(BlockKind.allCases.map(\.heading).joined(separator: ", "))")
            openBlock = (.notes, [], Position(line: number))  // read its text so it is not misread as fields
            discardNextBlock = true
            return
        }
        if hasAction, !kind.isActionBlock {
            report(
                .error, "block-misplaced", line: number, column: 5,
                "'\(kind.heading)' is recommendation-level text but stands after an action",
                hint: "move this block above the first '## N.M' action heading")
        }
        let existing =
            currentAction.map { kind == .details ? !$0.details.isEmpty : kind == .notes ? !$0.notes.isEmpty : false }
            ?? section.blocks.contains { $0.kind == kind }
        if existing {
            report(
                .error, "block-duplicate", line: number, column: 5,
                "a second '\(kind.heading)' block here",
                hint: "join the two blocks into one")
        }
        openBlock = (kind, [], Position(line: number, column: 5))
    }

    private var discardNextBlock = false

    private mutating func closeBlock() {
        guard let block = openBlock else { return }
        openBlock = nil
        if discardNextBlock {
            discardNextBlock = false
            return
        }
        let lines = BlockText.normalise(block.lines)
        if var action = currentAction, block.kind.isActionBlock {
            if block.kind == .details, action.details.isEmpty { action.details = lines }
            if block.kind == .notes, action.notes.isEmpty { action.notes = lines }
            currentAction = action
        } else if !section.blocks.contains(where: { $0.kind == block.kind }) {
            section.blocks.append(TextBlock(kind: block.kind, lines: lines, position: block.position))
        }
    }

    private mutating func closeAction() {
        if let action = currentAction.take() { section.actions.append(action) }
    }

    // MARK: fields

    private mutating func fieldLine(_ line: String, number: Int) {
        // An ASCII line's bytes are its characters: find the colon among the bytes.
        let ascii = isASCII(line)
        guard let colon = ascii ? line.utf8.firstIndex(of: UInt8(ascii: ":")) : line.firstIndex(of: ":") else {
            report(
                .error, "line-unexpected", line: number, column: 1,
                "this line is not a field, a heading or inside a text block",
                hint:
                    "write 'Name: value' under an action, start an action with '## N.M text', or put free text under a '### Notes' heading"
            )
            return
        }
        let name = line[..<colon].trimmed
        let valueStart = line.index(after: colon)
        let value = line[valueStart...].trimmed.replacingTabs
        let valueColumn =
            (ascii
                ? line.utf8.distance(from: line.startIndex, to: valueStart)
                : line.distance(from: line.startIndex, to: valueStart))
            + 2
        guard let field = ActionField(named: name) else {
            report(
                .error, "field-unknown", line: number, column: 1,
                "'\(name)' is not an action field",
                hint: FieldSuggestion.hint(for: name))
            return
        }
        guard hasAction else {
            report(
                .error, "field-outside-action", line: number, column: 1,
                "the field '\(field.label)' stands before any action",
                hint:
                    "put fields under an action heading '## N.M text'; recommendation text goes under a '### ' heading")
            return
        }
        pendingField = PendingField(
            field: field, values: value.isEmpty ? [] : [(value, number, valueColumn)], line: number, column: valueColumn
        )
    }

    /// A field line whose value may go on over the lines below it: indented continuation
    /// lines and bullets ("- ", "* ", "• ").
    private struct PendingField {
        var field: ActionField
        /// Each value with the line and column it starts at.
        var values: [(text: String, line: Int, column: Int)]
        var line: Int
        var column: Int
    }

    private var pendingField: PendingField?

    /// Adds a bullet (a value of its own) or an indented continuation line (joined to the
    /// value above with a space) to the pending field; false when the line is neither.
    private mutating func extendField(with line: String, number: Int) -> Bool {
        let text = line.trimmed
        let column = line.prefix { $0 == " " || $0 == "\t" }.count + 1
        if let bullet = ContinuationLine.bullet(text) {
            if !bullet.isEmpty { pendingField!.values.append((bullet.replacingTabs, number, column + 2)) }
            return true
        }
        guard line.first == " " || line.first == "\t", !ContinuationLine.isFieldLine(text) else { return false }
        if let last = pendingField!.values.indices.last {
            pendingField!.values[last].text += " " + text.replacingTabs
        } else {
            pendingField!.values.append((text.replacingTabs, number, column))
        }
        return true
    }

    /// Reads the pending field's value(s) into the current action: each value of a
    /// repeatable field on its own, the values of a one-value field joined with "; ".
    private mutating func flushField() {
        guard let pending = pendingField else { return }
        pendingField = nil
        let (field, number, valueColumn) = (pending.field, pending.line, pending.column)
        guard hasAction else { return }
        if pending.values.isEmpty {
            report(
                .warning, "field-empty", line: number, column: valueColumn - 1,
                "'\(field.label):' has no value and is ignored",
                hint: "write the value after the colon, or delete the line")
            return
        }
        // The open action is changed in place, through `&currentAction!` handed to functions
        // that do not touch `self`: a copy (or a move out and back) of the action cost more
        // than the rest of the field's reading.
        if !field.isRepeatable, let ref = Self.duplicateRef(&currentAction!, field) {
            report(
                .error, "field-duplicate", line: number, column: 1,
                "action \(ref) already has a '\(field.label)' line; the first one is kept",
                hint: field == .lead
                    ? "put several officers on one line separated by ';'" : "keep one '\(field.label):' line per action"
            )
            return
        }
        let first = pending.values[0]
        Self.notePosition(&currentAction!, field, Position(line: first.line, column: first.column))
        if field.isRepeatable {
            for value in pending.values {
                apply(field, value.text, line: value.line, column: value.column)
            }
        } else {
            let values = pending.values
            let text = values.count == 1 ? values[0].text : values.map(\.text).joined(separator: "; ")
            apply(field, text, line: number, column: valueColumn)
        }
    }

    /// The action's reference when it already holds `field`, else nil.
    private static func duplicateRef(_ action: inout Action, _ field: ActionField) -> ActionRef? {
        action.has(field) ? action.ref : nil
    }

    /// Keeps the first position of each field.
    private static func notePosition(_ action: inout Action, _ field: ActionField, _ position: Position) {
        if action.fieldPositions[field] == nil { action.fieldPositions[field] = position }
    }

    /// Reads one value into the open action, reporting its problems at the value's place.
    private mutating func apply(_ field: ActionField, _ text: String, line: Int, column: Int) {
        var reader = ActionFieldReader(memo: dueMemo)
        reader.apply(field, value: text, to: &currentAction!)
        for problem in reader.problems {
            report(problem.severity, problem.rule, line: line, column: column, problem.message, hint: problem.hint)
        }
    }
}

/// The lines that carry on a field's value below its `Name: value` line.
enum ContinuationLine {
    /// The text of a bullet line ("- a", "* a", "• a", "-" alone gives ""), or nil.
    static func bullet(_ text: String) -> String? {
        guard let first = text.first, first == "-" || first == "*" || first == "•" else { return nil }
        let rest = text.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return rest.trimmed
    }

    /// True for "Name: value" where Name is an action field: an indented field line stays a field.
    static func isFieldLine(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        return ActionField(named: text[..<colon].trimmed) != nil
    }
}

/// A Markdown ATX heading of level 1 to 3 (`# `, `## `, `### `).
struct Heading {
    var level: Int
    var text: String

    init?(line: String) {
        guard line.utf8.first == UInt8(ascii: "#") else { return nil }
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...3).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        level = hashes
        text = rest.trimmed
    }
}

/// git's conflict marker lines.
enum ConflictMarker: String {
    case ours = "<<<<<<<"
    case base = "|||||||"
    case separator = "======="
    case theirs = ">>>>>>>"

    init?(line: String) {
        guard let first = line.utf8.first, first == 0x3C || first == 0x7C || first == 0x3D || first == 0x3E else {
            return nil
        }
        for marker in [ConflictMarker.ours, .base, .separator, .theirs] where line.hasPrefix(marker.rawValue) {
            let rest = line.dropFirst(7)
            if rest.isEmpty || rest.first == " " {
                self = marker
                return
            }
        }
        return nil
    }
}

extension String {
    /// Tabs as spaces. The test is on the UTF-8 bytes: `contains("\t")` with a string
    /// argument is Foundation's `range(of:)`, which was 13% of a national-scale validate.
    var replacingTabs: String {
        let hasTab =
            utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\t")) }
            ?? utf8.contains(UInt8(ascii: "\t"))
        return hasTab ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}

/// ASCII text as byte ranges: the byte-level path of `SectionParseState`.
enum ByteText {
    /// The bytes without spaces and tabs at either end (ASCII text: no no-break space).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The bytes as a `String`, tabs turned into spaces if asked (`replacingTabs`).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, tabsAsSpaces: Bool) -> String {
        guard tabsAsSpaces, bytes.contains(0x09) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }
}
