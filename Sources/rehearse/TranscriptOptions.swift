import ArgumentParser
import Foundation
import RehearseCore

/// Where the transcripts are: --transcripts, then $REHEARSE_TRANSCRIPTS, then ./Transcripts.
struct TranscriptFolderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder of saved transcripts. Default: $REHEARSE_TRANSCRIPTS, else ./Transcripts.",
            valueName: "dir"))
    var transcripts: String?

    var folder: URL {
        let path =
            transcripts ?? ProcessInfo.processInfo.environment["REHEARSE_TRANSCRIPTS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "Transcripts"
        return URL(fileURLWithPath: path)
    }
}

/// Loads transcripts from files and folders, warning about each damaged file in a folder.
func loadTranscripts(_ paths: [URL]) throws -> [LoadedTranscript] {
    warnAbout(try TranscriptSet.load(paths))
}

/// Loads every transcript of a folder (none when it does not exist), warning about each damaged file.
func loadTranscripts(folder: URL) throws -> [LoadedTranscript] {
    warnAbout(try TranscriptStore(folder: folder).loadAll())
}

private func warnAbout(_ result: (transcripts: [LoadedTranscript], problems: [TranscriptError])) -> [LoadedTranscript] {
    result.problems.forEach(warnSkipped)
    return result.transcripts
}

/// The warning for a folder's transcript that does not load.
func warnSkipped(_ problem: TranscriptError) {
    Terminal.printWarning("skipped: " + (problem.errorDescription ?? "\(problem)"))
}
