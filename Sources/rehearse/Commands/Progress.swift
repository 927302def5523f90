import ArgumentParser
import Foundation
import RehearseCore

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show scores per domain and per concept over time, the weakest concepts first.",
        discussion: """
            Reads every transcript in the folder. Per domain: answers, average score, a trend arrow (the last three scores against the ones before: ↑ up, ↓ down, → level, · too few) and a sparkline of the latest scores. Per concept: how often it was graded and its mastery (earned at once 100, only after the follow-up 50, missed 0, averaged), the weakest first.

              rehearse progress
              rehearse progress --top 20
              rehearse progress ~/prep/Transcripts --format markdown > progress.md
              rehearse progress --format json
            """)

    @Argument(help: ArgumentHelp("The folder of transcripts (same as --transcripts).", valueName: "dir"))
    var folder: String?

    @Option(name: .long, help: ArgumentHelp("How many of the weakest concepts to show.", valueName: "n"))
    var top = ProgressReport.defaultTop

    @OptionGroup var transcriptOptions: TranscriptFolderOptions
    @OptionGroup var scripted: ScriptedOption
    @OptionGroup var format: FormatOption

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1.") }
    }

    func run() throws {
        try reportingErrors {
            let folder = folder.map { URL(fileURLWithPath: $0) } ?? transcriptOptions.folder
            // One transcript at a time: the report keeps only what its figures need.
            var tally = ProgressReport.Tally()
            var read = 0, counted = 0
            try TranscriptStore(folder: folder).forEachTranscript { result in
                switch result {
                case .success(let loaded):
                    read += 1
                    for kept in scripted.filter([loaded]) {
                        counted += 1
                        tally.add(kept.transcript)
                    }
                case .failure(let problem): warnSkipped(problem)
                }
            }
            guard read > 0 else { throw TranscriptError.noTranscripts(folder: folder.relativePath) }
            guard counted > 0 else { throw TranscriptError.onlyScripted(folder: folder.relativePath) }
            let report = ProgressReport(tally: tally, top: top)
            try printOutput(report.render(format.format, style: Terminal.style), terminator: "")
        }
    }
}
