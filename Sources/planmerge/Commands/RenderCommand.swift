import ArgumentParser
import Foundation
import GitKit
import PlanGit
import PlanModel
import PlanRender

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write the plan as the Cabinet reads it: HTML, Markdown, CSV, JSON, DOCX or XLSX.",
        discussion: """
            HTML is one self-contained file (inline CSS and SVG timeline) that prints on A4; DOCX opens in \
            Word and LibreOffice; CSV opens in Excel (UTF-8 with BOM). The output file is written atomically. \
            The Cabinet paper (HTML, DOCX, Markdown) leaves out working notes: transcription notes, the version \
            and commit ids, and the tool's own words; --notes prints them. \
            With no folder or revision: in a bare repository (the hub) the plan on main, in a clone the files \
            as they are.

            Examples:
              planmerge render Repos/leicester --format docx -o plan.docx
              planmerge render cabinet/2008-09-01 --repo hub.git --format html -o plan.html
              planmerge render Repos/derby --notes -o plan-with-notes.html
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, csv, json, docx, xlsx
    }

    @OptionGroup var input: PlanInput

    @Option(help: "Output format: html, md, csv, json, docx or xlsx.")
    var format: Format = .html

    @Option(
        name: [.short, .customLong("output")], help: "Write to this file (required for docx). Default: standard output."
    )
    var output: String?

    @Flag(help: "Print working notes in the paper: transcription notes, version and commit ids, tool words.")
    var notes = false

    func validate() throws {
        if format == .docx || format == .xlsx, output == nil {
            throw ValidationError(
                "\(format.rawValue.uppercased()) is binary: give a file with -o, e.g. -o plan.\(format.rawValue)")
        }
    }

    func run() throws {
        var document = try input.document().document
        document.includesNotes = notes
        let bytes = try RenderCommand.render(document, as: format)
        if let output {
            try SectionFiles.writeAtomically(bytes, to: output)
            Console.error("wrote \(output) (\(bytes.count) bytes)")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    static func render(_ document: PlanDocument, as format: Format) throws -> [UInt8] {
        switch format {
        case .html: Array(HTMLRenderer.render(document).utf8)
        case .md: Array(MarkdownRenderer.render(document).utf8)
        case .csv: try CSVRenderer.render(document)
        case .json: Array(try JSONRenderer.render(document).utf8)
        case .docx: try DOCXRenderer.render(document)
        case .xlsx: try XLSXRenderer.render(document)
        }
    }
}
