import Foundation

/// A mock interview: asks the plan's questions one by one, asks a follow-up when an answer misses a
/// required concept, gives feedback, and saves the transcript after every answer so nothing answered is
/// ever lost.
///
/// It talks to the candidate only through an `InterviewConsole` and reads the time only from an
/// `InterviewClock`, so a test can script a whole interview.
public struct InterviewSession {
    public enum Outcome: Equatable, Sendable {
        /// Every question was answered or skipped; the Markdown report is written.
        case finished
        /// Stopped early by `:quit` or the end of input; resumable.
        case quit
    }

    public internal(set) var transcript: Transcript
    /// Where the transcript is saved; the Markdown report goes beside it. It moves only when a save
    /// fails and the candidate picks another place (see `InterviewSession+Saving.swift`).
    public internal(set) var transcriptURL: URL
    /// Told to the candidate when they stop: how to continue. Paths are shown as given (relative to the
    /// working folder when the transcript folder was given that way).
    public var resumeCommand: String
    /// Called when the transcript moves to another file after a failed save; returns the new resume
    /// command (the executable uses it to update its interrupt message too).
    public var relocated: ((URL) -> String)?

    private let questions: [String: Question]
    private let grader: Grader
    let store: TranscriptStore
    let console: any InterviewConsole
    let clock: any InterviewClock
    private let isResumed: Bool
    /// The transcript's lock, held while the session runs, so a second process cannot write over it.
    var lock: FileLock

    /// A new interview of `plan`, whose questions are already drawn (`InterviewPlanner.draw`). Claims
    /// its transcript file at once, so a session started in the same second gets a name of its own.
    public init(
        plan: InterviewPlan, bank: Bank, store: TranscriptStore, console: any InterviewConsole,
        clock: any InterviewClock
    ) throws(TranscriptError) {
        let transcript = Transcript(plan: plan, bankHash: bank.contentHash, startedAt: clock.now())
        store.removeLeftovers()
        let (url, lock) = try store.reserveURL(for: transcript)
        self.init(
            transcript: transcript, url: url, bank: bank, store: store, console: console, clock: clock,
            isResumed: false, lock: lock)
    }

    /// Continues the interview saved at `url`.
    public init(
        resuming transcript: Transcript, from url: URL, bank: Bank, store: TranscriptStore,
        console: any InterviewConsole, clock: any InterviewClock
    ) throws {
        let lock = try store.lock(url)
        // Another process may have saved it between the caller's load and this lock: go on from the disk.
        let transcript = (try? store.load(url)) ?? transcript
        guard transcript.status != .finished else { throw InterviewError.alreadyFinished(transcript: url.path) }
        let known = Set(bank.questions.map(\.id))
        let gone = transcript.remainingQuestionIDs.filter { !known.contains($0) }
        guard gone.isEmpty else { throw InterviewError.questionsGone(ids: gone, transcript: url.path) }
        self.init(
            transcript: transcript, url: url, bank: bank, store: store, console: console, clock: clock, isResumed: true,
            lock: lock)
    }

    private init(
        transcript: Transcript, url: URL, bank: Bank, store: TranscriptStore, console: any InterviewConsole,
        clock: any InterviewClock, isResumed: Bool, lock: FileLock
    ) {
        self.transcript = transcript
        transcriptURL = url
        resumeCommand = "rehearse practice --resume \(url.relativePath)"
        questions = Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        grader = Grader(bank: bank)
        self.store = store
        self.console = console
        self.clock = clock
        self.isResumed = isResumed
        self.lock = lock
    }

    private var plan: InterviewPlan { transcript.plan }
    private var style: TextStyle { console.style }

    /// Runs the interview to its end or until the candidate stops.
    public mutating func run() throws -> Outcome {
        transcript.status = .inProgress
        try save()
        greet()
        for id in transcript.remainingQuestionIDs {
            guard let question = questions[id] else { continue }
            let asked = try ask(question, number: transcript.entries.count + 1)
            if let entry = asked.entry {
                transcript.entries.append(entry)
                try save()
            }
            if asked.quit { return try stop() }
            if plan.feedback == .each, let entry = asked.entry {
                console.write("\n" + InterviewFeedback(entry: entry).text(style: style))
                let isLast = transcript.remainingQuestionIDs.isEmpty
                if pauseAfterFeedback(entry, isLast: isLast) == .quit, !isLast { return try stop() }
            }
        }
        return try finish()
    }

    // MARK: Asking

    private func greet() {
        let total = plan.questionIDs.count
        var what = "\(total) question\(total == 1 ? "" : "s")"
        if plan.exam {
            what += ", a practice exam weighted by domain"
        } else if plan.kind != .mixed {
            what += ", \(plan.kind.rawValue)"
        }
        if !plan.domains.isEmpty { what += ", \(plan.domains.joined(separator: " and "))" }
        var text = style.bold("Mock interview: \(what) (seed \(plan.seed)).") + "\n"
        if isResumed {
            text +=
                "Welcome back: \(transcript.entries.count) of \(total) done, \(transcript.remainingQuestionIDs.count) to go.\n"
        } else {
            text +=
                "Hello! I'll ask, you answer as you would to an interviewer. "
                + (plan.feedback == .each ? "Feedback comes after each answer.\n" : "Feedback comes at the end.\n")
        }
        text += AnswerReader.usage + "\n"
        text += style.dim("Saved after every answer to \(transcriptURL.relativePath)") + "\n"
        console.write(text)
    }

