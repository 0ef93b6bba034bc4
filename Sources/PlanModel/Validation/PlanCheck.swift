/// One independent validation rule, with a stable rule id.
///
/// A check has up to two parts, and implements the ones it needs:
/// - `check(_:in:)` looks at one section file with the manifest. What it finds depends on
///   that file's text and the manifest only, so it is worked out once per file version and
///   kept between runs (`PlanLoader.check`): a one-file change re-checks one file.
/// - `check(_:context:)` looks at the plan as a whole through its `PlanIndex` (the manifest,
///   the file list, and each action's reference, cross-references and due date): duplicate
///   references, cross-references, empty recommendations, the manifest's own consistency,
///   and anything that depends on the day (overdue).
///
/// Checks never print and never stop at the first problem: each returns every diagnostic
/// it finds. `Validator` runs them all; docs/RULES.md lists the ids.
public protocol PlanCheck: Sendable {
    /// The rule ids this check can report (most checks report one).
    var rules: [String] { get }
    /// What the check finds in one section file.
    func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic]
    /// What the check finds in the plan as a whole.
    func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic]
}

extension PlanCheck {
    public func check(_ section: SectionFile, in scope: FileScope) -> [Diagnostic] { [] }
    public func check(_ index: PlanIndex, context: CheckContext) -> [Diagnostic] { [] }

    /// Both parts over a whole plan (a plan built in code, or one check alone in a test).
    public func check(_ plan: Plan, context: CheckContext) -> [Diagnostic] {
        let index = PlanIndex(plan)
        let read = Set(plan.files)
        return check(index, context: context)
            + plan.sections.flatMap {
                check($0, in: FileScope(manifest: plan.manifest, read: read.contains($0.path)))
            }
    }
}

/// What a check may need besides the plan.
public struct CheckContext: Sendable {
    /// "Today" for overdue checks; nil turns them off (a plain `validate` of a 2008 plan
    /// should not call every action overdue).
    public var today: Day?

    public init(today: Day? = nil) {
        self.today = today
    }
}

/// What a check of one section file may look at besides the file: the manifest, and whether
/// the file was read from bytes (its control characters were then reported by the reader,
/// with line and column). Nothing here depends on the day or on other files.
public struct FileScope: Sendable {
    public var manifest: Manifest
    public var read: Bool

    public init(manifest: Manifest, read: Bool = true) {
        self.manifest = manifest
        self.read = read
    }
}

/// Runs every check over a plan.
public struct Validator: Sendable {
    public var checks: [any PlanCheck]

    public init(checks: [any PlanCheck] = Validator.standardChecks) {
        self.checks = checks
    }

    /// The checks `planmerge validate` runs, in reporting order.
    public static let standardChecks: [any PlanCheck] = [
        FileLayoutCheck(),
        SectionPlacementCheck(),
        RecommendationTextOwnerCheck(),
        RequiredFieldsCheck(),
        DuplicateReferenceCheck(),
        ReferenceRecommendationCheck(),
        CrossReferenceCheck(),
        EmptyRecommendationCheck(),
        ManifestConsistencyCheck(),
        OutcomeAreaCheck(),
        RemoteCredentialsCheck(),
        DueUnreadCheck(),
        DueToBeConfirmedCheck(),
        DueAfterTimescaleCheck(),
        OverdueCheck(),
        ControlCharacterCheck(),
    ]

    /// Every check over a whole plan: each file's part, then `combine`.
    public func validate(_ plan: Plan, context: CheckContext = CheckContext()) -> [Diagnostic] {
        let read = Set(plan.files)
        let perFile = plan.sections.map {
            checkFile($0, in: FileScope(manifest: plan.manifest, read: read.contains($0.path)))
        }
        return combine(PlanIndex(plan), perFile: perFile, context: context)
    }

    /// The file parts of every check for one section file, one list per check (in `checks`
    /// order). Depends on the file and the manifest only, so it can be kept per file version.
    public func checkFile(_ section: SectionFile, in scope: FileScope) -> [[Diagnostic]] {
        checks.map { $0.check(section, in: scope) }
    }

    /// The plan's diagnostics from the whole-plan parts and the files' parts (`perFile`, one
    /// entry per section of `index.sections`, in that order, as `checkFile` returns them):
    /// check by check, its whole-plan part first, then its findings file by file.
    public func combine(_ index: PlanIndex, perFile: [[[Diagnostic]]], context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (position, check) in checks.enumerated() {
            out += check.check(index, context: context)
            for file in perFile where position < file.count { out += file[position] }
        }
        return out
    }
}
