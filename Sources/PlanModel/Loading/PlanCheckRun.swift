/// The one way every tool reads and checks a plan (as beancount's `loader.load_file` is):
/// load the manifest and every section file from a source, then run every check, and return
/// the plan with all diagnostics at once. Callers differ only in their
/// `CheckContext` (today, for overdue) and in which diagnostics they report.
extension PlanLoader {
    /// What loading and checking found.
    public struct Checked: Sendable {
        /// Nil when the manifest is missing or unusable; the diagnostics say why.
        public var plan: Plan?
        /// Load diagnostics followed by every check's (callers sort for reading when they report).
        public var diagnostics: [Diagnostic]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Loads the plan from `source` and runs `validator` over it with `context`.
    public func loadAndCheck(
        from source: some PlanSource, context: CheckContext = CheckContext(), validator: Validator = Validator()
    ) throws -> Checked {
        let loaded = try load(from: source)
        let checks = loaded.plan.map { validator.validate($0, context: context) } ?? []
        return Checked(plan: loaded.plan, diagnostics: loaded.diagnostics + checks)
    }
}