    /// Asks one question and its follow-up, if one is due. The entry is nil when the candidate stopped
    /// before answering.
    private func ask(_ question: Question, number: Int) throws -> (entry: Transcript.Entry?, quit: Bool) {
        let showQuestion = { self.console.write(self.questionText(question, number: number)) }
        showQuestion()
        let reader = AnswerReader(console: console, hint: question.hint, repeatQuestion: showQuestion)
        let askedAt = clock.now()
        let input =
            question.kind == .multipleChoice
            ? reader.readChoice(letters: question.options.map(\.letter)) : reader.readOpenAnswer()
        let answeredAt = clock.now()
        switch input {
        case .quit:
            return (nil, true)
        case .skip:
            console.write("Skipped.\n")
            let grade = try grader.grade("", for: question)
            return (
                Transcript.Entry(
                    question: question, answer: "", skipped: true, askedAt: askedAt, answeredAt: answeredAt,
                    grade: grade), false
            )
        case let .answer(answer):
            var entry = Transcript.Entry(
                question: question, answer: answer, skipped: false, askedAt: askedAt, answeredAt: answeredAt,
                grade: try grader.grade(answer, for: question))
            guard let concept = Self.followUpConcept(for: entry.grade), let followUp = concept.followUp else {
                return (entry, false)
            }
            console.write("\n" + style.bold("Follow-up: ") + followUp + "\n")
            let followUpAsked = clock.now()
            let followUpReader = AnswerReader(
                console: console, hint: nil,
                repeatQuestion: {
                    self.console.write(self.style.bold("Follow-up: ") + followUp + "\n")
                })
            switch followUpReader.readOpenAnswer() {
            case .quit:
                return (entry, true)
            case .skip:
                return (entry, false)
            case let .answer(text):
                entry.followUps.append(
                    Transcript.FollowUp(
                        conceptID: concept.id, question: followUp, answer: text,
                        seconds: clock.now().timeIntervalSince(followUpAsked)))
                entry.grade = try grader.grade(entry.gradedText, for: question)
                return (entry, false)
            }
        }
    }

    /// The first required concept the answer missed that has a follow-up question, in rubric order.
    static func followUpConcept(for grade: Grade) -> ConceptResult? {
        grade.concepts.first { $0.required && !$0.matched && $0.followUp != nil }
    }

    private func questionText(_ question: Question, number: Int) -> String {
        let progress =
            "Question \(number) of \(plan.questionIDs.count) · \(question.domain) · \(question.kind.rawValue) · "
            + "about \(TranscriptMarkdown.duration(Double(question.timeLimit)))"
        var text = "\n" + style.cyan(progress) + "\n" + style.bold(question.prompt.collapsingWhitespace) + "\n"
        for option in question.options {
            text += "  \(option.letter)) \(option.text.collapsingWhitespace)\n"
        }
        return text
    }

    // MARK: After an answer

    private enum PauseChoice { case goOn, quit }

    /// Lets the candidate read the feedback, see the sample answer, or stop, before the next question.
    private func pauseAfterFeedback(_ entry: Transcript.Entry, isLast: Bool) -> PauseChoice {
        let next = isLast ? "Enter: finish" : "Enter: next question"
        var offer = "\(next) · s: the sample answer · :quit: stop here (saved)"
        while true {
            console.write(style.dim(offer) + "\n")
            guard let line = console.readLine(prompt: "") else { return .quit }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "s", ":sample":
                console.write(sampleAnswerText(entry))
                offer = next
            case "q", ":quit":
                return .quit
            default:
                return .goOn
            }
        }
    }

    private func sampleAnswerText(_ entry: Transcript.Entry) -> String {
        let sample =
            entry.kind == .multipleChoice
            ? entry.options.filter(\.correct).map { "\($0.letter)) \($0.text.collapsingWhitespace): \($0.why)" }
                .joined()
            : entry.sampleAnswer.trimmingCharacters(in: .whitespacesAndNewlines)
        return style.bold("Sample answer") + "\n" + sample + "\n\n"
    }

    // MARK: Ending

    private mutating func stop() throws -> Outcome {
        transcript.status = .quit
        try save()
        let total = plan.questionIDs.count
        console.write(
            "\nStopped after \(transcript.entries.count) of \(total) questions; every answer is saved in "
                + "\(transcriptURL.relativePath).\nResume with: \(resumeCommand)\n")
        return .quit
    }

    private mutating func finish() throws -> Outcome {
        transcript.status = .finished
        try save()
        let markdownURL = saveReport()
        console.write("\n" + summary())
        if plan.feedback == .end {
            for entry in transcript.entries { console.write("\n" + InterviewFeedback(entry: entry).text(style: style)) }
            offerSampleAnswers()
        }
        console.write(
            "\nTranscript: \(transcriptURL.relativePath)\nReport:     \(markdownURL?.relativePath ?? "not written")\n")
        return .finished
    }

    private func summary() -> String {
        let average = transcript.averageScore.map { String(format: "%.0f/100", $0) } ?? "nothing answered"
        var text = style.bold("Interview finished. Average \(average).") + "\n"
        for (index, entry) in transcript.entries.enumerated() {
            let score = entry.skipped ? "skipped" : "\(entry.grade.score)/100 \(entry.grade.band.rawValue)"
            text += "  \(index + 1). \(entry.questionID): \(score), \(TranscriptMarkdown.duration(entry.seconds))\n"
        }
        return text
    }

    private func offerSampleAnswers() {
        let count = transcript.entries.count
        while true {
            console.write(
                style.dim("Type a question number (1–\(count)) for its sample answer, or Enter to finish.") + "\n")
            guard let line = console.readLine(prompt: ""), let number = Int(line.trimmingCharacters(in: .whitespaces))
            else { return }
            guard (1...count).contains(number) else { continue }
            console.write(sampleAnswerText(transcript.entries[number - 1]))
        }
    }

    private mutating func save() throws {
        transcript.updatedAt = clock.now()
        try saveKeepingAnswers()
    }
}
