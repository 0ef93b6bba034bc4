/// What changed in one action between two versions, matched by its reference.
///
/// The facts (`partner`, `text`, `dueText`, `leads`, `status`) describe the action as it
/// stands in the new version, or as it last stood when it was withdrawn. Each change kind
/// in `kinds` has its detail in the matching property.
public struct ActionChange: Hashable, Sendable, Codable {
    public var ref: ActionRef
    public var recommendation: Int
    public var partner: String
    public var text: String
    public var dueText: String?
    public var leads: [String]
    public var status: ActionStatus?

    /// The kinds of change, in `ChangeKind` order; never empty.
    public var kinds: [ChangeKind]
    /// `.redated`: the due text before and after, and how far the end moved.
    public var due: DueChange?
    /// `.reassigned`: the lead officers before and after (compared as a set).
    public var leadChange: ValueChange<[String]>?
    /// `.reassigned`: the partner before and after (the action moved to another folder).
    public var partnerChange: ValueChange<String>?
    /// `.status`: nil stands for "no status".
    public var statusChange: ValueChange<ActionStatus?>?
    /// `.text`: the heading text, with the words removed and added.
    public var textChange: TextChange?
    /// `.success`: success criteria added and removed (compared as a set).
    public var successChange: ListChange?
    /// `.other`: the other fields that differ.
    public var otherFields: [OtherField]

    /// The partners involved: the one before a move, then the current one.
    public var partners: [String] {
        guard let move = partnerChange else { return [partner] }
        return [move.old, move.new]
    }

    public func has(_ kind: ChangeKind) -> Bool { kinds.contains(kind) }
}

extension ActionChange {
    /// An action only the new version has.
    static func added(_ placed: PlacedAction) -> ActionChange {
        ActionChange(facts: placed, kinds: [.added])
    }

    /// An action only the old version has.
    static func withdrawn(_ placed: PlacedAction) -> ActionChange {
        ActionChange(facts: placed, kinds: [.withdrawn])
    }

    /// The change between two versions of one action, or nil when a reader would see none.
    static func between(_ old: PlacedAction, _ new: PlacedAction) -> ActionChange? {
        let a = old.action, b = new.action
        var change = ActionChange(facts: new, kinds: [])
        change.due = DueChange.between(a.due, b.due)
        if Set(a.leads) != Set(b.leads) { change.leadChange = ValueChange(old: a.leads, new: b.leads) }
        change.partnerChange = ValueChange.between(old.partner, new.partner)
        change.statusChange = ValueChange.between(a.status, b.status)
        change.textChange = TextChange.between(a.text, b.text)
        change.successChange = ListChange.between(a.success, b.success)
        change.otherFields = OtherField.changed(from: a, to: b)
        var kinds: [ChangeKind] = []
        if change.due != nil { kinds.append(.redated) }
        if change.leadChange != nil || change.partnerChange != nil { kinds.append(.reassigned) }
        if change.statusChange != nil { kinds.append(.status) }
        if change.textChange != nil { kinds.append(.text) }
        if change.successChange != nil { kinds.append(.success) }
        if !change.otherFields.isEmpty { kinds.append(.other) }
        change.kinds = kinds
        return kinds.isEmpty ? nil : change
    }

    private init(facts placed: PlacedAction, kinds: [ChangeKind]) {
        let action = placed.action
        self.init(
            ref: action.ref, recommendation: action.ref.recommendation, partner: placed.partner,
            text: action.text, dueText: action.due?.text, leads: action.leads, status: action.status,
            kinds: kinds, due: nil, leadChange: nil, partnerChange: nil, statusChange: nil,
            textChange: nil, successChange: nil, otherFields: [])
    }
}
