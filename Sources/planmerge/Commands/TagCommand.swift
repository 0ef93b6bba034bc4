import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Mark the version submitted to Cabinet with an annotated tag (cabinet/YYYY-MM-DD).",
        discussion: """
            Run on the hub (a bare repository; --repo, or the current directory). Refused (exit 1, with the \
            reasons) when the plan at REVISION has errors or a partner is held back with conflicts. The \
            message records the plan's figures, each partner's exact accepted commit (from the hub's checked \
            record), and the partners whose newer work is not included (a warning; --strict refuses instead). \
            An existing tag is never moved: a name in use is refused. The day (--today), the meeting \
            (--meeting, --meeting-date, --item) and the figures are also kept as trailers at the end of the \
            message, so render prints the version as it was on that day (docs/VERSIONS.md).

            Examples:
              planmerge tag --repo hub.git --message "Council Cabinet, 8 July 2008, item 15"
              planmerge tag --repo hub.git --meeting Cabinet --meeting-date 2008-09-08 --item 15 --today 2008-09-01
              planmerge tag main --name cabinet/2008-07-08 --strict
            """
    )

    @Argument(help: "The commit to tag.")
    var revision = "main"

    @Option(help: "The tag's name. Default: cabinet/<today>.")
    var name: String?

    @Option(help: "A note for the tag message (e.g. the Cabinet meeting and item).")
    var message: String?

    @Option(help: "The meeting the version goes to, e.g. Cabinet (printed on the paper's cover and footer).")
    var meeting: String?

    @Option(help: "The meeting's date (YYYY-MM-DD).")
    var meetingDate: String?

    @Option(help: "The agenda item, e.g. 15.")
    var item: String?

    @OptionGroup var hub: HubOption

    @Option(help: "Today (YYYY-MM-DD), for overdue counts and the default name. Default: today.")
    var today: String?

    @Flag(
        help: "Refuse when a partner's newer work is not included (held back, rejected, not consolidated, not fetched)."
    )
    var strict = false

    func validate() throws {
        try DayOption.check(today)
        try DayOption.check(meetingDate, flag: "--meeting-date")
        for (flag, value) in [("--meeting", meeting), ("--item", item)] where value?.isEmpty == true {
            throw ValidationError("\(flag) needs a value, e.g. \(flag == "--item" ? "15" : "Cabinet")")
        }
        if let name, name.isEmpty || name.contains(" ") || name.hasPrefix("-") || name.contains("..") {
            throw ValidationError("'\(name)' is not a usable tag name, e.g. cabinet/2008-09-01")
        }
    }

    func run() throws {
        try OwnerCheck.run(hub.path ?? FileManager.default.currentDirectoryPath)
        let repository = try hub.repository()
        let day = Clock.day(today)
        let tagName = name ?? CabinetTag.defaultName(day)
        do {
            let made = try CabinetTag(repository: repository).make(
                revision: revision, name: tagName, note: message, meeting: meeting,
                meetingDate: meetingDate.flatMap { Day(iso: $0) }, item: item, today: day,
                tagger: repository.defaultSignature(),
                strict: strict)
            for warning in made.warnings { Console.error("planmerge: warning: \(warning)") }
            Console.out("Tagged \(made.commit.short) as \(made.name)")
            Console.out(made.message)
        } catch let refusal as CabinetTag.Refusal {
            // Each reason says what to do (fix the error, choose another name).
            Console.error(ErrorText.render(message: "\(refusal)", hint: nil))
            throw PlanmergeExit.problems.code
        } catch let error as GitError where error.isNotFound {
            throw UserError("no such revision '\(revision)'", hint: "use main, a commit id or a tag")
        }
    }
}

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "List the Cabinet versions (cabinet/* tags) with their dates and figures.",
        discussion: """
            Reads the hub (a bare repository; --repo, or the current directory) or any clone holding the tags.

            Examples:
              planmerge versions --repo hub.git
              planmerge versions --format json
            """
    )

    @OptionGroup var hub: HubOption

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Version: Codable {
        var name: String
        var commit: String
        var date: String?
        var tagger: String?
        var summary: String?
        /// The day its figures are as of, and its meeting (`TagMetadata`).
        var day: String?
        var meeting: String?
    }

    func run() throws {
        let repository = try hub.repository()
        let versions = try CabinetTag(repository: repository).versions().map { tag in
            Version(
                name: tag.name, commit: tag.target.hex, date: tag.tagger.map(Authorship.format),
                tagger: tag.tagger?.name,
                summary: tag.message?.split(separator: "\n").first { $0.hasPrefix("Plan: ") }.map {
                    String($0.dropFirst(6))
                }, day: TagMetadata.read(tag)?.day.iso, meeting: TagMetadata.read(tag)?.meetingLine)
        }
        switch format {
        case .json: Console.out(try ReportJSON.encode(versions))
        case .text:
            if versions.isEmpty { Console.out("No Cabinet versions yet (planmerge tag makes one)") }
            for v in versions {
                Console.out(
                    "\(v.name)  \(v.commit.prefix(7))  \(v.date ?? "")  \(v.tagger ?? "")\n    \(v.summary ?? "")"
                        + (v.meeting.map { "\n    for \(RecordText.oneLine($0))" } ?? ""))
            }
        }
    }
}
