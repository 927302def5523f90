import Foundation

/// The transcript of a running interview, the file it lives in and the lock on it. A reference, so the
/// answer reader can save each draft line through it while the session holds it.
///
/// Saving when the disk says no: the answers stay in memory; the candidate is told the system's reason
/// (a full disk, a read-only file system, a folder replaced by a file, ...), and may retry, or name
/// another folder or file to save in. With no one to ask (the end of piped input), a rescue copy goes to
/// the system's temporary folder; only when that fails too do the answers go to the console, so they can
/// still be copied, and the error ends the run.
final class SessionRecord {
    var transcript: Transcript
    /// Moves only when a save fails and the candidate picks another place.
    private(set) var url: URL
    private var store: TranscriptStore
    private let clock: any InterviewClock
    private let console: any InterviewConsole
    /// The transcript's lock, held while the session runs, so a second process cannot write over it.
    private var lock: FileLock
    /// How to continue; follows the transcript when it moves.
    var resumeCommand: String
    /// Called when the transcript moves, with its new place; returns the new resume command.
    var relocated: ((URL) -> String)?

    init(
        transcript: Transcript, url: URL, store: TranscriptStore, clock: any InterviewClock,
        console: any InterviewConsole, lock: FileLock
    ) {
        self.transcript = transcript
        self.url = url
        self.store = store
        self.clock = clock
        self.console = console
        self.lock = lock
        self.resumeCommand = "rehearse practice --resume \(url.relativePath)"
    }

    /// Writes the transcript atomically, in the current format (a version-1 file is upgraded); when the
    /// disk refuses, keeps the answers and asks where to save them (see the type's comment).
    func save() throws {
        transcript.formatVersion = Transcript.currentFormatVersion
        transcript.updatedAt = clock.now()
        var failure: TranscriptError
        do {
            try store.save(transcript, to: url)
            return
        } catch {
            failure = error
        }
        while true {
            console.write(
                "\n" + style.red("Could not save your answers: ") + failure.localizedDescription + "\n"
                    + "Nothing is lost: every answer is kept here until it is saved.\n"
                    + style.dim("Enter: try again · a folder or .json file: save there instead · :quit: stop") + "\n")
            guard let line = console.readLine(prompt: "save> "), line.trimmingCharacters(in: .whitespaces) != ":quit"
            else {
                try rescue(after: failure)
                return
            }
            let choice = line.trimmingCharacters(in: .whitespaces)
            do {
                if choice.isEmpty {
                    try store.save(transcript, to: url)
                } else {
                    try move(to: destination(for: choice))
                }
                console.write("Saved in \(url.relativePath).\n")
                return
            } catch {
                failure = error
            }
        }
    }

    /// Saves the lines typed so far for the question (or its follow-up); no lines clears the draft.
    func keepDraft(_ lines: [String], questionID: String, followUp: Bool) throws {
        let draft = lines.isEmpty ? nil : Transcript.Draft(questionID: questionID, followUp: followUp, lines: lines)
        guard draft != transcript.draft else { return }
        transcript.draft = draft
        try save()
    }

    /// The draft lines saved for the question (or its follow-up), to restore on resume.
    func restoredDraft(questionID: String, followUp: Bool) -> [String] {
        guard let draft = transcript.draft, draft.questionID == questionID, draft.followUp == followUp else {
            return []
        }
        return draft.lines
    }

    /// The Markdown report: every answer is already saved, so a failure here is told, not fatal.
    func saveReport() -> URL? {
        do {
            return try store.saveMarkdown(transcript, beside: url)
        } catch {
            console.write(
                "\n" + style.red("Could not write the report: ") + error.localizedDescription + "\n"
                    + "Every answer is saved in \(url.relativePath); write the report later with: "
                    + "rehearse export \(url.relativePath)\n")
            return nil
        }
    }

    private var style: TextStyle { console.style }

    /// A folder gets the transcript's own file name; a path ending in ".json" is the file itself.
    private func destination(for choice: String) -> URL {
        let expanded = (choice as NSString).expandingTildeInPath
        let chosen = URL(fileURLWithPath: expanded)
        return chosen.pathExtension == "json" ? chosen : chosen.appendingPathComponent(url.lastPathComponent)
    }

    /// Saves to `newURL` under its own lock; from then on the interview saves there.
    private func move(to newURL: URL) throws(TranscriptError) {
        let newStore = TranscriptStore(folder: newURL.deletingLastPathComponent(), files: store.files)
        do {
            try store.files.createFolder(newStore.folder)
        } catch {
            throw .cannotWrite(path: newURL.path, detail: TranscriptStore.detail(of: error))
        }
        let newLock = try newStore.lock(newURL)
        try newStore.save(transcript, to: newURL)
        url = newURL
        store = newStore
        lock = newLock
        resumeCommand = relocated?(newURL) ?? "rehearse practice --resume \(newURL.relativePath)"
    }

    /// No one to ask: a copy in the temporary folder, else the answers on the console and the error.
    private func rescue(after failure: TranscriptError) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-rescue")
        do {
            try move(to: folder.appendingPathComponent(url.lastPathComponent))
            console.write(
                "Saved a rescue copy in \(url.path) instead; the interview goes on saving there.\n"
                    + "Resume with: \(resumeCommand)\n")
        } catch {
            console.write(
                style.red("The rescue copy could not be saved either: ") + error.localizedDescription + "\n"
                    + "Your answers, so you can copy them:\n" + unsavedAnswers())
            throw failure
        }
    }

    /// Every answer and follow-up answer, then the draft being typed (a failed draft save lands here too).
    private func unsavedAnswers() -> String {
        let answers = transcript.entries.enumerated().map { index, entry in
            let texts = [entry.answer] + entry.followUps.map(\.answer)
            let body = entry.skipped ? "(skipped)" : texts.map(TerminalSafe.escape).joined(separator: "\n\n")
            return "\n\(index + 1). \(entry.questionID)\n\(body)\n"
        }.joined()
        guard let draft = transcript.draft else { return answers }
        let what = draft.followUp ? "the follow-up of \(draft.questionID)" : draft.questionID
        return answers + "\nBeing typed (\(what), not yet submitted):\n"
            + draft.lines.map(TerminalSafe.escape).joined(separator: "\n") + "\n"
    }
}
