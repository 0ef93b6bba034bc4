import GitKit
import PlanModel

/// A plan version's diagnostics, and which errors one version has that others had not:
/// the hooks block only on errors a change brings in, never on old ones elsewhere.
public enum PlanErrors {
    /// Checks the plan in `source` with every standard check (as `validate` does).
    public static func diagnostics(of source: some PlanSource, cache: ParseCache? = nil) throws -> (
        plan: PlanIndex?, diagnostics: [Diagnostic]
    ) {
        let checked = try PlanLoader(cache: cache).check(from: source)
        return (checked.index, checked.diagnostics)
    }

    /// The errors of a version, as keys.
    public static func keys(_ diagnostics: [Diagnostic]) -> Set<Diagnostic.Identity> {
        Set(diagnostics.filter { $0.severity == .error }.map(\.identity))
    }

    /// The errors of the tree `treeID` as keys (empty for nil: no earlier version).
    public static func errorKeys(ofTree treeID: ObjectID?, in repository: Repository, cache: ParseCache?) throws -> Set<
        Diagnostic.Identity
    > {
        guard let treeID else { return [] }
        let source = try GitTreeSource(repository: repository, treeID: treeID)
        return keys(try diagnostics(of: source, cache: cache).diagnostics)
    }
}

/// What a hook found: reasons to refuse, blocking errors, and warnings that only inform.
public struct HookReport: Sendable {
    /// Plain-English reasons the change is refused (ownership, history, unsafe files).
    public var refusals: [String] = []
    /// Errors the change brings in: they block.
    public var errors: [Diagnostic] = []
    /// Warnings in the files the change touches: printed, never blocking.
    public var warnings: [Diagnostic] = []

    public init() {}

    public var accepted: Bool { refusals.isEmpty && errors.isEmpty }
}
