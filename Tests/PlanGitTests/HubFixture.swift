import Foundation
import PlanGit
import PlanModel
import XCTest

@testable import GitKit

/// A hub (bare), the coordinator's clone, and one clone per partner, all real git
/// repositories in one temporary folder, with a small plan of three partners.
final class HubFixture {
    let seed: TestRepo
    let hub: TestRepo
    private(set) var clones: [String: TestRepo] = [:]

    static let manifest = """
        planmerge: 1
        title: Test plan
        authority: Test City Council
        inspection:
          name: Joint Area Review
          published: 2008-06-03
        timescales:
          - id: immediate
            name: For immediate action
        recommendations:
          - number: 1
            text: Disseminate the findings
            timescale: immediate
            lead: council
          - number: 15
            text: Improve health outcomes for young parents
            timescale: immediate
            lead: pct
            partners: [uhl]
        partners:
          - id: council
            name: Test City Council
            remote: ../council
          - id: pct
            name: Primary Care Trust
            remote: ../pct
          - id: uhl
            name: University Hospitals
            remote: ../uhl
        policy:
          required: [lead, due]
          missing: error

        """

    static let pct15 = """
        # Recommendation 15

        ## 15.1 Complete the local self assessment
        Due: July 2008
        Lead: Paul Vaughan
        Success: self assessment completed

        ## 15.2 Sustain support services
        Due: April 2008 – March 2009
        Lead: Annette Hogarth

        """

    static let uhl15 = """
        # Recommendation 15

        ## 15.4 Antenatal support
        Due: 31.3.09
        Lead: Jane Porter

        """

    static let council1 = """
        # Recommendation 1

        ## 1.1 Present the findings to the Young People's Council
        Due: End August 2008
        Lead: P Vaughan

        """

    init() throws {
        seed = try TestRepo(name: "seed")
        try seed.write("plan.yaml", HubFixture.manifest)
        try seed.write("sections/pct/15.md", HubFixture.pct15)
        try seed.write("sections/uhl/15.md", HubFixture.uhl15)
        try seed.write("sections/council/1.md", HubFixture.council1)
        try seed.commitAll("Seed the plan")
        hub = try TestRepo(cloneOf: seed, name: "hub.git", bare: true)
        for id in ["council", "pct", "uhl"] {
            clones[id] = try TestRepo(cloneOf: hub, name: id)
        }
    }

    func clone(_ id: String) -> TestRepo { clones[id]! }

    /// Edits a file in a partner's clone with `change`, and commits as `author`.
    @discardableResult
    func edit(
        _ id: String, _ path: String, author: String = "Officer <officer@example.org>", message: String? = nil,
        _ change: (String) -> String
    ) throws -> String {
        let repo = clone(id)
        let url = URL(fileURLWithPath: repo.path + "/" + path)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try repo.write(path, change(text))
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "--author", author, "-m", message ?? "\(id): edit \(path)")
        return try repo.git("rev-parse", "HEAD")
    }

    /// The coordinator changes a file directly on the hub's main (through a clone + push).
    @discardableResult
    func coordinatorEdit(_ path: String, _ change: (String) -> String) throws -> String {
        let repo = try TestRepo(cloneOf: hub, name: "coordinator-\(UUID().uuidString.prefix(8))")
        let url = URL(fileURLWithPath: repo.path + "/" + path)
        try repo.write(path, change(try String(contentsOf: url, encoding: .utf8)))
        try repo.git("add", "-A")
        try repo.git(
            "commit", "-q", "--allow-empty", "--author", "Coordinator <coord@example.org>", "-m",
            "Coordinator correction")
        try repo.git("push", "-q", "origin", "main")
        return try repo.git("rev-parse", "HEAD")
    }

    var main: String { (try? hub.git("rev-parse", "refs/heads/main")) ?? "" }

    func consolidate(_ configure: (inout ConsolidationOptions) -> Void = { _ in }) throws -> ConsolidationReport {
        var options = ConsolidationOptions()
        options.today = Day(year: 2008, month: 6, day: 10)
        options.fetchTimeout = .seconds(20)
        options.committer = Signature(name: "planmerge", email: "planmerge@example.org", time: 1_220_000_000)
        configure(&options)
        return try Consolidator(hubPath: hub.path).run(options)
    }

    func file(_ path: String, at rev: String = "main") throws -> String {
        try hub.git("show", "\(rev):\(path)") + "\n"
    }
}
