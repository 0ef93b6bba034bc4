import ArgumentParser

@main
struct Planmerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planmerge",
        abstract: "Write one joint action plan in git: validate, consolidate, tag and render it.",
        version: "0.1.0",
        subcommands: []
    )
}
