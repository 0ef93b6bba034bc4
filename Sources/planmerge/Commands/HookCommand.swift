import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel

/// `planmerge hook <name>`: what the scripts in `Hooks/` call. Each reads the repository
/// the way git describes it to hooks (`Repository.openFromEnvironment()`), prints its
/// findings on standard error (git shows them to the committer or the pusher) and exits
/// 0 to accept, 1 to refuse, 2 when it could not check (git refuses then too).
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Run one of planmerge's git hooks (called by the installed hook scripts).",
        discussion: """
            The hook scripts 'planmerge hooks install' writes call these; a person rarely does. Findings go \
            to standard error: errors first, then warnings summed in one line with the command that lists \
            them. Exit 0 accepts, 1 refuses, 2 could not check (git refuses then too). See docs/HOOKS.md.

            Examples (what the installed scripts run):
              planmerge hook pre-commit
              planmerge hook pre-receive < updates.txt
            """,
        subcommands: [PreCommit.self, PreMergeCommit.self, CommitMsg.self, PreReceive.self, Update.self]
    )

    struct PreCommit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-commit",
            abstract: "Check the staged plan: format, the partner's own folder, the manifest, conflict markers.",
            discussion: "Example (what the installed script runs): planmerge hook pre-commit")

        func run() throws { try PreCommit.check(hook: "pre-commit") }

        /// The staged-plan check, shared with `pre-merge-commit`.
        static func check(hook: String) throws {
            let repository = try Repository.openFromEnvironment()
            let partner = try repository.configString("planmerge.partner").flatMap { $0.isEmpty ? nil : $0 }
            let report = try PreCommitCheck(repository: repository, partner: partner).run()
            HookOutput.print(
                report, refusalPrefix: "planmerge: commit refused: ", listing: "planmerge validate --staged")
            guard report.accepted else {
                Console.error(
                    "planmerge \(hook): commit refused (\(HookOutput.counts(report))). Fix the files, 'git add' them and commit again."
                )
                throw PlanmergeExit.problems.code
            }
        }
    }

    struct PreMergeCommit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-merge-commit",
            abstract: "The pre-commit check, for the merge commit a clean 'git pull' or 'git merge' makes.",
            discussion: "Example (what the installed script runs): planmerge hook pre-merge-commit")

        func run() throws { try PreCommit.check(hook: "pre-merge-commit") }
    }

    struct CommitMsg: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commit-msg", abstract: "Refuse a commit whose message is empty.",
            discussion: "Example (what the installed script runs): planmerge hook commit-msg .git/COMMIT_EDITMSG")

        @Argument(help: "The file holding the commit message (git passes it).")
        var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UserError("cannot read the commit message file \(file)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let meaningful = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            if meaningful.isEmpty {
                Console.error(
                    "planmerge: commit refused: the message is empty; say what changed (e.g. 'Re-date 15.1 to October 2008')"
                )
                throw PlanmergeExit.problems.code
            }
        }
    }

    struct PreReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-receive",
            abstract: "Check a push on the hub (reads '<old> <new> <ref>' lines on standard input).",
            discussion: "Example (what the installed script runs): planmerge hook pre-receive < updates.txt")

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            guard let updates = RefUpdate.parse(preReceive: input) else {
                throw UserError("pre-receive: standard input is not '<old> <new> <ref>' lines")
            }
            try HookOutput.checkPush(updates)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Check one pushed reference on the hub (git passes <ref> <old> <new>).",
            discussion: "Example (what the installed script runs): planmerge hook update refs/heads/partners/x OLD NEW")

        @Argument var ref: String
        @Argument var old: String
        @Argument var new: String

        func run() throws {
            guard let oldID = ObjectID(hex: old), let newID = ObjectID(hex: new) else {
                throw UserError("update: <old> and <new> must be 40-digit object ids")
            }
            try HookOutput.checkPush([RefUpdate(name: ref, old: oldID, new: newID)])
        }
    }
}

/// Printing a hook's findings (on standard error: git passes it to the user).
enum HookOutput {
    /// Errors first (each with its hint), then the refusals, then the warnings summed in one
    /// line naming `listing`, the command that lists them: a blocking error is never buried.
    static func print(_ report: HookReport, refusalPrefix: String, listing: String) {
        if !report.errors.isEmpty { Console.error(TextReporter.render(report.errors)) }
        for reason in report.refusals { Console.error(refusalPrefix + reason) }
        if !report.warnings.isEmpty {
            let warnings = plural(report.warnings.count, "warning")
            Console.error("planmerge: \(warnings) (not blocking) in the files this changes; '\(listing)' lists them")
        }
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func counts(_ report: HookReport) -> String {
        var parts = [plural(report.errors.count, "error"), plural(report.warnings.count, "warning")]
        if !report.refusals.isEmpty { parts.insert(plural(report.refusals.count, "refusal"), at: 0) }
        return parts.joined(separator: ", ")
    }

    /// The server check shared by pre-receive and update.
    static func checkPush(_ updates: [RefUpdate]) throws {
        let repository = try Repository.openFromEnvironment()
        guard let source = try Pusher.identitySource(of: repository) else {
            Console.error(
                "planmerge: push refused: this hub has no identity source (git config \(Pusher.IdentitySource.configKey) is unset),"
                    + " so no pusher can be named; the administrator sets it: planmerge hooks install --server --identity gitolite|http|unix"
            )
            throw PlanmergeExit.problems.code
        }
        let pusher = source.name(in: ProcessInfo.processInfo.environment)
        let verdicts = try PushCheck(repository: repository).check(updates, pusher: pusher)
        var refused = false
        for verdict in verdicts {
            print(
                verdict.report, refusalPrefix: "planmerge: refused \(verdict.update.name): ",
                listing: "planmerge validate --rev \(verdict.update.new.short)")
            if !verdict.report.accepted {
                refused = true
                if !verdict.report.errors.isEmpty {
                    Console.error(
                        "planmerge: refused \(verdict.update.name): the push brings \(counts(verdict.report)) the plan did not have"
                    )
                }
            }
        }
        if refused {
            Console.error(
                "planmerge: push refused by the hub's checks (pusher: \(pusher ?? "anonymous")); see docs/HOOKS.md")
            throw PlanmergeExit.problems.code
        }
    }
}
