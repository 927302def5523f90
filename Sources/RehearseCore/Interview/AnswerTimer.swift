import Foundation

/// The time spent on an answer, shown while the candidate types: in the prompt of each new line, and
/// once, as a notice, on the first line started after the question's time limit (a line being typed is
/// never interrupted).
final class AnswerTimer {
    private let clock: any InterviewClock
    private let started: Date
    private let limit: Int
    private var noticeGiven = false

    init(clock: any InterviewClock, limit: Int) {
        self.clock = clock
        started = clock.now()
        self.limit = limit
    }

    var elapsed: Double { clock.now().timeIntervalSince(started) }

    /// "[1m05s] | ": the continuation prompt with the time so far.
    func prompt(_ base: String) -> String {
        "[\(TranscriptMarkdown.duration(elapsed))] " + base
    }

    /// The notice, the first time it is asked for after the limit; nil before and after.
    func noticeIfDue() -> String? {
        guard !noticeGiven, limit > 0, elapsed >= Double(limit) else { return nil }
        noticeGiven = true
        return "(\(TranscriptMarkdown.duration(Double(limit))) is up, the time this question is meant to take: "
            + "finish your point and end with \".\")\n"
    }
}
