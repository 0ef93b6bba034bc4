import PlanModel

/// The command line's JSON: `JSONConvention` (PlanModel), every documented key present.
enum ReportJSON {
    static func encode(_ value: some Encodable) throws -> String {
        try JSONConvention.encode(value)
    }
}
