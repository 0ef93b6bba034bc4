import GitKit
import PlanModel

/// The three-way merge of one file's bytes: the merge driver, `planmerge sync` and consolidate
/// all merge a file through here (consolidate reports the conflicts; the others write them).
///
/// A section file that reads without errors on every side goes through the
/// structure-aware `SectionMerge` (actions by reference, fields by name, free text line by
/// line with git's merger): a clean result is written in canonical form, conflicts as
/// field-level conflict blocks (`ConflictWriter`). Anything else (the manifest, a file
/// with errors) falls back to git's line merge with conflict markers.
public struct FileMerge: Sendable {
    public var dueReference: Day?
    public var labels: ConflictWriter.Labels

    public init(dueReference: Day? = nil, labels: ConflictWriter.Labels = .init()) {
        self.dueReference = dueReference
        self.labels = labels
    }

    public struct Result: Sendable {
        /// The merged bytes (with conflict blocks when not clean); nil: the file is deleted.
        public var bytes: [UInt8]?
        public var clean: Bool
        /// The structured conflicts, when the structure-aware merge was used.
        public var conflicts: [MergeConflict]
        /// False when the line merge was used (a side did not parse without errors).
        public var structured: Bool
    }

    /// Merges `ours` and `theirs` (nil: no such file on that side) from `base`. Every side is
    /// read in the repository's line endings first (`LineEndings`: no BOM, LF), so a side
    /// saved by Notepad merges line by line with the others and the result is written so.
    public func merge(base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?, path: String) -> Result {
        let base = base.map(LineEndings.canonical)
        let ours = ours.map(LineEndings.canonical)
        let theirs = theirs.map(LineEndings.canonical)
        if ours == theirs { return Result(bytes: ours, clean: true, conflicts: [], structured: false) }
        if ours == base { return Result(bytes: theirs, clean: true, conflicts: [], structured: false) }
        if theirs == base { return Result(bytes: ours, clean: true, conflicts: [], structured: false) }
        if PlanLoader.isSectionFile(path), let result = structured(base: base, ours: ours, theirs: theirs, path: path) {
            return result
        }
        return lines(base: base, ours: ours, theirs: theirs)
    }

    private func structured(base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?, path: String) -> Result? {
        let parser = SectionParser(dueReference: dueReference)
        // An empty base (git's %O when both sides added the file) means "no base".
        let sides = [base.flatMap { $0.allSatisfy(Self.isBlank) ? nil : $0 }, ours, theirs]
        var parsed: [SectionFile?] = []
        for bytes in sides {
            guard let bytes else {
                parsed.append(nil)
                continue
            }
            let result = parser.parse(bytes, path: path)
            if result.diagnostics.hasErrors { return nil }
            parsed.append(result.section)
        }
        let merge = SectionMerge(textMerger: GitTextMerger(), dueReference: dueReference)
            .merge(base: parsed[0], ours: parsed[1], theirs: parsed[2], path: path)
        // Clean: the canonical form. Conflicts: field-level conflict blocks.
        let text =
            merge.conflicts.isEmpty
            ? merge.merged.map(SectionFormatter.format) : ConflictWriter.format(merge, labels: labels)
        return Result(
            bytes: text.map { Array($0.utf8) }, clean: merge.conflicts.isEmpty, conflicts: merge.conflicts,
            structured: true)
    }

    private func lines(base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?) -> Result {
        guard let ours, let theirs else {
            // Deleted on one side, changed on the other: keep the changed file, unresolved.
            return Result(bytes: ours ?? theirs, clean: false, conflicts: [], structured: false)
        }
        func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }
        let labels = MergeLabels(base: "base", ours: labels.ours, theirs: labels.theirs)
        guard
            let merged = try? Repository.mergeText(
                base: text(base), ours: text(ours), theirs: text(theirs), labels: labels)
        else {
            return Result(bytes: ours, clean: false, conflicts: [], structured: false)
        }
        return Result(bytes: Array(merged.text.utf8), clean: merged.clean, conflicts: [], structured: false)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
