/// A partner registered in, or removed from, the manifest.
public struct PartnerChange: Hashable, Sendable, Codable {
    public enum Change: String, Hashable, Sendable, Codable {
        case added, removed
    }

    public var id: String
    public var name: String
    public var change: Change

    public init(id: String, name: String, change: Change) {
        self.id = id
        self.name = name
        self.change = change
    }

    public var kind: ChangeKind { change == .added ? .partnerAdded : .partnerRemoved }

    /// Partners only one manifest lists, by id.
    static func changes(_ old: Manifest, _ new: Manifest) -> [PartnerChange] {
        let oldIDs = Set(old.partners.map(\.id)), newIDs = Set(new.partners.map(\.id))
        let added = new.partners.filter { !oldIDs.contains($0.id) }
            .map { PartnerChange(id: $0.id, name: $0.name, change: .added) }
        let removed = old.partners.filter { !newIDs.contains($0.id) }
            .map { PartnerChange(id: $0.id, name: $0.name, change: .removed) }
        return (added + removed).sorted { $0.id < $1.id }
    }
}
