import PlanModel

/// The plan's progress over time as a reader sees it: the meeting the rendered version went
/// to, the Cabinet versions up to it (the version history and the trend), and what moved
/// since the previous Cabinet version. The caller reads it from the repository
/// (`VersionHistory` in PlanGit); renderers only lay it out.
public struct VersionsModel: Hashable, Sendable {
    /// A meeting a version went to; every part may be missing.
    public struct Meeting: Hashable, Sendable {
        public var name: String?
        public var date: Day?
        public var item: String?

        public init(name: String?, date: Day?, item: String?) {
            self.name = name
            self.date = date
            self.item = item
        }

        /// "Cabinet, 8 September 2008, item 15".
        public var line: String {
            [name, date.map(DisplayText.longDay), item.map { "item \($0)" }].compactMap { $0 }.joined(separator: ", ")
        }

        var isEmpty: Bool { name == nil && date == nil && item == nil }
    }

    /// One version: a Cabinet tag, or the rendered revision (`main`) when it is not one.
    public struct Version: Hashable, Sendable {
        public var name: String
        /// The day its figures are as of.
        public var day: Day
        public var meeting: Meeting?
        public var figures: PlanFigures
        public var isCabinet: Bool

        public init(name: String, day: Day, meeting: Meeting?, figures: PlanFigures, isCabinet: Bool) {
            self.name = name
            self.day = day
            self.meeting = meeting.flatMap { $0.isEmpty ? nil : $0 }
            self.figures = figures
            self.isCabinet = isCabinet
        }
    }

    /// The meeting of the rendered version (a Cabinet tag made with `--meeting`).
    public var meeting: Meeting?
    /// Oldest first; the rendered version last. Stops at the rendered Cabinet version.
    public var versions: [Version]
    /// The Cabinet version before the rendered one, nil when there is none.
    public var previous: String?
    /// What moved since `previous`.
    public var moved: PlanDiff?

    public init(meeting: Meeting?, versions: [Version], previous: String?, moved: PlanDiff?) {
        self.meeting = meeting.flatMap { $0.isEmpty ? nil : $0 }
        self.versions = versions
        self.previous = previous
        self.moved = moved
    }

    /// The Cabinet versions only (the version history table). Without any, the paper draws
    /// no history and no trend.
    public var cabinetVersions: [Version] { versions.filter(\.isCabinet) }

    /// The sections the paper prints from this model, as (anchor, heading) for the contents.
    public var sections: [(anchor: String, title: String)] {
        var list: [(anchor: String, title: String)] = []
        if previous != nil { list.append(("moved-since", "Moved since the last Cabinet")) }
        if !cabinetVersions.isEmpty { list += [("version-history", "Version history"), ("trend", "Trend")] }
        return list
    }

    /// How the paper names `version`: "Version 2" (its place among the Cabinet versions),
    /// "Current" for the rendered revision when it is not a Cabinet version. The tag's own
    /// name is a tool word, printed only with `notes`.
    public func label(_ version: Version, notes: Bool) -> String {
        if notes { return version.name }
        guard version.isCabinet, let place = cabinetVersions.firstIndex(where: { $0.name == version.name }) else {
            return "Current"
        }
        return "Version \(place + 1)"
    }

    /// `label` with the version's day: "Version 2, 1 October 2008" (the trend's rows).
    public func dated(_ version: Version, notes: Bool) -> String {
        "\(label(version, notes: notes)), \(DisplayText.longDay(version.day))"
    }

    /// How the paper names the previous Cabinet version: "version 1 (1 September 2008)".
    public func previousLabel(notes: Bool) -> String? {
        guard let previous else { return nil }
        guard let version = versions.first(where: { $0.name == previous }) else { return previous }
        let name = label(version, notes: notes)
        return (notes ? name : name.lowercased()) + " (\(DisplayText.longDay(version.day)))"
    }

    /// The action changes worth a Cabinet reader's attention since `previous`: added,
    /// withdrawn, status changed, re-dated, re-assigned; in reference order.
    public var movedActions: [ActionChange] {
        let kinds: Set<ChangeKind> = [.added, .withdrawn, .status, .redated, .reassigned]
        return (moved?.byRecommendation ?? []).flatMap(\.actions).filter { !kinds.isDisjoint(with: $0.kinds) }
    }

    /// The display name of partner `id` among `partners` (the id when it is not listed).
    static func partnerName(_ id: String, in partners: [PartnerName]) -> String {
        partners.first { $0.id == id }?.name ?? id
    }

    /// What one change was, in words: "Status: On track → Done; Due: July 2008 → March 2009".
    static func describe(_ change: ActionChange) -> String {
        var parts: [String] = []
        if change.has(.added) { parts.append("New action") }
        if change.has(.withdrawn) { parts.append("Withdrawn") }
        if let s = change.statusChange {
            parts.append("Status: \(DisplayText.status(s.old)) → \(DisplayText.status(s.new))")
        }
        if let due = change.due {
            parts.append("Due: \(due.old?.text ?? "none") → \(due.new?.text ?? "none")")
        }
        if let p = change.partnerChange { parts.append("Partner: \(p.old) → \(p.new)") }
        return parts.joined(separator: "; ")
    }
}
