import PlanModel
import PlanRender

/// A small, realistic plan built in code: three partners, three recommendations over the
/// three timescale groups, nine actions covering every due kind, every status and none,
/// milestones, cross-references, recommendation-level blocks, and text with `<&>"'|`.
enum SamplePlan {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static let manifest = Manifest(
        title: "Sampletown Joint Area Review Action Plan",
        authority: "Sampletown City Council",
        inspection: Inspection(
            name: "Joint Area Review of Sampletown's Children & Young People's Services",
            published: day("2008-06-03")),
        deadline: DeadlineRule(workingDays: 70, firstDay: .publication),
        committees: [
            Committee(name: "Scrutiny Committee", date: day("2008-09-15")),
            Committee(name: "Cabinet", date: day("2008-09-01")),
        ],
        timescales: [
            Timescale(id: "immediate", name: "For immediate action", end: day("2008-09-09")),
            Timescale(id: "six-months", name: "For action over the next six months", end: day("2008-12-31")),
            Timescale(id: "longer-term", name: "For action in the longer term"),
        ],
        recommendations: [
            Recommendation(
                number: 15, text: "Improve health outcomes for young parents and children",
                timescale: "longer-term", lead: "pct", partners: ["police"]),
            Recommendation(
                number: 1, text: "Ensure the findings of this report reach children & young people",
                timescale: "immediate", lead: "council", officer: "Siobhan O'Neill"),
            Recommendation(
                number: 6,
                text: "Develop a coordinated strategy for children with learning difficulties <and/or> disabilities",
                timescale: "six-months", lead: "pct", officer: "Dr A. Patel", partners: ["council"]),
        ],
        partners: [
            Partner(id: "council", name: "Sampletown City Council"),
            Partner(id: "pct", name: "Sampletown Primary Care Trust & \"Healthy Futures\""),
            Partner(id: "police", name: "Sampletown Police | Local Policing Unit"),
        ])

