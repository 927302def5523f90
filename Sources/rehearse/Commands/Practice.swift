import ArgumentParser
import Foundation
import RehearseCore

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Sit a mock interview in the terminal and come out with a graded transcript.",
        discussion: """
            The interviewer asks the questions one by one. Answer in as many lines as you like and end the answer with a line holding only "." (blank lines inside an answer are kept). On a line of their own: :hint, :repeat (the question again), :edit (opens $EDITOR with the draft), :skip, :quit (saved, the draft too; resume later), :help. A multiple-choice question takes one letter; its options are shuffled for each interview.

            When an answer misses a required point, the interviewer asks one follow-up, and both answers are graded together. The transcript is saved after every answer, before every follow-up and after every line you type, so a crash or a closed terminal loses nothing; --resume brings back the draft. Ctrl-C clears the line being typed; :quit or Ctrl-D stops. At the end a Markdown report is written beside the transcript.

            With standard input piped there are no prompts, greeting or pauses: each answer is its lines, then a line holding only "."; a multiple-choice answer is one line with its letter; the end of input submits the answer being read. Follow-ups are asked only with --follow-ups (their answer comes next, ended by "." too). \(InteractiveRun.pipedLineLimit)

            Examples:
              rehearse practice                  (five mixed questions)
              rehearse practice --count 8 --domain deployment --kind technical
              rehearse practice --exam --count 20 --seed 7
              rehearse practice --question handle-data-drift   (that question again)
              rehearse practice --feedback end
              rehearse practice --resume         (the newest unfinished interview)
              rehearse practice --resume Transcripts/2026-11-23-190512-mixed.json
              rehearse practice < answers.txt    (scripted: no prompts, no pauses)
            """)

    @Option(
        name: .long,
        help: ArgumentHelp("How many questions (default: 5, or all that match when fewer do).", valueName: "n"))
    var count: Int?

    @Option(
        name: .customLong("domain"),
        help: ArgumentHelp(
            "Only this domain (an id from Rubrics/bank.yaml); repeat for several.", valueName: "domain"))
    var domains: [String] = []

    @Option(name: .long, help: ArgumentHelp("Which kind of questions (default: mixed).", valueName: "kind"))
    var kind: InterviewPlan.KindFilter?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Draws the same questions in the same order again, given the same history or --ignore-history (printed at the start).",
            valueName: "n"))
    var seed: UInt64?

    @Flag(name: .long, help: "Draw the questions by the domain weights of bank.yaml, like a practice exam.")
    var exam = false

    @Option(
        name: .customLong("question"),
        help: ArgumentHelp(
            "Ask exactly this question (an id from 'rehearse bank list'); repeat for several.", valueName: "id"))
    var questions: [String] = []

    @Flag(
        name: .long,
        help:
            "Draw by the seed alone. Otherwise questions you have not seen for longest come first (the seed orders those equally fresh)."
    )
    var ignoreHistory = false

    @Option(
        name: .long,
        help: ArgumentHelp("Feedback after each answer, or all at the end (default: each).", valueName: "when"))
    var feedback: InterviewPlan.FeedbackTiming?

    @Flag(
        name: .long,
        help: "With answers piped in: ask follow-ups too (their answers follow in the input). Always on a terminal.")
    var followUps = false

    @OptionGroup var transcriptOptions: TranscriptFolderOptions

    @Flag(
        name: .long,
        help: "Continue an interview that was stopped: the transcript given, else the newest unfinished one.")
    var resume = false

    @Argument(help: ArgumentHelp("With --resume: the transcript to continue.", valueName: "transcript"))
    var transcript: String?

    @OptionGroup var rubricOptions: RubricOptions

    static let defaultCount = 5

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        if transcript != nil, !resume {
            throw ValidationError(
                "a transcript argument goes with --resume: 'rehearse practice --resume \(transcript!)'.")
        }
        if resume,
            count != nil || !domains.isEmpty || kind != nil || seed != nil || exam || feedback != nil
                || !questions.isEmpty
        {
            throw ValidationError(
                "--resume continues the interview as it was planned; drop --count, --domain, --kind, --seed, --exam, --question and --feedback."
            )
        }
        if !questions.isEmpty, count != nil || !domains.isEmpty || kind != nil || exam {
            throw ValidationError("--question names the questions itself; drop --count, --domain, --kind and --exam.")
        }
    }

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let store = try transcriptOptions.writableStore()
            let console = InteractiveRun.console()
            var session =
                resume
                ? try resumedSession(bank: bank, store: store, console: console)
                : try newSession(bank: bank, store: store, console: console)
            try InteractiveRun.run(&session, console: console, rubrics: rubricOptions.rubrics, followUps: followUps)
        }
    }

    private func newSession(bank: Bank, store: TranscriptStore, console: any InterviewConsole) throws
        -> InterviewSession
    {
        let planner = InterviewPlanner(bank: bank)
        var request = InterviewPlan(
            count: count ?? Self.defaultCount, domains: domains, kind: kind ?? .mixed,
            seed: seed ?? UInt64.random(in: 1...999_999), exam: exam, feedback: feedback ?? .each)
        // Without --count, a small bank or a narrow filter gives a shorter interview rather than an error.
        if count == nil { request.count = max(1, min(Self.defaultCount, planner.availableCount(for: request))) }
        let plan =
            questions.isEmpty
            ? try planner.draw(request, lastAsked: ignoreHistory ? [:] : try questionHistory(store))
            : try planner.chosen(questions, plan: request)
        return try InterviewSession(
            plan: plan, bank: bank, store: store, console: console, clock: SystemClock(),
            mode: InteractiveRun.mode(followUps: followUps))
    }

    private func resumedSession(bank: Bank, store: TranscriptStore, console: any InterviewConsole) throws
        -> InterviewSession
    {
        guard let url = try transcript.map({ URL(fileURLWithPath: $0) }) ?? store.latestUnfinished() else {
            throw InterviewError.nothingToResume(folder: Terminal.displayPath(store.folder))
        }
        let saved = try store.load(url)
        if saved.bankHash != bank.contentHash {
            Terminal.printWarning(
                "the rubrics changed since this interview started; new answers are graded with the current ones.")
        }
        return try InterviewSession(
            resuming: saved, from: url, bank: bank, store: store, console: console, clock: SystemClock(),
            mode: InteractiveRun.mode(followUps: followUps))
    }
}

extension InterviewPlan.FeedbackTiming: ExpressibleByArgument {}
