import ArgumentParser
import Foundation
import RehearseCore

struct RegradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regrade",
        abstract: "Re-score saved answers with the current rubrics and show what changed.",
        discussion: """
            For coaches after a rubric edit: every answer (with its follow-up answers) is graded again and printed as old → new score, with the concepts it gained (+) and lost (−). Nothing is saved unless you pass --write; then each changed grade replaces the old one, which is kept in the answer's history. Questions no longer in the bank are reported and left alone.

              rehearse regrade Transcripts
              rehearse regrade Transcripts/2026-11-23-190512-mixed.json --write
              rehearse regrade Transcripts --rubrics ~/edited-rubrics --format json
            """)

    @Argument(help: ArgumentHelp("Transcript files, or folders of them.", valueName: "file-or-dir"))
    var paths: [String]

    @Flag(name: .long, help: "Save the new grades into the transcripts (atomically), keeping the old ones in history.")
    var write = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("name a transcript file or folder, e.g. 'rehearse regrade Transcripts'.")
        }
        if format == .markdown { throw ValidationError("'regrade' prints text or json.") }
    }

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let loaded = try loadTranscripts(paths.map { URL(fileURLWithPath: $0) })
            if loaded.isEmpty { throw TranscriptError.noTranscripts(folder: paths.joined(separator: ", ")) }
            let regrader = TranscriptRegrader(bank: bank)
            let now = Date()
            var items: [RegradeReport.Item] = []
            for transcript in loaded {
                let store = TranscriptStore(folder: transcript.url.deletingLastPathComponent())
                // With --write: locked, and read again under the lock, so an interview saving the same
                // file meanwhile is refused (and named) rather than overwritten.
                let lock = write ? try store.lock(transcript.url) : nil
                let current = write ? try store.load(transcript.url) : transcript.transcript
                let regrade = try regrader.regrade(current, at: now)
                if write, regrade.hasChanges { try store.save(regrade.transcript, to: transcript.url) }
                withExtendedLifetime(lock) {}
                items.append(.init(path: transcript.url.relativePath, regrade: regrade))
            }
            print(RegradeReport(items: items, written: write).render(format, style: Terminal.style), terminator: "")
            // Every other answer was regraded; the exit status still says that some could not be.
            if items.contains(where: { $0.regrade.changes.contains { $0.outcome == .failed } }) {
                throw ExitCode(ExitStatus.dataError)
            }
        }
    }
}
