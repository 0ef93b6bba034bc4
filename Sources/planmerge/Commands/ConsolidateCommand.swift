import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

struct ConsolidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consolidate",
        abstract: "Fetch every partner, merge their sections into main, check the plan, commit once.",
        discussion: """
            Run on the hub (a bare repository; --repo, or the current directory). Each partner's new work is \
            merged three ways, structure-aware; a partner with conflicts, errors, or changes outside its \
            folder is held back whole and its last accepted version stands. main is updated with one merge \
            commit (parents: the previous main and each accepted partner head), compare-and-swap.

            Exit codes: 0 consolidated clean (or nothing to do); 1 a partner was held back, rejected or not \
            fetched, or plan errors remain (with --strict: nothing written); 2 usage or environment error \
            (not a hub, manifest invalid, main moved during the run).

            Examples:
              planmerge consolidate --repo hub.git
              planmerge consolidate --dry-run --format json
            """
    )

    @OptionGroup var repository: HubOption

    /// The old spelling of `--repo` (a hidden positional; removed in the next release).
    @Argument(help: .hidden)
    var hub: String?

    @Option(help: "Fetches at once.")
    var jobs: Int = 4

    @Option(help: "Seconds to wait for one partner's remote before giving up on it.")
    var timeout: Int = 120

    @Flag(help: "Fetch nothing; merge what was fetched before.")
    var offline = false

    @Flag(help: "Write nothing: show what would be merged.")
    var dryRun = false

    @Flag(help: "Write nothing unless every partner is accepted or unchanged.")
    var strict = false

    @Option(parsing: .upToNextOption, help: "Accept this partner's rewritten (force-pushed) history, this once.")
    var acceptRewrite: [String] = []

    @Option(help: "The day overdue actions are counted on (YYYY-MM-DD). Default: today.")
    var today: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "The largest file, in bytes, a partner may send; checked before it is fetched or read.")
    var maxFileBytes: Int = ObjectRules.maxFileBytes

    @Option(help: "The most bytes one partner's network fetch may receive in a run before it is stopped.")
    var maxTransferBytes: Int = ObjectRules.maxTransferBytes

    func validate() throws {
        if hub != nil, repository.path != nil { throw ValidationError("give the hub once, with --repo") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs takes 1 to 64") }
        guard timeout > 0 else { throw ValidationError("--timeout takes a number of seconds above 0") }
        try DayOption.check(today)
        guard maxFileBytes > 0, maxTransferBytes > 0 else {
            throw ValidationError("--max-file-bytes and --max-transfer-bytes take a number of bytes above 0")
        }
    }

    func run() throws {
        var options = ConsolidationOptions()
        options.today = Clock.day(today)
        options.jobs = jobs
        options.fetchTimeout = .seconds(timeout)
        options.offline = offline
        options.dryRun = dryRun
        options.strict = strict
        options.acceptRewrite = Set(acceptRewrite)
        try OwnerCheck.run(repository.path(or: hub) ?? FileManager.default.currentDirectoryPath)
        options.maxFileBytes = maxFileBytes
        options.maxTransferBytes = maxTransferBytes
        let display = FetchDisplay(enabled: format == .text && Console.isErrorTerminal)
        let report: ConsolidationReport
        do {
            report = try Consolidator(hubPath: repository.path(or: hub) ?? FileManager.default.currentDirectoryPath)
                .run(options) { display.handle($0) }
        } catch let error as ConsolidationError {
            throw UserError(ErrorText.describe(error))
        } catch let error as RecordWriteError {
            throw UserError(ErrorText.describe(error))
        }
        display.finish()
        switch format {
        case .json: Console.out(try ReportJSON.encode(report))
        case .text: Console.out(ConsolidationText.render(report))
        }
        if !report.isClean { throw PlanmergeExit.problems.code }
    }
}
