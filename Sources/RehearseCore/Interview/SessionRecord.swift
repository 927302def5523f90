import Foundation

/// The transcript of a running interview and the file it lives in. A reference, so the answer reader
/// can save each draft line through it while the session holds it.
final class SessionRecord {
    var transcript: Transcript
    let url: URL
    private let store: TranscriptStore
    private let clock: any InterviewClock

    init(transcript: Transcript, url: URL, store: TranscriptStore, clock: any InterviewClock) {
        self.transcript = transcript
        self.url = url
        self.store = store
        self.clock = clock
    }

    /// Writes the transcript atomically, in the current format (a version-1 file is upgraded).
    func save() throws(TranscriptError) {
        transcript.formatVersion = Transcript.currentFormatVersion
        transcript.updatedAt = clock.now()
        try store.save(transcript, to: url)
    }

    /// Saves the lines typed so far for the question (or its follow-up); no lines clears the draft.
    func keepDraft(_ lines: [String], questionID: String, followUp: Bool) throws(TranscriptError) {
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

    func saveMarkdown() throws(TranscriptError) -> URL { try store.saveMarkdown(transcript, beside: url) }
}
