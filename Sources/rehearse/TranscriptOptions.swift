import ArgumentParser
import Foundation
import RehearseCore

/// Where the transcripts are: the rule is `TranscriptLocation`'s.
struct TranscriptFolderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder of saved transcripts. Default: $REHEARSE_TRANSCRIPTS, else ./Transcripts in a project "
                + "folder, else $XDG_DATA_HOME/rehearse/transcripts (~/.local/share/rehearse/transcripts).",
            valueName: "dir"))
    var transcripts: String?

    var location: TranscriptLocation { TranscriptLocation.resolve(option: transcripts, in: .current) }

    var folder: URL { location.folder }

    /// The store a new session saves to, checked before the first question: created when missing, and
    /// a clear error when it is read-only or full.
    func writableStore() throws -> TranscriptStore {
        let store = TranscriptStore(folder: folder)
        try store.checkWritable()
        return store
    }
}

/// Whether scripted runs (answers piped in) count: they are rehearsals of the tool, not of the
/// candidate, so progress and drill leave them out unless asked.
struct ScriptedOption: ParsableArguments {
    @Flag(name: .long, help: "Count scripted sessions (answers piped in) too.")
    var includeScripted = false

    func filter(_ loaded: [LoadedTranscript]) -> [LoadedTranscript] {
        includeScripted ? loaded : loaded.filter { $0.transcript.scripted != true }
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

/// When each question was last asked in the folder's sessions, scripted ones too (a question piped in
/// was still seen): what the fresh draw of `practice` avoids. Damaged files are left out quietly;
/// `rehearse progress` names them.
func questionHistory(_ store: TranscriptStore) throws -> [String: Date] {
    Transcript.lastAsked(in: try store.loadAll().transcripts.map(\.transcript))
}

/// The warning for a folder's transcript that does not load.
func warnSkipped(_ problem: TranscriptError) {
    Terminal.printWarning("skipped: " + (problem.errorDescription ?? "\(problem)"))
}
