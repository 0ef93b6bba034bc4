/// Writes the result of a structure-aware merge as a section file in which every conflict
/// stands where it belongs, as a small readable block naming one field (or one block, one
/// action) with each side's value:
///
///     ## 15.1 Complete the local self assessment
///     <<<<<<< ours (Paul Vaughan)
///     Due: September 2008
///     =======
///     Due: October 2008
///     >>>>>>> theirs
///     Lead: Paul Vaughan
///
/// The marker lines are git's, so `validate` and the pre-commit hook refuse the file
/// (`conflict-marker`) until someone keeps one side and deletes the markers. Everything
/// outside the conflict blocks is in canonical form: with no conflicts the text equals
/// `SectionFormatter.format(merged)`.
public enum ConflictWriter {
    /// The words written after `<<<<<<<` and `>>>>>>>`.
    public struct Labels: Sendable, Hashable {
        public var ours: String
        public var theirs: String

        public init(ours: String = "ours", theirs: String = "theirs") {
            self.ours = ours
            self.theirs = theirs
        }
    }

    /// The merged file's text with conflicts in place; nil when the merge deleted the file.
    public static func format(_ result: SectionMerge.Result, labels: Labels = Labels()) -> String? {
        guard let merged = result.merged else { return nil }
        let index = ConflictIndex(result.conflicts)
        var writer = Writer(labels: labels)
        if let deletion = index.fileDeletion {
            // Deleted on one side, changed on the other: the whole file is the conflict.
            let text = Writer.lines(of: merged, index: ConflictIndex([]), labels: labels)
            writer.writeConflict(
                deletion.ours == nil ? [] : text, deletion.theirs == nil ? [] : text,
                oursNote: deletion.ours == nil ? "deleted the file" : nil,
                theirsNote: deletion.theirs == nil ? "deleted the file" : nil)
            return writer.text
        }
        writer.out = Writer.lines(of: merged, index: index, labels: labels)
        return writer.text
    }
}

/// The conflicts of one file, looked up by what they are about.
private struct ConflictIndex {
    var fileDeletion: MergeConflict?
    var recommendation: MergeConflict?
    var blocks: [BlockKind: MergeConflict] = [:]
    var actions: [ActionRef: MergeConflict] = [:]
    var fields: [ActionRef: [String: MergeConflict]] = [:]

    init(_ conflicts: [MergeConflict]) {
        for conflict in conflicts {
            switch conflict.subject {
            case .file:
                if conflict.ours == nil || conflict.theirs == nil {
                    fileDeletion = conflict
                } else {
                    recommendation = conflict
                }
            case .block(let kind): blocks[kind] = conflict
            case .action(let ref): actions[ref] = conflict
            case .field(let ref, let field): fields[ref, default: [:]][field] = conflict
            }
        }
    }
}

/// Builds the lines, in `SectionFormatter`'s canonical layout.
private struct Writer {
    let labels: ConflictWriter.Labels
    var out: [String] = []

    init(labels: ConflictWriter.Labels) {
        self.labels = labels
    }

    var text: String { out.joined(separator: "\n") + "\n" }

    mutating func writeConflict(
        _ ours: [String], _ theirs: [String], oursNote: String? = nil, theirsNote: String? = nil
    ) {
        out.append("<<<<<<< " + labels.ours + (oursNote.map { " (\($0))" } ?? ""))
        out.append(contentsOf: ours)
        out.append("=======")
        out.append(contentsOf: theirs)
        out.append(">>>>>>> " + labels.theirs + (theirsNote.map { " (\($0))" } ?? ""))
    }

    static func lines(of section: SectionFile, index: ConflictIndex, labels: ConflictWriter.Labels) -> [String] {
        var writer = Writer(labels: labels)
        writer.heading(section, index.recommendation)
        writer.blocks(section, index)
        for action in section.actions.sorted(by: { $0.ref < $1.ref }) {
            writer.out.append("")
            if let conflict = index.actions[action.ref] {
                let lines = Writer.actionLines(action, conflicts: [:], labels: labels)
                writer.writeConflict(
                    conflict.ours == nil ? [] : lines, conflict.theirs == nil ? [] : lines,
                    oursNote: conflict.ours == nil ? "deleted \(action.ref)" : nil,
                    theirsNote: conflict.theirs == nil ? "deleted \(action.ref)" : nil)
            } else {
                writer.out += Writer.actionLines(action, conflicts: index.fields[action.ref] ?? [:], labels: labels)
            }
        }
        return writer.out
    }

    private mutating func heading(_ section: SectionFile, _ conflict: MergeConflict?) {
        guard let conflict else {
            out.append("# Recommendation \(section.recommendation)")
            return
        }
        writeConflict(
            (conflict.ours ?? []).map { "# \($0)" }, (conflict.theirs ?? []).map { "# \($0)" })
    }

    private mutating func blocks(_ section: SectionFile, _ index: ConflictIndex) {
        // The merged blocks in canonical order, with conflicted kinds that only theirs had.
        let order = { (kind: BlockKind) in BlockKind.allCases.firstIndex(of: kind) ?? 0 }
        var items = section.blocks.enumerated().map {
            (order($0.element.kind), $0.offset, Optional($0.element), $0.element.kind)
        }
        for kind in index.blocks.keys where section.block(kind) == nil {
            items.append((order(kind), Int.max, nil, kind))
        }
        items.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var written: Set<BlockKind> = []
        for (_, _, block, kind) in items {
            out.append("")
            if let conflict = index.blocks[kind], !written.contains(kind) {
                written.insert(kind)
                writeConflict(Writer.blockLines(kind, conflict.ours), Writer.blockLines(kind, conflict.theirs))
            } else if let block {
                out.append("### \(kind.heading)")
                out.append(contentsOf: BlockText.normalise(block.lines))
            }
        }
    }

    static func blockLines(_ kind: BlockKind, _ lines: [String]?) -> [String] {
        guard let lines, !lines.isEmpty else { return [] }
        return ["### \(kind.heading)"] + BlockText.normalise(lines)
    }

    static func actionLines(_ action: Action, conflicts: [String: MergeConflict], labels: ConflictWriter.Labels)
        -> [String]
    {
        var writer = Writer(labels: labels)
        func heading(_ text: String) -> String { text.isEmpty ? "## \(action.ref)" : "## \(action.ref) \(text)" }
        if let conflict = conflicts["Action"] {
            writer.writeConflict((conflict.ours ?? []).map(heading), (conflict.theirs ?? []).map(heading))
        } else {
            writer.out.append(heading(action.text))
        }
        for field in ActionField.allCases {
            if let conflict = conflicts[field.label] {
                writer.writeConflict(
                    (conflict.ours ?? []).map { "\(field.label): \($0)" },
                    (conflict.theirs ?? []).map { "\(field.label): \($0)" })
            } else {
                for value in SectionFormatter.values(of: field, in: action) {
                    writer.out.append("\(field.label): \(value)")
                }
            }
        }
        for kind in [BlockKind.details, .notes] {
            let lines = kind == .details ? action.details : action.notes
            if let conflict = conflicts[kind.heading] {
                writer.out.append("")
                writer.writeConflict(blockLines(kind, conflict.ours), blockLines(kind, conflict.theirs))
            } else if !lines.isEmpty {
                writer.out.append("")
                writer.out += blockLines(kind, lines)
            }
        }
        return writer.out
    }
}
