/// Field-level three-way merge of one action: fields matched by name, each merged on its
/// own, so independent edits to different fields never conflict.
struct ActionMerge {
    let textMerger: any TextMerger
    let dueReference: Day?

    /// Merges the two sides of one action. `base` nil: the action was added on both sides.
    func merge(base: Action?, ours: Action, theirs: Action, path: String, recommendation: Int)
        -> (action: Action, conflicts: [MergeConflict])
    {
        let base = base ?? Action(ref: ours.ref, text: "")
        var merged = ours
        var conflicts: [MergeConflict] = []
        func conflict(_ field: String, _ b: [String], _ o: [String], _ t: [String]) {
            conflicts.append(
                MergeConflict(
                    path: path, recommendation: recommendation, subject: .field(ours.ref, field),
                    base: b, ours: o, theirs: t))
        }

        if let text = ThreeWay.pick(base: base.text, ours: ours.text, theirs: theirs.text) {
            merged.text = text
        } else {
            conflict("Action", [base.text], [ours.text], [theirs.text])
        }

        for field in ActionField.allCases {
            let b = SectionFormatter.values(of: field, in: base)
            let o = SectionFormatter.values(of: field, in: ours)
            let t = SectionFormatter.values(of: field, in: theirs)
            let result =
                field.isRepeatable
                ? ListMerge.merge(base: b, ours: o, theirs: t) : ThreeWay.pick(base: b, ours: o, theirs: t)
            guard let values = result else {
                conflict(field.label, b, o, t)
                continue
            }
            if values != o { set(field, to: values, in: &merged) }
        }

        for kind in [BlockKind.details, .notes] {
            let b = lines(kind, base), o = lines(kind, ours), t = lines(kind, theirs)
            let result = ThreeWay.pick(base: b, ours: o, theirs: t) ?? textMerger.merge(base: b, ours: o, theirs: t)
            guard let value = result else {
                conflict(kind.heading, b, o, t)
                continue
            }
            if kind == .details {
                merged.details = BlockText.normalise(value)
            } else {
                merged.notes = BlockText.normalise(value)
            }
        }
        return (merged, conflicts)
    }

    private func lines(_ kind: BlockKind, _ action: Action) -> [String] {
        kind == .details ? action.details : action.notes
    }

    /// Replaces a field's values, read exactly as the parser reads them.
    private func set(_ field: ActionField, to values: [String], in action: inout Action) {
        ActionFieldReader.clear(field, in: &action)
        var reader = ActionFieldReader(dueReference: dueReference)
        for value in values { reader.apply(field, value: value, to: &action) }
    }
}

extension ActionFieldReader {
    static func clear(_ field: ActionField, in action: inout Action) {
        switch field {
        case .due: action.due = nil
        case .lead: action.leads = []
        case .status: action.status = nil
        case .success: action.success = []
        case .milestone: action.milestones = []
        case .resources: action.resources = nil
        case .risk: action.risk = nil
        case .monitoring: action.monitoring = nil
        case .seeAlso: action.crossReferences = []
        case .link: action.links = []
        case .outcomeArea: action.outcomeAreas = []
        }
    }
}
