import PlanModel

/// The progress over time in the Markdown and JSON renderings: the meeting, the version
/// history and trend (one entry per version with its figures), and what moved since the
/// last Cabinet version, as data.
enum TextVersions {
    /// Markdown sections (empty when the caller gave no history).
    static func markdown(_ d: PlanDocument) -> [String] {
        guard let v = d.versions else { return [] }
        var out: [String] = []
        if let meeting = v.meeting { out.append("**Meeting:** \(MarkdownRenderer.t(meeting.line))") }
        let notes = d.includesNotes
        if let previous = v.previousLabel(notes: notes) {
            let changes = v.movedActions
            out.append(
                "## Moved since the last Cabinet\n\nChanges since \(MarkdownRenderer.t(previous)): \(changes.count) action(s).\n\n"
                    + (changes.isEmpty
                        ? "No action was added, withdrawn, re-dated, re-assigned or changed status."
                        : MarkdownRenderer.table(
                            ["Action", "Partner", "Change"], align: ["---", "---", "---"],
                            rows: changes.map {
                                [
                                    $0.ref.description, VersionsModel.partnerName($0.partner, in: d.partners),
                                    VersionsModel.describe($0),
                                ]
                            })))
        }
        let cabinet = v.cabinetVersions
        if !cabinet.isEmpty {
            out.append(
                "## Version history\n\n"
                    + MarkdownRenderer.table(
                        ["Version", "As of", "Meeting", "Actions", "Overdue"],
                        align: ["---", "---", "---", "---:", "---:"],
                        rows: cabinet.map {
                            [
                                v.label($0, notes: notes), DisplayText.longDay($0.day), $0.meeting?.line ?? "",
                                "\($0.figures.actions)",
                                "\($0.figures.overdue)",
                            ]
                        }))
        }
        if !cabinet.isEmpty {
            out.append(
                "## Trend\n\nActions by status at each version.\n\n"
                    + MarkdownRenderer.table(
                        ["Version"] + ActionStatus.reportingOrder.map(DisplayText.status) + ["Total"],
                        align: ["---"] + Array(repeating: "---:", count: ActionStatus.reportingOrder.count + 1),
                        rows: v.versions.map { version in
                            [v.dated(version, notes: notes)] + version.figures.byStatus.map { "\($0.count)" }
                                + ["\(version.figures.actions)"]
                        }))
        }
        return out
    }

    /// The JSON `versions` value (docs/JSON.md), null without a history.
    static func json(_ d: PlanDocument) -> JSONValue {
        guard let v = d.versions else { return .null }
        return .object([
            "meeting": meeting(v.meeting),
            "history": .array(
                v.versions.map { version in
                    .object([
                        "name": .string(version.name), "day": .string(version.day.iso),
                        "cabinet": .bool(version.isCabinet), "meeting": meeting(version.meeting),
                        "actions": .int(version.figures.actions), "overdue": .int(version.figures.overdue),
                        "byStatus": .object(
                            Dictionary(
                                uniqueKeysWithValues: version.figures.byStatus.map {
                                    (ActionStatus.label($0.status), .int($0.count))
                                })),
                    ])
                }),
            "movedSince": v.previous.map { previous in
                .object([
                    "version": .string(previous),
                    "actions": .array(
                        v.movedActions.map { change in
                            .object([
                                "ref": .string(change.ref.description), "partner": .string(change.partner),
                                "kinds": .strings(change.kinds.map(\.rawValue)),
                                "change": .string(VersionsModel.describe(change)),
                            ])
                        }),
                ])
            } ?? .null,
        ])
    }

    static func meeting(_ m: VersionsModel.Meeting?) -> JSONValue {
        guard let m else { return .null }
        return .object(["name": .string(m.name), "date": .string(m.date?.iso), "item": .string(m.item)])
    }
}
