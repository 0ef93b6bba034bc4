/// The kinds of change a reader of two versions of a plan is told about, in report order.
///
/// Action kinds come first (an action may carry several at once: re-dated and status
/// changed), then recommendation kinds (from the manifest and the lead partner's blocks),
/// then partner kinds (from the manifest).
public enum ChangeKind: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case added
    case withdrawn
    case redated = "re-dated"
    case reassigned = "re-assigned"
    case status
    case text
    case success
    case other
    case recommendationAdded = "recommendation-added"
    case recommendationRemoved = "recommendation-removed"
    case recommendationChanged = "recommendation-changed"
    case recommendationBlocks = "recommendation-blocks"
    case partnerAdded = "partner-added"
    case partnerRemoved = "partner-removed"

    /// How a report names the kind: "Re-dated", "Status changed".
    public var label: String {
        switch self {
        case .added: "Added"
        case .withdrawn: "Withdrawn"
        case .redated: "Re-dated"
        case .reassigned: "Re-assigned"
        case .status: "Status changed"
        case .text: "Text changed"
        case .success: "Success criteria changed"
        case .other: "Other fields changed"
        case .recommendationAdded: "Recommendations added"
        case .recommendationRemoved: "Recommendations removed"
        case .recommendationChanged: "Recommendations changed"
        case .recommendationBlocks: "Recommendation text blocks changed"
        case .partnerAdded: "Partners added"
        case .partnerRemoved: "Partners removed"
        }
    }

    /// True for the kinds an action carries.
    public var isActionKind: Bool {
        switch self {
        case .added, .withdrawn, .redated, .reassigned, .status, .text, .success, .other: true
        default: false
        }
    }

    /// The position in report order (for sorting kinds).
    public var order: Int { ChangeKind.allCases.firstIndex(of: self)! }
}
