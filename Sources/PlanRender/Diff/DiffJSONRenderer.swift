import Foundation
import PlanModel

/// Renders a plan diff as JSON for other tools: the `PlanDiff` as it encodes, with the two
/// versions' labels, keys sorted and indented so the output is stable and diffs well.
///
///     { "from": "cabinet/2008-09-01", "to": "main", "title": "...",
///       "totals": { "added": 1, "re-dated": 0, ... every kind },
///       "byRecommendation": [ { "number": 15, "text": "...", "change": {...}?,
///                               "actions": [ { "ref": "15.1", "kinds": ["re-dated"], ... } ] } ],
///       "byPartner": [ { "id": "...", "name": "...", "change": "added"?, "totals": {...},
///                        "actions": ["15.1"] } ] }
///
/// Optional details are left out when absent (`due` only on a re-dated action); inside a
/// before/after pair, "no value" is `null` (`"statusChange": {"old": null, "new": "done"}`).
public enum DiffJSONRenderer {
    public static func render(_ diff: PlanDiff, labels: DiffLabels) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let document = Document(
            from: labels.from, to: labels.to, title: diff.title, totals: diff.totals,
            byRecommendation: diff.byRecommendation, byPartner: diff.byPartner)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var from: String
        var to: String
        var title: String
        var totals: [ChangeKind: Int]
        var byRecommendation: [RecommendationGroup]
        var byPartner: [PartnerGroup]
    }
}
