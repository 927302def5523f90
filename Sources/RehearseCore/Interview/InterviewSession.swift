import Foundation

/// A mock interview: asks the plan's questions one by one, asks a follow-up when an answer misses a
/// required concept, gives feedback, and saves the transcript after every answer, before every follow-up
/// and (when someone is typing) after every line of a draft, so nothing typed is ever lost.
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

    public var transcript: Transcript { record.transcript }
    /// Where the transcript is saved; the Markdown report goes beside it. It moves only when a save
    /// fails and the candidate picks another place (see `SessionRecord`).
    public var transcriptURL: URL { record.url }
    /// Told to the candidate when they stop: how to continue. Paths are shown as given (relative to the
    /// working folder when the transcript folder was given that way).
    public var resumeCommand: String {
        get { record.resumeCommand }
        nonmutating set { record.resumeCommand = newValue }
    }
    /// Called when the transcript moves to another file after a failed save; returns the new resume
    /// command (the executable uses it to update its interrupt message too).
    public var relocated: ((URL) -> String)? {
        get { record.relocated }
        nonmutating set { record.relocated = newValue }
    }

    private let record: SessionRecord
    private let questions: [String: Question]
    private let grader: Grader
    private let console: any InterviewConsole
    private let clock: any InterviewClock
    private let isResumed: Bool
    private let mode: InterviewMode

    /// A new interview of `plan`, whose questions are already drawn (`InterviewPlanner.draw`). Claims
    /// its transcript file at once, so a session started in the same second gets a name of its own.
    /// `scripted`: the answers are piped in (see `Transcript.scripted`).
    public init(
        plan: InterviewPlan, bank: Bank, store: TranscriptStore, console: any InterviewConsole,
        clock: any InterviewClock, mode: InterviewMode = .interactive
    ) throws(TranscriptError) {
        var transcript = Transcript(plan: plan, bankHash: bank.contentHash, startedAt: clock.now())
        if !mode.isInteractive { transcript.scripted = true }
        store.removeLeftovers()
        let (url, lock) = try store.reserveURL(for: transcript)
        self.init(
            transcript: transcript, url: url, bank: bank, store: store, console: console, clock: clock,
            isResumed: false, mode: mode, lock: lock)
    }

    /// Continues the interview saved at `url`.
    public init(
        resuming transcript: Transcript, from url: URL, bank: Bank, store: TranscriptStore,
        console: any InterviewConsole, clock: any InterviewClock, mode: InterviewMode = .interactive
    ) throws {
        let lock = try store.lock(url)
        // Another process may have saved it between the caller's load and this lock: go on from the disk.
        let transcript = (try? store.load(url)) ?? transcript
        guard transcript.status != .finished else { throw InterviewError.alreadyFinished(transcript: url.path) }
        let known = Set(bank.questions.map(\.id))
        let gone = transcript.remainingQuestionIDs.filter { !known.contains($0) }
        guard gone.isEmpty else { throw InterviewError.questionsGone(ids: gone, transcript: url.path) }
        self.init(
            transcript: transcript, url: url, bank: bank, store: store, console: console, clock: clock,
            isResumed: true, mode: mode, lock: lock)
    }

    private init(
        transcript: Transcript, url: URL, bank: Bank, store: TranscriptStore, console: any InterviewConsole,
        clock: any InterviewClock, isResumed: Bool, mode: InterviewMode, lock: FileLock
    ) {
        record = SessionRecord(
            transcript: transcript, url: url, store: store, clock: clock, console: console, lock: lock)
        questions = Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        grader = Grader(bank: bank)
        self.console = console
        self.clock = clock
        self.isResumed = isResumed
        self.mode = mode
    }

    private var plan: InterviewPlan { transcript.plan }
    private var style: TextStyle { console.style }

    /// Runs the interview to its end or until the candidate stops.
    public mutating func run() throws -> Outcome {
        record.transcript.status = .inProgress
        try record.save()
        greet()
        // A follow-up that was waiting when the interview stopped comes first.
        if let index = transcript.entries.indices.last, transcript.entries[index].pendingFollowUp != nil {
            if try askFollowUp(entry: index) == .stop { return try stop() }
            if try giveFeedback(entry: index) == .stop { return try stop() }
        }
        for id in transcript.remainingQuestionIDs {
            guard let question = questions[id] else { continue }
            let number = transcript.questionsDone + 1
            var attempt = 1
            while true {
                guard let index = try ask(shown(question), number: number) else { return try stop() }
                if attempt > 1 {
                    record.transcript.entries[index].attempt = attempt
                    try record.save()
                }
                if transcript.entries[index].pendingFollowUp != nil, try askFollowUp(entry: index) == .stop {
                    return try stop()
                }
                let step = try giveFeedback(entry: index)
                if step == .stop { return try stop() }
                guard step == .retry else { break }
                attempt += 1
                console.write(style.dim("Attempt \(attempt): the same question again.") + "\n")
            }
        }
        return try finish()
    }

    /// The question as this session shows it: multiple-choice options in the session's own order.
    private func shown(_ question: Question) -> Question {
        OptionShuffle.shuffled(question, seed: plan.seed)?.question ?? question
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
        let title = plan.drill == true ? "Drill" : "Mock interview"
        var text = style.bold("\(title): \(what) (seed \(plan.seed)).") + "\n"
        let done = doneCount
        if isResumed {
            text += "Welcome back: \(done) of \(total) done, \(total - done) to go.\n"
        } else if mode.isInteractive {
            text +=
                "Hello! I'll ask, you answer as you would to an interviewer. "
                + (plan.feedback == .each ? "Feedback comes after each answer.\n" : "Feedback comes at the end.\n")
        }
        if mode.isInteractive {
            text += AnswerReader.usage + "\n"
            text += style.dim("Saved as you type, every line, to \(transcriptURL.relativePath)") + "\n"
        }
        console.write(text)
    }

    private func reader(for question: Question, followUp: String?, number: Int) -> AnswerReader {
        let record = self.record, console = self.console
        let repeatQuestion =
            followUp.map { text in { console.write(self.style.bold("Follow-up: ") + text + "\n") } }
            ?? { console.write(self.questionText(question, number: number)) }
        var reader = AnswerReader(
            console: console, hint: followUp == nil ? question.hint : nil, repeatQuestion: repeatQuestion)
        reader.mode = mode
        reader.restored = record.restoredDraft(questionID: question.id, followUp: followUp != nil)
        if mode.isInteractive {
            reader.keepDraft = { lines in
                do { try record.keepDraft(lines, questionID: question.id, followUp: followUp != nil) } catch {
                    console.write(
                        "Could not save the draft: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n")
                }
            }
        }
        return reader
    }

    /// Asks one question and saves what came back; nil when the candidate stopped before answering. A
    /// follow-up due is recorded as pending in the saved entry, so a crash while it waits loses nothing.
    private func ask(_ question: Question, number: Int) throws -> Int? {
        console.write(questionText(question, number: number))
        let askedAt = clock.now()
        var reader = reader(for: question, followUp: nil, number: number)
        reader.timer = AnswerTimer(clock: clock, limit: question.timeLimit)
        let input =
            question.kind == .multipleChoice
            ? reader.readChoice(letters: question.options.map(\.letter)) : reader.readOpenAnswer()
        let answeredAt = clock.now()
        var entry: Transcript.Entry
        switch input {
        case .quit:
            return nil
        case let .tooLong(error):
            try stopQuietly()
            throw error
        case .skip:
            console.write("Skipped.\n")
            entry = Transcript.Entry(
                question: question, answer: "", skipped: true, askedAt: askedAt, answeredAt: answeredAt,
                grade: (try? grader.grade("", for: question)) ?? Self.placeholderGrade(for: question))
        case let .answer(answer):
            entry = Transcript.Entry(
                question: question, answer: answer, skipped: false, askedAt: askedAt, answeredAt: answeredAt,
                grade: Self.placeholderGrade(for: question))
            grade(&entry, question: question)
            if mode.asksFollowUps, entry.ungraded == nil, let concept = Self.followUpConcept(for: entry.grade),
                let followUp = concept.followUp
            {
                entry.pendingFollowUp = Transcript.PendingFollowUp(
                    conceptID: concept.id, question: followUp, askedAt: clock.now())
            }
        }
        entry.optionOrder = OptionShuffle.shuffled(questions[question.id] ?? question, seed: plan.seed)?.order
        record.transcript.entries.append(entry)
        record.transcript.draft = nil
        try record.save()
        return record.transcript.entries.count - 1
    }

    private enum Step { case goOn, stop, retry }

    /// Questions answered or skipped, each once however often retried; not one whose follow-up waits.
    private var doneCount: Int {
        Set(transcript.entries.filter { $0.pendingFollowUp == nil }.map(\.questionID)).count
    }

    /// Asks the pending follow-up of an entry and saves the answer with it.
    private func askFollowUp(entry index: Int) throws -> Step {
        guard let pending = transcript.entries[index].pendingFollowUp,
            let question = questions[transcript.entries[index].questionID].map(shown)
        else { return .goOn }
        console.write("\n" + style.bold("Follow-up: ") + pending.question + "\n")
        let started = clock.now()
        let input = reader(for: question, followUp: pending.question, number: doneCount + 1).readOpenAnswer()
        var entry = transcript.entries[index]
        switch input {
        case .quit:
            return .stop
        case let .tooLong(error):
            try stopQuietly()
            throw error
        case .skip:
            entry.pendingFollowUp = nil
        case let .answer(text):
            entry.pendingFollowUp = nil
            entry.followUps.append(
                Transcript.FollowUp(
                    conceptID: pending.conceptID, question: pending.question, answer: text,
                    seconds: clock.now().timeIntervalSince(started)))
            grade(&entry, question: question)
        }
        record.transcript.entries[index] = entry
        record.transcript.draft = nil
        try record.save()
        return .goOn
    }

    /// Grades the entry's answer with its follow-ups; an answer that cannot be graded is kept, ungraded,
    /// and the candidate is told, rather than the interview ending.
    private func grade(_ entry: inout Transcript.Entry, question: Question) {
        do {
            entry.grade = try grader.grade(entry.answer, followUps: entry.followUps.map(\.answer), for: question)
            entry.ungraded = nil
        } catch {
            entry.ungraded = error.errorDescription ?? "\(error)"
            entry.grade = Self.placeholderGrade(for: question)
            console.write(
                "\nThis answer could not be graded: \(entry.ungraded!)\nIt is saved ungraded; once the rubric "
                    + "is fixed, 'rehearse regrade --write \(transcriptURL.relativePath)' grades it. On to the next.\n")
        }
    }

    /// What a skipped or ungraded answer holds in place of a grade: 0, nothing covered.
    static func placeholderGrade(for question: Question) -> Grade {
        Grade(
            questionID: question.id, score: 0, band: Band(score: 0), concepts: [], missing: [], misconceptions: [],
            signals: [], choice: nil)
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

    /// Feedback after each answer, when asked for, and the pause to read it (only when someone is typing).
    private func giveFeedback(entry index: Int) throws -> Step {
        guard plan.feedback == .each else { return .goOn }
        let entry = transcript.entries[index]
        console.write("\n" + InterviewFeedback(entry: entry).text(style: style))
        let isLast = transcript.remainingQuestionIDs.isEmpty
        guard mode.isInteractive else { return .goOn }
        let choice = pauseAfterFeedback(entry, isLast: isLast)
        return choice == .stop && isLast ? .goOn : choice
    }

    /// Lets the candidate read the feedback, see the sample answer, or stop, before the next question.
    private func pauseAfterFeedback(_ entry: Transcript.Entry, isLast: Bool) -> Step {
        let next = isLast ? "Enter: finish" : "Enter: next question"
        var offer = "\(next) · r: try it again · s: the sample answer · :quit: stop here (saved)"
        while true {
            console.write(style.dim(offer) + "\n")
            guard let line = console.readLine(prompt: "") else { return .stop }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "s", ":sample":
                console.write(sampleAnswerText(entry))
                offer = next
            case "q", ":quit":
                return .stop
            case "r", ":retry":
                return .retry
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

    private func stopQuietly() throws {
        record.transcript.status = .quit
        try record.save()
    }

    private func stop() throws -> Outcome {
        try stopQuietly()
        let total = plan.questionIDs.count
        console.write(
            "\nStopped after \(doneCount) of \(total) questions; every answer is saved in "
                + "\(transcriptURL.relativePath).\n")
        // On a line of its own and never wrapped, so it can be copied whole.
        console.writeUnwrapped("Resume with: \(resumeCommand)\n")
        return .quit
    }

    private func finish() throws -> Outcome {
        record.transcript.status = .finished
        record.transcript.draft = nil
        try record.save()
        let markdownURL = record.saveReport()
        console.write("\n" + summary())
        if plan.feedback == .end {
            for entry in transcript.entries { console.write("\n" + InterviewFeedback(entry: entry).text(style: style)) }
            if mode.isInteractive { offerSampleAnswers() }
        }
        console.write(
            "\nTranscript: \(transcriptURL.relativePath)\nReport:     \(markdownURL?.relativePath ?? "not written")\n")
        return .finished
    }

    private func summary() -> String {
        let average =
            transcript.averageScore.map { String(format: "%.0f/100 ", $0) + transcript.averageCovers }
            ?? "nothing answered"
        var text = style.bold("Interview finished. Average \(average).") + "\n"
        for (index, entry) in transcript.entries.enumerated() {
            let score =
                entry.skipped
                ? "skipped, counted as 0"
                : entry.ungraded != nil ? "not graded" : "\(entry.grade.score)/100 \(entry.grade.band.rawValue)"
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
}
