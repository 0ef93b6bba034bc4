import Foundation

/// A read manifest as the persistent cache keeps it (JSON of the model's own `Codable` form,
/// with its locations and diagnostics): reading a national plan's `plan.yaml` of 500
/// recommendations through YAML costs more than everything else a one-file consolidate does
/// with the manifest. Keyed by the manifest's blob id like every entry; an entry that does
/// not decode is not used, and the manifest is read again.
struct StoredManifest: Codable {
    var manifest: Manifest?
    var recommendations: [Int: SourceLocation]
    var partners: [String: SourceLocation]
    var timescales: [String: SourceLocation]
    var outcomeAreas: [String: SourceLocation]
    var diagnostics: [Diagnostic]

    init(_ result: ManifestReader.Result) {
        manifest = result.manifest
        recommendations = result.locations.recommendations
        partners = result.locations.partners
        timescales = result.locations.timescales
        outcomeAreas = result.locations.outcomeAreas
        diagnostics = result.diagnostics
    }

    var result: ManifestReader.Result {
        var locations = ManifestLocations()
        locations.recommendations = recommendations
        locations.partners = partners
        locations.timescales = timescales
        locations.outcomeAreas = outcomeAreas
        return ManifestReader.Result(manifest: manifest, locations: locations, diagnostics: diagnostics)
    }

    /// Changes whenever the form above changes.
    static let formatVersion = 1

    /// Manifests smaller than this are read from their YAML every time: decoding JSON costs
    /// about 10 M instructions before the first value (Codable's generic set-up), reading YAML
    /// about 0.6 M per KB (callgrind: Leicester's 10.6 KB plan.yaml 7.9 M as YAML, 12.5 M as
    /// JSON; the national plan's 157 KB 100 M as YAML, 42 M as JSON).
    static let minimumBytes = 32 * 1024

    static func encode(_ result: ManifestReader.Result) -> [UInt8]? {
        (try? JSONEncoder().encode(StoredManifest(result))).map { [UInt8]($0) }
    }

    /// The result, or nil when the bytes are not a whole stored manifest.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> ManifestReader.Result? {
        // A cache entry that does not decode is not an error: the manifest is read again.
        (try? JSONDecoder().decode(StoredManifest.self, from: Data(bytes))).map(\.result)
    }
}
