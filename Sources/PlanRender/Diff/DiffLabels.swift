/// What the two versions of a diff are called in a report: the arguments as the user gave
/// them ("cabinet/2008-09-01", "main", a folder).
public struct DiffLabels: Hashable, Sendable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
