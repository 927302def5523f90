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
            let loaded = try loadTranscripts(paths.map { URL(fileURLWithPath: $0) })
            if loaded.isEmpty { throw TranscriptError.noTranscripts(folder: paths.joined(separator: ", ")) }
            let regrader = TranscriptRegrader(bank: bank)
            let now = Date()
            var items: [RegradeReport.Item] = []
            var reports: [String] = []
            for transcript in loaded {
                let store = TranscriptStore(folder: transcript.url.deletingLastPathComponent())
                // With --write: locked, and read again under the lock, so an interview saving the same
                // file meanwhile is refused (and named) rather than overwritten.
                let lock = write ? try store.lock(transcript.url) : nil
                let current = write ? try store.load(transcript.url) : transcript.transcript
                let regrade = try regrader.regrade(current, at: now)
                if write, regrade.hasChanges {
                    try store.save(regrade.transcript, to: transcript.url)
                    // The Markdown report beside it shows the old grades until it is written again.
                    let report = TranscriptExport.reportURL(for: transcript.url, in: nil)
                    if FileManager.default.fileExists(atPath: report.path) {
                        let updated = LoadedTranscript(url: transcript.url, transcript: regrade.transcript)
                        reports.append(try TranscriptExport().export(updated, to: nil).relativePath)
                    }
                }
                withExtendedLifetime(lock) {}
                items.append(.init(path: transcript.url.relativePath, regrade: regrade))
            }
            let report = RegradeReport(
                items: items, written: write, changedOnly: changedOnly, reportsRewritten: reports)
            try printOutput(report.render(format == .json ? .json : .text, style: Terminal.style), terminator: "")
            // Every other answer was regraded; the exit status still says that some could not be.
            if items.contains(where: { $0.regrade.changes.contains { $0.outcome == .failed } }) {
                throw ExitCode(ExitStatus.dataError)
            }
        }
    }
}
