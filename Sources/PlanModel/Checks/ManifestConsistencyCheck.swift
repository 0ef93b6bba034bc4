/// `manifest-reference`, `manifest-duplicate`: the manifest's own entries agree with each
/// other: recommendations name known timescales and partners; numbers and ids are unique;
/// partner ids make usable folder names; `manifest-partner-branch`: a branch names where on a
/// partner's own remote it publishes, so a branch without a remote is an error.
public struct ManifestConsistencyCheck: PlanCheck {
    public init() {}
    public var rules: [String] {
        ["manifest-reference", "manifest-duplicate", "manifest-partner-id", "manifest-partner-branch"]
    }

    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] {
        let manifest = index.manifest
        let locations = index.manifestLocations
        var out: [Diagnostic] = []
        let partnerIDs = Set(manifest.partners.map(\.id))
        let timescaleIDs = Set(manifest.timescales.map(\.id))
        for rec in manifest.recommendations {
            let at = locations.recommendation(rec.number)
            if !timescaleIDs.contains(rec.timescale) {
                out.append(
                    Diagnostic(
                        .error, "manifest-reference", at: at,
                        "recommendation \(rec.number) has timescale '\(rec.timescale)', which is not defined",
                        hint: "use one of: \(manifest.timescales.map(\.id).joined(separator: ", "))"))
            }
            for partner in [rec.lead] + rec.partners where !partnerIDs.contains(partner) {
                out.append(
                    Diagnostic(
                        .error, "manifest-reference", at: at,
                        "recommendation \(rec.number) names partner '\(partner)', which is not in the partners list",
                        hint: "add the partner under 'partners:', or correct the id"))
            }
        }
        out += duplicates(manifest.recommendations.map(\.number), what: "recommendation") {
            locations.recommendation($0)
        }
        out += duplicates(manifest.partners.map(\.id), what: "partner") {
            locations.partners[$0] ?? SourceLocation(file: Manifest.fileName)
        }
        out += duplicates(manifest.timescales.map(\.id), what: "timescale") {
            locations.timescales[$0] ?? SourceLocation(file: Manifest.fileName)
        }
        for partner in manifest.partners where !ManifestConsistencyCheck.isValidID(partner.id) {
            out.append(
                Diagnostic(
                    .error, "manifest-partner-id",
                    at: locations.partners[partner.id] ?? SourceLocation(file: Manifest.fileName),
                    "partner id '\(partner.id)' is not a usable folder name",
                    hint: "use lowercase letters, digits and '-', e.g. 'leicester-pct'"))
        }
        for partner in manifest.partners where partner.remote == nil && partner.branch != HubLayout.mainBranch {
            out.append(
                Diagnostic(
                    .error, "manifest-partner-branch",
                    at: locations.partners[partner.id] ?? SourceLocation(file: Manifest.fileName),
                    "partner '\(partner.id)' names branch '\(partner.branch)' but no remote: a partner without a remote publishes to \(HubLayout.partnerBranch(partner.id)) on the hub",
                    hint:
                        "remove 'branch:' (the partner pushes to \(HubLayout.partnerBranch(partner.id))), or add the 'remote:' that branch is on"
                ))
        }
        return out
    }

    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.first != "-"
            && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    private func duplicates<T: Hashable & CustomStringConvertible>(
        _ values: [T], what: String, at: (T) -> SourceLocation
    ) -> [Diagnostic] {
        var seen = Set<T>()
        return values.compactMap { value in
            guard !seen.insert(value).inserted else { return nil }
            return Diagnostic(
                .error, "manifest-duplicate", at: at(value), "\(what) \(value) is listed twice in the manifest",
                hint: "keep one entry")
        }
    }
}
