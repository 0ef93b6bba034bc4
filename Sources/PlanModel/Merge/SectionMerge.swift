/// The structure-aware three-way merge of one section file (base, ours, theirs).
///
/// Actions are matched by reference and fields by name; recommendation-level blocks by
/// kind; free text is merged line by line inside its block by the `TextMerger`. Reordering
/// is not a change (the model has no order of its own). Every real conflict is returned
/// with each side's value; the merged file then holds "ours" at that place.
public struct SectionMerge: Sendable {
    public var textMerger: any TextMerger
    /// The day due texts without a year are read against (the inspection's publication).
    public var dueReference: Day?

    public init(textMerger: any TextMerger = WholeTextMerger(), dueReference: Day? = nil) {
        self.textMerger = textMerger
        self.dueReference = dueReference
    }

    public struct Result: Sendable {
        /// The merged file; nil when it is deleted.
        public var merged: SectionFile?
        public var conflicts: [MergeConflict]
    }

    public func merge(base: SectionFile?, ours: SectionFile?, theirs: SectionFile?, path: String) -> Result {
        switch (base, ours, theirs) {
        case (_, nil, nil):
            return Result(merged: nil, conflicts: [])
        case (nil, let one?, nil), (nil, nil, let one?):
            return Result(merged: one, conflicts: [])
        case (let base?, nil, let theirs?), (let base?, let theirs?, nil):
            if theirs == base { return Result(merged: nil, conflicts: []) }
            let deletedByOurs = ours == nil
            let conflict = MergeConflict(
                path: path, recommendation: base.recommendation, subject: .file,
                base: ["(present)"], ours: deletedByOurs ? nil : ["(changed)"],
                theirs: deletedByOurs ? ["(changed)"] : nil)
            return Result(merged: theirs, conflicts: [conflict])
        case (let base, let ours?, let theirs?):
            let empty = SectionFile(path: path, partner: ours.partner, recommendation: ours.recommendation)
            return mergePresent(base: base ?? empty, ours: ours, theirs: theirs, path: path)
        }
    }

    private func mergePresent(base: SectionFile, ours: SectionFile, theirs: SectionFile, path: String) -> Result {
        if ours == theirs || theirs == base { return Result(merged: ours, conflicts: []) }
        if ours == base { return Result(merged: theirs, conflicts: []) }
        var merged = ours
        var conflicts: [MergeConflict] = []
        let rec = ours.recommendation

        if let number = ThreeWay.pick(
            base: base.recommendation, ours: ours.recommendation, theirs: theirs.recommendation)
        {
            merged.recommendation = number
        } else {
            conflicts.append(
                MergeConflict(
                    path: path, recommendation: rec, subject: .file, base: ["Recommendation \(base.recommendation)"],
                    ours: ["Recommendation \(ours.recommendation)"], theirs: ["Recommendation \(theirs.recommendation)"]
                ))
        }

        merged.blocks = []
        for kind in BlockKind.allCases {
            let b = base.block(kind)?.lines, o = ours.block(kind)?.lines, t = theirs.block(kind)?.lines
            var value: [String]?? = ThreeWay.pick(base: b, ours: o, theirs: t)
            if value == nil, let o, let t, let lines = textMerger.merge(base: b ?? [], ours: o, theirs: t) {
                value = .some(lines)
            }
            guard let resolved = value else {
                conflicts.append(
                    MergeConflict(path: path, recommendation: rec, subject: .block(kind), base: b, ours: o, theirs: t))
                if let o { merged.blocks.append(TextBlock(kind: kind, lines: o)) }
                continue
            }
            if let lines = resolved {
                let position = ours.block(kind)?.position ?? theirs.block(kind)?.position ?? .unknown
                merged.blocks.append(TextBlock(kind: kind, lines: BlockText.normalise(lines), position: position))
            }
        }

        let actionMerge = ActionMerge(textMerger: textMerger, dueReference: dueReference)
        let b = Dictionary(base.actions.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        let o = Dictionary(ours.actions.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(theirs.actions.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var actions: [Action] = []
        for ref in Set(b.keys).union(o.keys).union(t.keys).sorted() {
            switch (b[ref], o[ref], t[ref]) {
            case (_, nil, nil):
                continue
            case (nil, let one?, nil), (nil, nil, let one?):
                actions.append(one)
            case (let base?, nil, let kept?), (let base?, let kept?, nil):
                if kept == base { continue }  // deleted on one side, untouched on the other
                let deletedByOurs = o[ref] == nil
                conflicts.append(
                    MergeConflict(
                        path: path, recommendation: rec, subject: .action(ref), base: SectionFormatter.fieldLines(base),
                        ours: deletedByOurs ? nil : SectionFormatter.fieldLines(kept),
                        theirs: deletedByOurs ? SectionFormatter.fieldLines(kept) : nil))
                actions.append(kept)
            case (let base, let ours?, let theirs?):
                let result = actionMerge.merge(base: base, ours: ours, theirs: theirs, path: path, recommendation: rec)
                actions.append(result.action)
                conflicts += result.conflicts
            }
        }
        merged.actions = actions
        return Result(merged: merged, conflicts: conflicts)
    }
}
