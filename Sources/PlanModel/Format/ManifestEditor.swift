import Foundation

/// Edits the manifest's text in place (adding or removing a partner entry), keeping the
/// coordinator's comments and layout, and checks the result by reading it back: an edit
/// that does not give exactly the intended manifest is refused, never written.
public struct ManifestEditor {
    public enum EditError: Error, CustomStringConvertible, Equatable {
        case invalidManifest
        case partnerExists(String)
        case noSuchPartner(String)
        case invalidID(String)
        case cannotPlace(String)

        public var description: String {
            switch self {
            case .invalidManifest: "plan.yaml has errors; fix them first (planmerge validate)"
            case .partnerExists(let id): "a partner '\(id)' is already in the manifest"
            case .noSuchPartner(let id): "there is no partner '\(id)' in the manifest"
            case .invalidID(let id): "'\(id)' is not a usable partner id: use lowercase letters, digits and '-'"
            case .cannotPlace(let why): "cannot edit plan.yaml safely: \(why); edit it by hand"
            }
        }
    }

    public let text: String

    public init(text: String) {
        self.text = text
    }

    private func read(_ text: String) -> ManifestReader.Result {
        ManifestReader().read(Array(text.utf8))
    }

    /// The manifest text with `partner` appended to the partners list.
    public func adding(_ partner: Partner) throws -> String {
        let before = read(text)
        guard var manifest = before.manifest, !before.diagnostics.hasErrors else { throw EditError.invalidManifest }
        guard ManifestConsistencyCheck.isValidID(partner.id) else { throw EditError.invalidID(partner.id) }
        guard manifest.partner(partner.id) == nil else { throw EditError.partnerExists(partner.id) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let keyLine = lines.firstIndex(where: { $0.hasPrefix("partners:") }) else {
            throw EditError.cannotPlace("no top-level 'partners:' key")
        }
        if lines[keyLine].trimmed.hasSuffix("[]") { lines[keyLine] = "partners:" }
        else if lines[keyLine].trimmed != "partners:" { throw EditError.cannotPlace("'partners:' is not written as a block list") }
        let end = blockEnd(after: keyLine, in: lines)
        let indent = lines[(keyLine + 1)..<end].first { $0.trimmed.hasPrefix("- ") }.map { String($0.prefix { $0 == " " }) } ?? "  "
        var entry = ["\(indent)- id: \(partner.id)", "\(indent)  name: \(YAMLText.scalar(partner.name))"]
        if let remote = partner.remote { entry.append("\(indent)  remote: \(YAMLText.scalar(remote))") }
        if partner.branch != "main" { entry.append("\(indent)  branch: \(YAMLText.scalar(partner.branch))") }
        if !partner.officers.isEmpty { entry.append("\(indent)  officers: [\(partner.officers.map(YAMLText.scalar).joined(separator: ", "))]") }
        if !partner.pushers.isEmpty { entry.append("\(indent)  pushers: [\(partner.pushers.map(YAMLText.scalar).joined(separator: ", "))]") }
        var insertAt = end
        while insertAt > keyLine + 1, lines[insertAt - 1].trimmed.isEmpty { insertAt -= 1 }
        lines.insert(contentsOf: entry, at: insertAt)
        let edited = lines.joined(separator: "\n")
        manifest.partners.append(partner)
        try verify(edited, equals: manifest)
        return edited
    }

    /// The manifest text without partner `id`.
    public func removing(_ id: String) throws -> String {
        let before = read(text)
        guard var manifest = before.manifest, !before.diagnostics.hasErrors else { throw EditError.invalidManifest }
        guard manifest.partner(id) != nil, let location = before.locations.partners[id] else { throw EditError.noSuchPartner(id) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = location.line - 1
        guard lines.indices.contains(first), lines[first].trimmed.hasPrefix("- ") else {
            throw EditError.cannotPlace("the entry of '\(id)' does not start its own '- ' line")
        }
        let indent = lines[first].prefix { $0 == " " }.count
        var last = first + 1
        while last < lines.count {
            let line = lines[last]
            let depth = line.prefix { $0 == " " }.count
            if !line.trimmed.isEmpty, depth <= indent { break }
            last += 1
        }
        lines.removeSubrange(first..<last)
        if let keyLine = lines.firstIndex(where: { $0.hasPrefix("partners:") }),
            !lines[(keyLine + 1)..<blockEnd(after: keyLine, in: lines)].contains(where: { $0.trimmed.hasPrefix("- ") })
        {
            lines[keyLine] = "partners: []"  // the last partner went: an empty list, not a null
        }
        let edited = lines.joined(separator: "\n")
        manifest.partners.removeAll { $0.id == id }
        try verify(edited, equals: manifest)
        return edited
    }

    /// The first line after `keyLine` that starts another top-level key.
    private func blockEnd(after keyLine: Int, in lines: [String]) -> Int {
        var index = keyLine + 1
        while index < lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "#", first != "-", first != "\t" { return index }
            index += 1
        }
        return lines.count
    }

    private func verify(_ edited: String, equals expected: Manifest) throws {
        let after = read(edited)
        guard let manifest = after.manifest, !after.diagnostics.hasErrors, manifest == expected else {
            throw EditError.cannotPlace("the edited file would not read back as intended")
        }
    }
}

/// Writing YAML scalars that read back as the same text.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || " -_./()'&".contains($0) }
            && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.isEmpty
            && !["true", "false", "yes", "no", "null", "on", "off", "~"].contains(text.lowercased())
            && Int(text) == nil && Double(text) == nil && !text.hasPrefix("-")
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
