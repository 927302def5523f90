import Foundation

/// Saving when the disk says no. The answers stay in memory; the candidate is told the system's reason
/// (a full disk, a read-only file system, a folder replaced by a file, ...), and may retry, or name
/// another folder or file to save in. With no one to ask (the end of piped input), a rescue copy goes
/// to the system's temporary folder; only when that fails too do the answers go to the console, so they
/// can still be copied, and the error ends the run.
extension InterviewSession {
    mutating func saveKeepingAnswers() throws {
        var failure: TranscriptError
        do {
            try store.save(transcript, to: transcriptURL)
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
                    try store.save(transcript, to: transcriptURL)
                } else {
                    try move(to: destination(for: choice))
                }
                console.write("Saved in \(transcriptURL.relativePath).\n")
                return
            } catch {
                failure = error
            }
        }
    }

    private var style: TextStyle { console.style }

    /// A folder gets the transcript's own file name; a path ending in ".json" is the file itself.
    private func destination(for choice: String) -> URL {
        let expanded = (choice as NSString).expandingTildeInPath
        let url = URL(fileURLWithPath: expanded)
        return url.pathExtension == "json" ? url : url.appendingPathComponent(transcriptURL.lastPathComponent)
    }

    /// Saves to `url` under its own lock; from then on the interview saves there.
    private mutating func move(to url: URL) throws(TranscriptError) {
        let newStore = TranscriptStore(folder: url.deletingLastPathComponent(), files: store.files)
        do {
            try store.files.createFolder(newStore.folder)
        } catch {
            throw .cannotWrite(path: url.path, detail: TranscriptStore.detail(of: error))
        }
        let newLock = try newStore.lock(url)
        try newStore.save(transcript, to: url)
        transcriptURL = url
        lock = newLock
        resumeCommand = relocated?(url) ?? "rehearse practice --resume \(url.relativePath)"
    }

    /// No one to ask: a copy in the temporary folder, else the answers on the console and the error.
    private mutating func rescue(after failure: TranscriptError) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-rescue")
        do {
            try move(to: folder.appendingPathComponent(transcriptURL.lastPathComponent))
            console.write(
                "Saved a rescue copy in \(transcriptURL.path) instead; the interview goes on saving there.\n"
                    + "Resume with: \(resumeCommand)\n")
        } catch {
            console.write(
                style.red("The rescue copy could not be saved either: ") + error.localizedDescription + "\n"
                    + "Your answers, so you can copy them:\n" + unsavedAnswers())
            throw failure
        }
    }

    private func unsavedAnswers() -> String {
        transcript.entries.enumerated().map { index, entry in
            let texts = [entry.answer] + entry.followUps.map(\.answer)
            let body = entry.skipped ? "(skipped)" : texts.map(TerminalSafe.escape).joined(separator: "\n\n")
            return "\n\(index + 1). \(entry.questionID)\n\(body)\n"
        }.joined()
    }

    /// The Markdown report: every answer is already saved, so a failure here is told, not fatal.
    func saveReport() -> URL? {
        do {
            return try store.saveMarkdown(transcript, beside: transcriptURL)
        } catch {
            console.write(
                "\n" + style.red("Could not write the report: ") + error.localizedDescription + "\n"
                    + "Every answer is saved in \(transcriptURL.relativePath); write the report later with: "
                    + "rehearse export \(transcriptURL.relativePath)\n")
            return nil
        }
    }
}
