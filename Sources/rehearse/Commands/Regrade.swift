import ArgumentParser
import Foundation
import RehearseCore

struct RegradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regrade",
        abstract: "Re-score saved answers with the current rubrics and show what changed.",
        discussion: """
            For coaches after a rubric edit: every answer (with its follow-up answers) is graded again and printed as old → new score, with the concepts it gained (+) and lost (−). Nothing is saved unless you pass --write; then each changed grade replaces the old one, which is kept in the answer's history. Questions no longer in the bank are reported and left alone. With --write, a Markdown report beside a changed transcript (written by practice or export) is written again, so it never shows the old grades. After the list, a summary per question: how many answers changed, the mean old and new score, and the concepts gained and lost.

              rehearse regrade Transcripts
              rehearse regrade Transcripts/2026-11-23-190512-mixed.json --write
              rehearse regrade Transcripts --rubrics ~/edited-rubrics --format json
              rehearse regrade Transcripts --changed-only
            """)

    @Argument(help: ArgumentHelp("Transcript files, or folders of them.", valueName: "file-or-dir"))
    var paths: [String]

    @Flag(name: .long, help: "Save the new grades into the transcripts (atomically), keeping the old ones in history.")
    var write = false

    @Flag(name: .customLong("changed-only"), help: "List only the answers whose grade changed.")
    var changedOnly = false

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("name a transcript file or folder, e.g. 'rehearse regrade Transcripts'.")
        }
    }

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            var report = try TranscriptRegrader(bank: bank).regrade(
                paths.map { URL(fileURLWithPath: $0) }, write: write, at: Date(), problem: warnSkipped)
            if report.items.isEmpty { throw TranscriptError.noTranscripts(folder: paths.joined(separator: ", ")) }
            report.changedOnly = changedOnly
            try printOutput(report.render(format == .json ? .json : .text, style: Terminal.style), terminator: "")
            // Every other answer was regraded; the exit status still says that some could not be.
            if report.items.contains(where: { $0.regrade.changes.contains { $0.outcome == .failed } }) {
                throw ExitCode(ExitStatus.dataError)
            }
        }
    }
}
