import ArgumentParser
import RehearseCore

extension BankCommand {
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say which question bank is in use, and why; and where transcripts are saved.",
            discussion: """
                The bank: --rubrics, else $REHEARSE_RUBRICS, else ./Rubrics when it holds bank.yaml, else the bank installed with rehearse (PREFIX/share/rehearse/Rubrics beside PREFIX/bin/rehearse).

                The transcripts: --transcripts, else $REHEARSE_TRANSCRIPTS, else ./Transcripts in a project folder (one that holds Rubrics/bank.yaml and Transcripts/), else $XDG_DATA_HOME/rehearse/transcripts (default ~/.local/share/rehearse/transcripts).
                """)

        @OptionGroup var rubricOptions: RubricOptions
        @OptionGroup var transcriptOptions: TranscriptFolderOptions

        func run() throws {
            let bank = rubricOptions.location
            let transcripts = transcriptOptions.location
            try reportingErrors {
                try printOutput(
                    """
                    bank:        \(bank.folder.standardizedFileURL.path)
                                 \(bank.reason)
                    transcripts: \(transcripts.folder.standardizedFileURL.path)
                                 \(transcripts.reason)
                    """)
            }
            if bank.source == .none { throw ExitCode(ExitStatus.noInput) }
        }
    }
}
