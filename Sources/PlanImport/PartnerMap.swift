import Foundation
import PlanModel
import Yams

/// Which partner each action belongs to: officer names and organisation names, as the
/// source plan writes them, mapped to partner ids, with a default for the rest.
///
/// ```yaml
/// default: leicester-city-council
/// partners:                      # the name each partner gets in the manifest
///   leicester-pct: Leicester City Primary Care Trust
/// map:                           # officer or organisation -> partner id
///   Paul Vaughan: lcc-teenage-pregnancy
///   Leicester City PCT: leicester-pct
/// ```
/// Keys match case-insensitively, spaces folded. A partner's own name matches its id.
public struct PartnerMap: Hashable, Sendable {
    /// The partner of actions nothing else places.
    public var defaultPartner: String?
    /// Partner id -> display name.
    public var names: [String: String]
    /// Folded officer or organisation name -> partner id.
    public var entries: [String: String]

    /// A map from these entries (keys folded here).
    public init(defaultPartner: String? = nil, names: [String: String] = [:], entries: [String: String] = [:]) {
        self.defaultPartner = defaultPartner
        self.names = names
        self.entries = [:]
        for (key, id) in entries { self.entries[PartnerMap.fold(key)] = id }
    }

    /// Reads a map file; a problem names the file and the key.
    public init(yaml text: String, file: String) throws {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw PartnerMapError(file: file, message: "is not valid YAML: \(error)")
        }
        guard let mapping = node?.mapping else {
            throw PartnerMapError(file: file, message: "should be a mapping with 'default', 'partners' and 'map'")
        }
        var defaultPartner: String?
        var names: [String: String] = [:]
        var entries: [String: String] = [:]
        for (key, value) in mapping {
            switch key.string {
            case "default":
                defaultPartner = value.string
            case "partners":
                for (id, name) in value.mapping ?? [:] {
                    if let id = id.string, let name = name.string { names[id] = name }
                }
            case "map":
                for (from, id) in value.mapping ?? [:] {
                    guard let from = from.string, let id = id.string else { continue }
                    entries[from] = id
                }
            default:
                throw PartnerMapError(
                    file: file, message: "has an unknown key '\(key.string ?? "?")' (known: default, partners, map)")
            }
        }
        for id in [defaultPartner].compactMap({ $0 }) + Array(entries.values) + Array(names.keys)
        where !PartnerMap.isValidID(id) {
            throw PartnerMapError(
                file: file,
                message: "'\(id)' is not a partner id: use lowercase letters, digits and '-' (leicester-pct)")
        }
        self.init(defaultPartner: defaultPartner, names: names, entries: entries)
        for (id, name) in names where self.entries[PartnerMap.fold(name)] == nil {
            self.entries[PartnerMap.fold(name)] = id
        }
    }

    /// The partner id for a name as written, nil when the map does not know it.
    public func partner(for name: String) -> String? { entries[PartnerMap.fold(name)] }

    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Lowercase letters, digits and `-`, starting with a letter or digit.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.first, first != "-" else { return false }
        return id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// A partner id made from a name: `Leicester City PCT` -> `leicester-city-pct`.
    public static func slug(_ name: String) -> String {
        let mapped = name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        let parts = String(mapped).split(separator: "-", omittingEmptySubsequences: true)
        var id = ""
        for part in parts where id.isEmpty || id.count + part.count < 40 { id += (id.isEmpty ? "" : "-") + part }
        return id.isEmpty ? "partner" : id
    }
}

/// A map file that cannot be used.
public struct PartnerMapError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The map file.
    public var file: String
    /// What is wrong, after the file name.
    public var message: String
    /// `map.yaml is not valid YAML: ...`.
    public var description: String { "\(file) \(message)" }
}
