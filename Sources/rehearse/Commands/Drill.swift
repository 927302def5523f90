import ArgumentParser
import Foundation
import RehearseCore

struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Practise your weakest concepts, on a spaced-repetition schedule.",
        discussion: """
            Every concept your answers were graded on has a memory state (FSRS-style stability and difficulty), updated by each answer: missed is "again", earned only after the follow-up is "hard", earned at once is "good". A concept is due when its predicted recall falls under 90%, and a concept you missed comes back ten minutes later (a relearning step), so what you missed this afternoon is in this evening's drill; a concept graded twice in one session counts once for the long-term schedule. The drill asks questions for the due concepts first (the weakest first, or the weakest overall when nothing is due), then the questions you have not seen for longest, and says why each concept is back ("you missed 'Can roll back' twice this week"). Scripted sessions (answers piped in) count only with --include-scripted.

            The drill itself runs like 'rehearse practice' (answers end with a line holding only ".", :skip, :quit, follow-ups, feedback after each answer) and is saved to the transcripts folder like any interview, so it feeds the next schedule. A stopped drill resumes with 'rehearse practice --resume'. --plan only prints the plan: the concepts due, the questions chosen and why. \(InteractiveRun.pipedLineLimit)

              rehearse drill
              rehearse drill --count 3
              rehearse drill --plan
              rehearse drill --plan --count 3 --transcripts ~/interview-prep/Transcripts
              rehearse drill --plan --format json
            """)

    @Option(name: .long, help: ArgumentHelp("How many questions.", valueName: "n"))
    var count = 5

    @Flag(name: .long, help: "Print the drill plan instead of starting the drill.")
    var plan = false

    @Option(name: .long, help: "Output format of --plan: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var transcriptOptions: TranscriptFolderOptions
    @OptionGroup var scripted: ScriptedOption
    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be at least 1.") }
        if format == .markdown { throw ValidationError("'drill --plan' prints text or json.") }
        if !plan, format != .text { throw ValidationError("--format goes with --plan.") }
    }

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let loaded = scripted.filter(try loadTranscripts(folder: transcriptOptions.folder))
            let scheduler = DrillScheduler(bank: bank, transcripts: loaded.map(\.transcript))
            let drill = scheduler.plan(count: count, at: Date(), seed: UInt64.random(in: 0...UInt64.max))
            guard !plan else {
                try printOutput(DrillPlanReport(plan: drill).render(format, style: Terminal.style), terminator: "")
                return
            }
            let store = try transcriptOptions.writableStore()
            let console = InteractiveRun.console()
            console.write(DrillPlanReport(plan: drill).introduction(style: console.style) + "\n")
            var session = try InterviewSession(
                plan: drill.interviewPlan, bank: bank, store: store, console: console, clock: SystemClock(),
                mode: InteractiveRun.mode(followUps: false))
            try InteractiveRun.run(&session, console: console, rubrics: rubricOptions.rubrics, followUps: false)
        }
    }
}
