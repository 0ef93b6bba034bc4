import Foundation
import PlanModel

/// Renders the whole plan as JSON for other tools; `planmerge show --format json` prints
/// exactly this. Keys are sorted and the layout is stable, so the output diffs well.
///
/// Shape (every key is always present; absent values are `null`, days are `YYYY-MM-DD`):
///
///     {
///       "title": "...", "authority": "...",
///       "front": [ { "path": "front/01-introduction.md", "title": "...", "text": "Markdown" } ],
///       "version": "cabinet/2008-09-01" | null, "generatedAt": "..." | null, "today": day | null,
///       "inspection": { "name": "...", "published": day | null },
///       "deadline": { "workingDays": 70, "firstDay": "publication" | "next", "date": day | null },
///       "committees": [ { "name": "Cabinet", "date": day } ],
///       "timescales": [ { "id": "immediate", "name": "...", "end": day | null,
///                         "recommendations": [3, 4] } ],
///       "recommendations": [ { "number": 3, "text": "...", "timescale": "immediate",
///                              "lead": "partner-id", "officer": "..." | null,
///                              "partners": ["lead-id", "other-id"],
///                              "blocks": { "position-statement": "text, lines joined by \n" },
///                              "actions": ["3.1", "3.2"] } ],
///       "partners": [ { "id": "...", "name": "...", "actions": 12,
///                       "provenance": { "commit": "...", "author": ... , "date": ... } | null } ],
///       "actions": [ { "ref": "15.2", "recommendation": 15, "timescale": "longer-term",
///                      "partner": "partner-id", "partnerName": "...", "text": "...",
///                      "lead": ["officer", ...], "status": "on track" | ... | null,
///                      "overdue": false,
///                      "due": { "text": "Nov 08-Jan 09", "kind": "date" | "period" | "open" | "unread",
///                               "start": day | null, "end": day | null,
///                               "open": "ongoing" | "immediate" | "tbc" | "recurring" | null,
///                               "note": "..." | null } | null,
///                      "success": ["..."], "milestones": [ { "due": due, "text": "..." } ],
///                      "resources": ... | null, "risk": ... | null, "monitoring": ... | null,
///                      "crossReferences": ["9.4", "recommendation 16"], "links": ["..."],
///                      "details": ["line", ...], "notes": ["line", ...],
///                      "file": "sections/partner-id/15.md" } ],
///       "summary": { "total": 9,
///                    "byStatus": { "not started": 1, "on track": 2, "at risk": 1, "off track": 1,
///                                  "done": 3, "no status": 1 },
///                    "byPartner": { "partner-id": { "total": 4, "byStatus": { ... } } },
///                    "overdue": ["1.1"], "toBeConfirmed": ["15.2"], "unread": ["6.3"],
///                    "undated": [] },
///       "versions": { "meeting": { "name": "Cabinet" | null, "date": day | null, "item": "15" | null } | null,
///                     "history": [ { "name": "cabinet/2008-09-01", "day": day, "cabinet": true,
///                                    "meeting": { ... } | null, "actions": 114, "overdue": 7,
///                                    "byStatus": { ... } } ],
///                     "movedSince": { "version": "cabinet/2008-07-08",
///                                     "actions": [ { "ref": "15.1", "partner": "partner-id",
///                                                    "kinds": ["status"],
///                                                    "change": "Status: On track → Done" } ] } | null } | null
///     }
///
/// Actions are in reading order (timescale group, recommendation, reference).
public enum JSONRenderer {
    public static func render(_ document: PlanDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(value(document))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func value(_ d: PlanDocument) -> JSONValue {
        .object([
            "front": .array(
                d.frontPages.map {
                    .object([
                        "path": .string($0.path), "title": .string($0.title),
                        "text": .string($0.lines.joined(separator: "\n")),
                    ])
                }),
            "title": .string(d.title),
            "authority": .string(d.authority),
            "version": .string(d.version),
            "generatedAt": .string(d.generatedAt),
            "today": day(d.today),
            "inspection": .object(["name": .string(d.inspection.name), "published": day(d.inspection.published)]),
            "deadline": .object([
                "workingDays": .int(d.deadlineRule.workingDays),
                "firstDay": .string(d.deadlineRule.firstDay.rawValue),
                "date": day(d.deadline),
            ]),
            "committees": .array(d.committees.map { .object(["name": .string($0.name), "date": day($0.date)]) }),
            "timescales": .array(
                d.groups.map { g in
                    .object([
                        "id": .string(g.id), "name": .string(g.name), "end": day(g.end),
                        "recommendations": .array(g.recommendations.map { .int($0.number) }),
                    ])
                }),
            "recommendations": .array(d.recommendations.map(recommendation)),
            "partners": .array(
                d.summary.byPartner.map { tally in
                    partner(tally, provenance: d.provenance.first { $0.partner.id == tally.partner.id }?.source)
                }),
            "actions": .array(d.actions.map(action)),
            "summary": summary(d.summary),
            "versions": TextVersions.json(d),
        ])
    }

    static func recommendation(_ r: RecommendationEntry) -> JSONValue {
        .object([
            "number": .int(r.number), "text": .string(r.text), "timescale": .string(r.timescale),
            "lead": .string(r.lead.id), "officer": .string(r.officer), "partners": .strings(r.partners.map(\.id)),
            "blocks": .object(
                Dictionary(r.blocks.map { ($0.kind.rawValue, .string($0.text)) }, uniquingKeysWith: { a, _ in a })),
            "actions": .strings(r.actions.map(\.ref.description)),
        ])
    }

    static func partner(_ tally: PartnerTally, provenance: PartnerProvenance?) -> JSONValue {
        .object([
            "id": .string(tally.partner.id), "name": .string(tally.partner.name), "actions": .int(tally.total),
            "provenance": provenance.map {
                .object(["commit": .string($0.commit), "author": .string($0.author), "date": .string($0.date)])
            } ?? .null,
        ])
    }

    static func action(_ a: ActionRow) -> JSONValue {
        .object([
            "ref": .string(a.ref.description), "recommendation": .int(a.recommendation),
            "timescale": .string(a.timescale), "partner": .string(a.partner.id), "partnerName": .string(a.partner.name),
            "text": .string(a.text), "lead": .strings(a.leads), "status": .string(a.status?.rawValue),
            "overdue": .bool(a.isOverdue), "due": a.due.map(due) ?? .null, "success": .strings(a.success),
            "milestones": .array(a.milestones.map { .object(["due": due($0.due), "text": .string($0.text)]) }),
            "resources": .string(a.resources), "risk": .string(a.risk), "monitoring": .string(a.monitoring),
            "crossReferences": .strings(a.crossReferences.map(\.description)), "links": .strings(a.links),
            "details": .strings(a.details), "notes": .strings(a.notes), "file": .string(a.file),
        ])
    }

    static func due(_ d: DueDate) -> JSONValue {
        .object([
            "text": .string(d.text), "kind": .string(d.kind.rawValue), "start": day(d.start), "end": day(d.end),
            "open": .string(d.open?.rawValue), "note": .string(d.note),
        ])
    }

    static func summary(_ s: PlanSummary) -> JSONValue {
        func statuses(_ counts: [StatusCount]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: counts.map { (ActionStatus.label($0.status), .int($0.count)) }))
        }
        func refs(_ list: [ActionRef]) -> JSONValue { .strings(list.map(\.description)) }
        return .object([
            "total": .int(s.total), "byStatus": statuses(s.byStatus),
            "byPartner": .object(
                Dictionary(
                    s.byPartner.map {
                        ($0.partner.id, .object(["total": .int($0.total), "byStatus": statuses($0.byStatus)]))
                    }, uniquingKeysWith: { a, _ in a })),
            "overdue": refs(s.overdue), "toBeConfirmed": refs(s.toBeConfirmed), "unread": refs(s.unread),
            "undated": refs(s.undated),
        ])
    }

    static func day(_ d: Day?) -> JSONValue { .string(d?.iso) }
}
