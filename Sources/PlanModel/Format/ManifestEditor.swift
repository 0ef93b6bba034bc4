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
        if lines[keyLine].trimmed.hasSuffix("[]") {
            lines[keyLine] = "partners:"
        } else if lines[keyLine].trimmed != "partners:" {
            throw EditError.cannotPlace("'partners:' is not written as a block list")
        }
        let end = blockEnd(after: keyLine, in: lines)
        let indent =
            lines[(keyLine + 1)..<end].first { $0.trimmed.hasPrefix("- ") }.map { String($0.prefix { $0 == " " }) }
            ?? "  "
        var entry = ["\(indent)- id: \(partner.id)", "\(indent)  name: \(YAMLText.scalar(partner.name))"]
        if let remote = partner.remote { entry.append("\(indent)  remote: \(YAMLText.scalar(remote))") }
        if partner.branch != "main" { entry.append("\(indent)  branch: \(YAMLText.scalar(partner.branch))") }
        if !partner.officers.isEmpty {
            entry.append("\(indent)  officers: [\(partner.officers.map(YAMLText.scalar).joined(separator: ", "))]")
        }
        if !partner.pushers.isEmpty {
            entry.append("\(indent)  pushers: [\(partner.pushers.map(YAMLText.scalar).joined(separator: ", "))]")
        }
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
        guard manifest.partner(id) != nil, let location = before.locations.partners[id] else {
            throw EditError.noSuchPartner(id)
        }
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

    /// The changes `partner set` makes to one partner: nil leaves a field as it is.
    public struct PartnerChange: Sendable, Equatable {
        public var name: String?
        /// `.some(nil)` removes the remote (the partner then pushes to the hub).
        public var remote: String??
        public var branch: String?
        public var addPushers: [String] = []
        public var removePushers: [String] = []
        /// Replaces the officers when not nil.
        public var officers: [String]?

        public init(
            name: String? = nil, remote: String?? = nil, branch: String? = nil, addPushers: [String] = [],
            removePushers: [String] = [], officers: [String]? = nil
        ) {
            self.name = name
            self.remote = remote
            self.branch = branch
            self.addPushers = addPushers
            self.removePushers = removePushers
            self.officers = officers
        }
    }

    /// The manifest text with partner `id` changed; every other line (comments included)
    /// is kept. Returns the text and the partner as it now reads.
    public func settingPartner(_ id: String, _ change: PartnerChange) throws -> (text: String, partner: Partner) {
        let before = read(text)
        guard var manifest = before.manifest, !before.diagnostics.hasErrors else { throw EditError.invalidManifest }
        guard let index = manifest.partners.firstIndex(where: { $0.id == id }),
            let location = before.locations.partners[id]
        else {
            throw EditError.noSuchPartner(id)
        }
        var partner = manifest.partners[index]
        if let name = change.name { partner.name = name }
        if let remote = change.remote { partner.remote = remote }
        if let branch = change.branch { partner.branch = branch }
        for user in change.addPushers where !partner.pushers.contains(where: { UserName.same($0, user) }) {
            partner.pushers.append(user)
        }
        partner.pushers.removeAll { pusher in change.removePushers.contains { UserName.same($0, pusher) } }
        if let officers = change.officers { partner.officers = officers }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = location.line - 1
        guard lines.indices.contains(first), lines[first].trimmed.hasPrefix("- ") else {
            throw EditError.cannotPlace("the entry of '\(id)' does not start its own '- ' line")
        }
        let indent = lines[first].prefix { $0 == " " }.count
        let fieldIndent = String(repeating: " ", count: indent + 2)
        func list(_ items: [String]) -> String? {
            items.isEmpty ? nil : "[\(items.map(YAMLText.scalar).joined(separator: ", "))]"
        }
        let fields: [(String, String?)] = [
            ("name", YAMLText.scalar(partner.name)),
            ("remote", partner.remote.map(YAMLText.scalar)),
            (
                "branch",
                partner.branch == "main" && !hasField("branch", lines: lines, first: first, indent: indent)
                    ? nil : YAMLText.scalar(partner.branch)
            ),
            ("officers", list(partner.officers)),
            ("pushers", list(partner.pushers)),
        ]
        let old = manifest.partners[index]
        let changed: [String: Bool] = [
            "name": old.name != partner.name, "remote": old.remote != partner.remote,
            "branch": old.branch != partner.branch,
            "officers": old.officers != partner.officers, "pushers": old.pushers != partner.pushers,
        ]
        for (key, value) in fields where changed[key] == true {
            try setField(key, value, in: &lines, first: first, indent: indent, fieldIndent: fieldIndent)
        }
        let edited = lines.joined(separator: "\n")
        manifest.partners[index] = partner
        try verify(edited, equals: manifest)
        return (edited, partner)
    }

    /// The manifest text with `coordinator.pushers` set to `pushers`.
    public func settingCoordinatorPushers(_ pushers: [String]) throws -> String {
        let before = read(text)
        guard var manifest = before.manifest, !before.diagnostics.hasErrors else { throw EditError.invalidManifest }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let value = "[\(pushers.map(YAMLText.scalar).joined(separator: ", "))]"
        if let keyLine = lines.firstIndex(where: { $0.hasPrefix("coordinator:") }) {
            guard lines[keyLine].trimmed == "coordinator:" else {
                throw EditError.cannotPlace("'coordinator:' is not written as a block")
            }
            let end = blockEnd(after: keyLine, in: lines)
            let child = lines[(keyLine + 1)..<end].first { !$0.trimmed.isEmpty && !$0.trimmed.hasPrefix("#") }
            let indent = child.map { String($0.prefix { $0 == " " }) } ?? "  "
            if let line = lines[(keyLine + 1)..<end].firstIndex(where: { $0.hasPrefix(indent + "pushers:") }) {
                guard isSingleLine(lines, line, end: end, indent: indent.count) else {
                    throw EditError.cannotPlace("coordinator.pushers is written over several lines")
                }
                lines[line] = indent + "pushers: " + value + Self.comment(of: lines[line])
            } else {
                lines.insert(indent + "pushers: " + value, at: keyLine + 1)
            }
        } else {
            if lines.last == "" { lines.removeLast() }
            lines += ["coordinator:", "  pushers: " + value, ""]
        }
        let edited = lines.joined(separator: "\n")
        manifest.coordinator.pushers = pushers
        try verify(edited, equals: manifest)
        return edited
    }

    private func hasField(_ key: String, lines: [String], first: Int, indent: Int) -> Bool {
        fieldLine(key, lines: lines, first: first, indent: indent) != nil
    }

    /// The line of `key` in the entry starting at `first`, if any.
    private func fieldLine(_ key: String, lines: [String], first: Int, indent: Int) -> Int? {
        if lines[first].trimmed.hasPrefix("- \(key):") { return first }
        var index = first + 1
        while index < lines.count {
            let line = lines[index]
            if !line.trimmed.isEmpty, !line.trimmed.hasPrefix("#"), line.prefix(while: { $0 == " " }).count <= indent {
                break
            }
            if line.prefix(while: { $0 == " " }).count == indent + 2, line.trimmed.hasPrefix("\(key):") { return index }
            index += 1
        }
        return nil
    }

    /// The last line of the entry starting at `first` that is not blank nor a comment.
    private func entryLastLine(_ lines: [String], first: Int, indent: Int) -> Int {
        var last = first
        var index = first + 1
        while index < lines.count {
            let line = lines[index]
            if !line.trimmed.isEmpty, !line.trimmed.hasPrefix("#") {
                if line.prefix(while: { $0 == " " }).count <= indent { break }
                last = index
            }
            index += 1
        }
        return last
    }

    /// True when the field on `line` has no continuation lines (deeper-indented lines after it).
    private func isSingleLine(_ lines: [String], _ line: Int, end: Int? = nil, indent: Int) -> Bool {
        let next = line + 1
        guard next < (end ?? lines.count) else { return true }
        let following = lines[next]
        return following.trimmed.isEmpty || following.prefix(while: { $0 == " " }).count <= indent
            || following.trimmed.hasPrefix("#")
    }

    private func setField(
        _ key: String, _ value: String?, in lines: inout [String], first: Int, indent: Int, fieldIndent: String
    ) throws {
        if let line = fieldLine(key, lines: lines, first: first, indent: indent) {
            let own = line == first ? indent + 2 : lines[line].prefix(while: { $0 == " " }).count
            guard isSingleLine(lines, line, indent: own) else {
                throw EditError.cannotPlace("the partner's '\(key)' is written over several lines")
            }
            if let value {
                let prefix = line == first ? String(repeating: " ", count: indent) + "- " : fieldIndent
                lines[line] = prefix + "\(key): \(value)" + Self.comment(of: lines[line])
            } else {
                guard line != first else { throw EditError.cannotPlace("'\(key)' starts the partner's entry") }
                lines.remove(at: line)
            }
        } else if let value {
            lines.insert(fieldIndent + "\(key): \(value)", at: entryLastLine(lines, first: first, indent: indent) + 1)
        }
    }

    /// A trailing `  # comment` of a simple `key: value` line, kept when the value changes.
    private static func comment(of line: String) -> String {
        guard let hash = line.range(of: " #"), !line[..<hash.lowerBound].contains("\""),
            !line[..<hash.lowerBound].contains("'")
        else {
            return ""
        }
        let before = line[..<hash.lowerBound]
        let spaces = before.reversed().prefix { $0 == " " }.count
        return String(repeating: " ", count: spaces) + String(line[hash.lowerBound...])
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
        let plain =
            text.allSatisfy { $0.isLetter || $0.isNumber || " -_./()'&".contains($0) }
            && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.isEmpty
            && !["true", "false", "yes", "no", "null", "on", "off", "~"].contains(text.lowercased())
            && Int(text) == nil && Double(text) == nil && !text.hasPrefix("-")
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