    static let sections: [SectionFile] = [
        SectionFile(
            path: "sections/council/1.md", partner: "council", recommendation: 1,
            blocks: [
                TextBlock(kind: .summary, lines: ["The Youth Board chose three ways to share the findings."]),
                TextBlock(
                    kind: .positionStatement,
                    lines: [
                        "The findings were shared with the Youth Board & school councils.",
                        "A second sentence of the same paragraph.",
                        "",
                        "- Leaflet \"JAR and you\" printed",
                        "- Assemblies in *all* secondary schools",
                    ]),
            ],
            actions: [
                Action(
                    ref: ActionRef("1.1")!, text: "Publish a young people's version of the report",
                    due: DueDate(text: "End July 2008", kind: .date, start: day("2008-07-31"), end: day("2008-07-31")),
                    leads: ["Siobhan O'Neill", "Tom Reid"], status: .onTrack,
                    success: ["Leaflet sent to every school", "Read by 1,000 young people, \"quoted\" in the press"],
                    resources: "Communications budget £2,000", risk: "Young people do not read it"),
                Action(
                    ref: ActionRef("1.2")!, text: "Brief the Youth Board",
                    due: DueDate(text: "immediate", kind: .open, open: .immediate), leads: ["Tom Reid"],
                    status: .done, success: ["Youth Board briefed"]),
            ]),
        SectionFile(
            path: "sections/council/6.md", partner: "council", recommendation: 6,
            actions: [
                Action(
                    ref: ActionRef("6.2")!, text: "Map specialist provision across the city",
                    due: DueDate(
                        text: "Nov 08-Jan 09", kind: .period, start: day("2008-11-01"), end: day("2009-01-31")),
                    leads: ["Mark Ellis"], status: .atRisk, success: ["Provision map published"],
                    milestones: [
                        Milestone(
                            due: DueDate(
                                text: "31.10.08", kind: .date, start: day("2008-10-31"), end: day("2008-10-31")),
                            text: "Data collected"),
                        Milestone(
                            due: DueDate(
                                text: "December 2008", kind: .date, start: day("2008-12-31"),
                                end: day("2008-12-31"), note: "month read as its last day"),
                            text: "Draft map | consultation"),
                    ],
                    resources: "Officer time", risk: "Data from schools incomplete",
                    crossReferences: [.action(ActionRef("15.1")!)])
            ]),
        SectionFile(
            path: "sections/pct/6.md", partner: "pct", recommendation: 6,
            blocks: [
                TextBlock(kind: .judgement, lines: ["Provision is *adequate* but uneven."])
            ],
            actions: [
                Action(
                    ref: ActionRef("6.1")!,
                    text: "Agree the <strategy> & publish it: \"one plan\" for all | partners' sign-off",
                    due: DueDate(text: "31.3.09", kind: .date, start: day("2009-03-31"), end: day("2009-03-31")),
                    leads: ["Dr A. Patel"], status: .notStarted,
                    success: ["Strategy signed off by the Children's Trust Board"],
                    resources: "Within existing budgets", risk: "Partners' priorities differ",
                    monitoring: "Quarterly report to the Board", links: ["Children and Young People's Plan 2008-11"]),
                Action(
                    ref: ActionRef("6.3")!, text: "Review the teenage pregnancy data",
                    due: DueDate(text: "Teenage Pregnancy Action Plan 08 – 10 has been signed off", kind: .unread),
                    leads: ["Paul Vaughan"]),
            ]),
        SectionFile(
            path: "sections/pct/15.md", partner: "pct", recommendation: 15,
            blocks: [
                TextBlock(
                    kind: .positionStatement,
                    lines: ["The Teenage Pregnancy action plan 2008-10 was signed off in May 2008."])
            ],
            actions: [
                Action(
                    ref: ActionRef("15.1")!, text: "Complete the local self assessment for young parents",
                    due: DueDate(
                        text: "April 2008 – March 2009", kind: .period, start: day("2008-04-01"), end: day("2009-03-31")
                    ),
                    leads: ["Paul Vaughan", "Annette Hogarth"], status: .done,
                    success: ["Self assessment completed", "Priorities identified"],
                    resources: "Teenage Pregnancy Grant", risk: "Priorities not agreed"),
                Action(
                    ref: ActionRef("15.2")!, text: "Appoint a young parents' coordinator",
                    due: DueDate(text: "To be Confirmed", kind: .open, open: .toBeConfirmed),
                    leads: ["Annette Hogarth"], status: .notStarted,
                    crossReferences: [.recommendation(6)]),
                Action(
                    ref: ActionRef("15.3")!, text: "Sustain support services for young parents",
                    due: DueDate(text: "Sept 08 onwards", kind: .period, start: day("2008-09-01")),
                    leads: ["Paul Vaughan"], status: .onTrack, success: ["Services sustained"],
                    details: ["Covers:", "- drop-in clinics", "- home visits"], notes: ["Funding confirmed to 2010."]),
            ]),
        SectionFile(
            path: "sections/police/15.md", partner: "police", recommendation: 15,
            actions: [
                Action(
                    ref: ActionRef("15.4")!, text: "Joint visits with health visitors",
                    due: DueDate(
                        text: "Quarterly intervals during 08-09", kind: .open, end: day("2009-03-31"),
                        open: .recurring),
                    leads: ["Insp. Jo Grant"], status: .offTrack, success: ["Four joint visits a quarter"],
                    risk: "Shift patterns", links: ["Community Safety Plan"])
            ]),
    ]

    static let plan = Plan(manifest: manifest, sections: sections)

    static let context = RenderContext(
        version: "cabinet/2008-09-01",
        provenance: [
            "council": PartnerProvenance(
                commit: "3f2a9c1", author: "Tom Reid <treid@sampletown.gov.uk>", date: "2008-08-28 14:02"),
            "pct": PartnerProvenance(commit: "a71be04", author: "Paul Vaughan", date: "2008-08-29 09:15"),
        ],
        today: day("2008-10-10"), deadline: day("2008-09-09"), generatedAt: "2008-10-10 09:30")

    static let document = PlanDocument(plan: plan, context: context)
}
