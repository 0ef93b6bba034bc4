/// The plan manifest (`plan.yaml` at the root of every clone), owned by the coordinator.
///
/// It says what the plan is answering (the inspection and its recommendations), who the
/// partners are and where their work is published, and which action fields are required.
public struct Manifest: Hashable, Sendable, Codable {
    /// The manifest file name, at the plan root.
    public static let fileName = "plan.yaml"

    public var title: String
    public var authority: String
    public var inspection: Inspection
    public var deadline: DeadlineRule
    public var committees: [Committee]
    public var timescales: [Timescale]
    public var recommendations: [Recommendation]
    public var partners: [Partner]
    public var coordinator: Coordinator
    public var policy: FieldPolicy
    /// How the plan's documents show progress: in words (default) or as RAG colours.
    public var reporting: StatusReporting
    /// The partnership's outcome areas (`outcome-areas:`), in the plan's order; empty when
    /// the plan does not organise its work by outcome.
    public var outcomeAreas: [OutcomeArea] = []

    public init(
        title: String, authority: String, inspection: Inspection,
        deadline: DeadlineRule = DeadlineRule(), committees: [Committee] = [],
        timescales: [Timescale] = [], recommendations: [Recommendation] = [],
        partners: [Partner] = [], coordinator: Coordinator = Coordinator(),
        policy: FieldPolicy = FieldPolicy(), reporting: StatusReporting = .words
    ) {
        self.title = title
        self.authority = authority
        self.inspection = inspection
        self.deadline = deadline
        self.committees = committees
        self.timescales = timescales
        self.recommendations = recommendations
        self.partners = partners
        self.coordinator = coordinator
        self.policy = policy
        self.reporting = reporting
    }

    public func partner(_ id: String) -> Partner? { partners.first { $0.id == id } }
    public func recommendation(_ number: Int) -> Recommendation? {
        recommendations.first { $0.number == number }
    }
    public func timescale(_ id: String) -> Timescale? { timescales.first { $0.id == id } }
}

/// How a plan reports each action's status (`reporting:` in `plan.yaml`). Status lines are
/// written and read the same way either way; this only says what documents show.
public enum StatusReporting: String, Hashable, Sendable, Codable, CaseIterable {
    /// The status words: not started, on track, at risk, off track, done.
    case words
    /// RAG colours: Green (on track), Amber (at risk), Red (off track), Blue (done).
    case rag
}

public struct Inspection: Hashable, Sendable, Codable {
    public var name: String
    /// The day the inspection report was published: day 1 of the statutory period by default.
    public var published: Day?

    public init(name: String, published: Day? = nil) {
        self.name = name
        self.published = published
    }
}

/// The statutory deadline: N working days from the report's publication.
public struct DeadlineRule: Hashable, Sendable, Codable {
    public enum FirstDay: String, Hashable, Sendable, Codable, CaseIterable {
        /// The publication day counts as working day 1 (when it is a working day).
        case publication
        /// Counting starts on the working day after publication.
        case next
    }

    public var workingDays: Int
    public var firstDay: FirstDay

    public init(workingDays: Int = 70, firstDay: FirstDay = .publication) {
        self.workingDays = workingDays
        self.firstDay = firstDay
    }
}

/// A meeting that receives the plan (Cabinet, scrutiny, a partnership board).
public struct Committee: Hashable, Sendable, Codable {
    public var name: String
    public var date: Day

    public init(name: String, date: Day) {
        self.name = name
        self.date = date
    }
}

/// A timescale group of recommendations ("For immediate action"), with the day by which
/// its actions are expected to be done (nil: no end, as "longer term" often has).
public struct Timescale: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var end: Day?

    public init(id: String, name: String, end: Day? = nil) {
        self.id = id
        self.name = name
        self.end = end
    }
}

/// One inspection recommendation the plan answers.
public struct Recommendation: Hashable, Sendable, Codable {
    public var number: Int
    public var text: String
    /// A `Timescale.id`.
    public var timescale: String
    /// The lead partner's id: the one partner that writes the recommendation-level text.
    public var lead: String
    /// The named lead officer, where the plan gives one ("Lead: Richard Whitehouse").
    public var officer: String?
    /// Other partners expected to contribute actions.
    public var partners: [String]
    /// The outcome areas it serves, as written (`outcome-areas:`): ids or titles of
    /// `Manifest.outcomeAreas`.
    public var outcomeAreas: [String] = []

    public init(
        number: Int, text: String, timescale: String, lead: String, officer: String? = nil,
        partners: [String] = []
    ) {
        self.number = number
        self.text = text
        self.timescale = timescale
        self.lead = lead
        self.officer = officer
        self.partners = partners
    }
}

/// A partner body: owns `sections/<id>/` and publishes it at `remote`/`branch`.
public struct Partner: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Where the coordinator fetches from: a path, file://, git://, ssh or https URL.
    public var remote: String?
    public var branch: String
    public var officers: [String]
    /// Server user names (gitolite GL_USER, REMOTE_USER) that push for this partner.
    public var pushers: [String]

    public init(
        id: String, name: String, remote: String? = nil, branch: String = "main",
        officers: [String] = [], pushers: [String] = []
    ) {
        self.id = id
        self.name = name
        self.remote = remote
        self.branch = branch
        self.officers = officers
        self.pushers = pushers
    }

    /// The folder this partner owns.
    public var folder: String { "sections/\(id)/" }
}

/// Who may change the manifest and any folder on the hub.
public struct Coordinator: Hashable, Sendable, Codable {
    public var name: String?
    public var pushers: [String]

    public init(name: String? = nil, pushers: [String] = []) {
        self.name = name
        self.pushers = pushers
    }
}

/// Which action fields every action must have, and how loudly a gap is reported.
///
/// The default is Derby's Recommendation 3: every action names a responsible officer, a
/// delivery date, an expected outcome, the resources required and the risk of failure.
public struct FieldPolicy: Hashable, Sendable, Codable {
    public var required: [ActionField]
    public var missing: Severity

    public static let recommendation3: [ActionField] = [.lead, .due, .success, .resources, .risk]

    public init(required: [ActionField] = FieldPolicy.recommendation3, missing: Severity = .error) {
        self.required = required
        self.missing = missing
    }
}
