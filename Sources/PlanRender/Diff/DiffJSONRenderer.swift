import Foundation
import PlanModel

/// Renders a plan diff as JSON for other tools: the `PlanDiff` as it encodes, with the two
/// versions' labels, keys sorted and indented so the output is stable and diffs well.
///
///     { "from": "cabinet/2008-09-01", "to": "main", "title": "...",
///       "totals": { "added": 1, "re-dated": 0, ... every kind },
///       "byRecommendation": [ { "number": 15, "text": "...", "change": {...} | null,
///                               "actions": [ { "ref": "15.1", "kinds": ["re-dated"], ... } ] } ],
///       "byPartner": [ { "id": "...", "name": "...", "change": "added" | null, "totals": {...},
///                        "actions": ["15.1"] } ] }
///
/// In planmerge's JSON convention (`JSONConvention`): every key is present, an absent detail
/// is `null` (`"due": null` on an action that was not re-dated; inside a before/after pair,
/// `"statusChange": {"old": null, "new": "done"}`).
public enum DiffJSONRenderer {
    public static func render(_ diff: PlanDiff, labels: DiffLabels) throws -> String {
        let document = Document(
            from: labels.from, to: labels.to, title: diff.title, totals: diff.totals,
            byRecommendation: diff.byRecommendation, byPartner: diff.byPartner)
        return try JSONConvention.encode(document) + "\n"
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
