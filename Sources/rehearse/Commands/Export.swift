import ArgumentParser
import Foundation
import RehearseCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a Markdown report of each transcript.",
        discussion: """
            The report is rendered from the transcript alone, so an old session still exports after the rubrics change: a summary table, a score bar per domain, then per question the prompt, the answer as given, the concepts covered with the words that showed them, the missing ones with why they matter and the follow-up asked, and the sample answer folded away.

            Writes session.md beside session.json, or into --output DIR.

              rehearse export Transcripts/2026-11-23-190512-deployment-technical.json
              rehearse export Transcripts/*.json --output reports
            """)

    @Argument(help: ArgumentHelp("Transcript files (.json) to export.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Write the reports into this folder instead.", valueName: "dir"))
    var output: String?

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("name at least one transcript file, e.g. 'rehearse export Transcripts/*.json'.")
        }
    }

    func run() throws {
        try reportingErrors {
            let exporter = TranscriptExport()
            let folder = output.map { URL(fileURLWithPath: $0) }
            for path in files {
                let loaded = try TranscriptSet.load([URL(fileURLWithPath: path)]).transcripts
                for transcript in loaded {
                    try printOutput(try exporter.export(transcript, to: folder).relativePath)
                }
            }
        }
    }
}
