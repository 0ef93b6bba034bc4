import ArgumentParser
import Foundation
import PlanModel
import PlanRender

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Write every dated action and milestone as an all-day event in an iCalendar (.ics) file.",
        discussion: """
            Each event falls on the due day (the last day of a period such as "Nov 08-Jan 09"); the summary is \
            the action ref and text, the description the due text as written, the partner, lead and status. \
            UIDs stay the same from one render to the next, so importing a newer file into Outlook or Google \
            Calendar updates the events instead of adding copies. Actions whose due date is not a day (ongoing, \
            to be confirmed) have no event. The plan is read as render reads it: a folder, a revision (--rev or \
            a tag), or the repository's plan.

            Examples:
              planmerge calendar Repos/leicester -o plan.ics
              planmerge calendar cabinet/2008-09-01 --repo hub.git --partner leicester-pct -o pct.ics
              planmerge calendar Repos/derby --officer "Housing Options Manager" -o housing.ics
            """
    )

    @OptionGroup var input: PlanInput

    @Option(help: "Only this partner's actions (a partner id of plan.yaml).")
    var partner: String?

    @Option(help: "Only actions with a lead officer matching this name (any part of it, any capitals).")
    var officer: String?

    @Option(name: [.short, .customLong("output")], help: "Write to this file. Default: standard output.")
    var output: String?

    func run() throws {
        let (plan, document) = try input.document()
        if let partner, plan.manifest.partner(partner) == nil {
            throw UserError(
                "no partner '\(partner)' in plan.yaml",
                hint: "use one of: \(plan.manifest.partners.map(\.id).joined(separator: ", "))")
        }
        let filter = CalendarRenderer.Filter(partner: partner, officer: officer)
        let count = CalendarRenderer.events(document, filter: filter).count
        let bytes = CalendarRenderer.render(document, filter: filter, stamp: Date())
        if let output {
            try SectionFiles.writeAtomically(bytes, to: output)
            Console.error("wrote \(output) (\(count) events)")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
