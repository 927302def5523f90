/// The feedback on one answer: the grade (covered concepts with the words that showed them, missing ones
/// with why they matter) and the time taken against the question's time limit.
///
/// Rendered from the transcript entry alone, so feedback at the end of a resumed interview does not
/// depend on the bank still holding the question.
struct InterviewFeedback {
    var entry: Transcript.Entry

    func text(style: TextStyle) -> String {
        if entry.skipped {
            return style.bold("\(entry.questionID)") + ": skipped, scored 0 (it counts as 0 in the average).\n"
        }
        if let reason = entry.ungraded {
            return style.bold("\(entry.questionID)") + ": not graded (\(reason)); the answer is saved.\n"
                + timing() + "\n"
        }
        var text = GradeReport(grade: entry.grade, question: question).text(style: style)
        if !entry.followUps.isEmpty {
            text += style.dim("Graded with your follow-up answer.") + "\n"
        }
        text += timing() + "\n"
        return text
    }

    func timing() -> String {
        let limit = Double(entry.timeLimit)
        var text = "Time: \(TranscriptMarkdown.duration(entry.seconds)) of about \(TranscriptMarkdown.duration(limit))"
        if entry.seconds > limit {
            text += " (\(TranscriptMarkdown.duration(entry.seconds - limit)) over: practise saying it shorter)"
        }
        let followUpSeconds = entry.followUps.reduce(0) { $0 + $1.seconds }
        if followUpSeconds > 0 { text += ", and \(TranscriptMarkdown.duration(followUpSeconds)) on the follow-up" }
        return text
    }

    /// The question as the transcript recorded it.
    private var question: Question {
        Question(
            id: entry.questionID, domain: entry.domain, kind: entry.kind, prompt: entry.prompt,
            timeLimit: entry.timeLimit, sampleAnswer: entry.sampleAnswer, options: entry.options,
            source: SourceLocation(file: ""), contentHash: entry.rubricHash)
    }
}
