import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel
import PlanRender

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the parsed plan: a short text summary, or the whole plan as JSON for tools.",
        discussion: """
            With no folder or revision: in a bare repository (the hub) the plan on main, in a clone the files \
            as they are. The JSON has `recommendations` (number, timescale, lead, ...) and `actions` (ref, \
            recommendation, partner, text, lead, status, due {text, kind, start, end}, success, resources, \
            risk, milestones, crossReferences, ...); docs/JSON.md lists every key.

            Examples:
              planmerge show Repos/leicester
              planmerge show cabinet/2008-09-01 --repo hub.git --format json
            """
    )

    @OptionGroup var input: PlanInput

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let (plan, document) = try input.document()
        switch format {
        case .json:
            Console.out(try JSONRenderer.render(document))
        case .text:
            Console.out(PlanSummaryText.render(plan, document: document))
        }
    }
}

/// A few lines a coordinator reads at a glance.
enum PlanSummaryText {
    static func render(_ plan: Plan, document: PlanDocument) -> String {
        var lines = ["\(plan.manifest.title) (\(plan.manifest.authority))"]
        lines.append(
            "\(plan.manifest.recommendations.count) recommendations, \(plan.actions.count) actions, \(plan.manifest.partners.count) partners"
        )
        for rec in plan.manifest.recommendations {
            let count = plan.actions.filter { $0.action.ref.recommendation == rec.number }.count
            lines.append("  \(rec.number). [\(rec.timescale)] \(count) actions, lead \(rec.lead): \(rec.text)")
        }
        return lines.joined(separator: "\n")
    }
}
