import Foundation
import Testing

/// Issue 13's scripted check: a three-question interview killed with SIGKILL at every prompt (each draft
/// line, the follow-up, the feedback pause, the multiple-choice prompt). After each kill the transcript
/// holds every answered question and every entered draft line, and `--resume` goes on from there.
@Suite("practice killed at every prompt", .serialized)
struct PracticeKillAtEveryPromptTests {
    /// What the candidate types for each open question: two draft lines (which miss the required point,
    /// so the follow-up comes) and the follow-up's answer.
    static let scripts: [String: (lines: [String], followUp: String?)] = [
        "rollback-plan": (["I ship a canary to a small share.", "I watch the latency."], "I roll back at once."),
        "drift-check": (
            ["I would look at the inputs.", "Then retrain every week."], "The distribution of live inputs."
        ),
        "incident-story": (["The pipeline broke one night.", "Since then we test it."], nil),
    ]

    /// The state the transcript must show after a kill.
    struct Expected {
        var answers: [String: String] = [:]
        var followUpAnswers: [String: String] = [:]
        var draft: [String]?
    }

    final class Run {
        let folder: URL
        let tmux = Tmux()
        var sessions = 0
        var expected = Expected()
        var kills = 0

        init(folder: URL) { self.folder = folder }

        func start(_ arguments: String) throws {
            sessions += 1
            try tmux.start(PracticeTerminalDefectsTests.command(arguments, folder: folder), name: "s\(sessions)")
        }

        /// SIGKILL, then the transcript must hold everything so far; then resume.
        func killCheckAndResume() throws {
            try PracticeTerminalDefectsTests.kill(tmux)
            kills += 1
            let saved = try PracticeTerminalDefectsTests.transcript(folder)
            let entries = try #require(saved["entries"] as? [[String: Any]])
            let answers = Dictionary(
                uniqueKeysWithValues: entries.compactMap { entry in
                    (entry["questionID"] as? String).map { ($0, entry["answer"] as? String ?? "") }
                })
            #expect(answers == expected.answers, "after kill \(kills)")
            for (id, answer) in expected.followUpAnswers {
                let entry = entries.first { $0["questionID"] as? String == id }
                #expect(
                    (entry?["followUps"] as? [[String: Any]])?.first?["answer"] as? String == answer,
                    "after kill \(kills)")
            }
            #expect((saved["draft"] as? [String: Any])?["lines"] as? [String] == expected.draft, "after kill \(kills)")
            try start("--resume")
            try tmux.waitFor("Welcome back")
        }
    }

    @Test(
        "SIGKILL at every prompt of a three-question interview loses nothing; --resume finishes it",
        .enabled(if: Tmux.isAvailable, PracticeTerminalDefectsTests.tmuxMissing))
    func killAtEveryPrompt() throws {
        let folder = try TemporaryFolder()
        let run = Run(folder: folder.url)
        // Seed 14 draws three of the fixture's four questions: two open ones, a multiple-choice one between.
        try run.start("--count 3 --seed 14")
        try run.tmux.waitFor("Question 1 of 3")
        let plan = try #require(
            (try PracticeTerminalDefectsTests.transcript(folder.url)["plan"] as? [String: Any])?["questionIDs"]
                as? [String])
        #expect(plan.count == 3)
        for (index, id) in plan.enumerated() {
            try run.tmux.waitFor("Question \(index + 1) of 3")
            if id == "release-quiz" {
                try run.tmux.waitForPrompt()
                try run.killCheckAndResume()
                try run.tmux.waitForPrompt()
                let letter = try #require(
                    PracticeScriptOfDefectsTests.letter(of: "Canary release", in: try run.tmux.screen()))
                try run.tmux.typeLine(letter)
                run.expected.answers[id] = letter
            } else {
                let script = try #require(Self.scripts[id])
                try answerInLines(script.lines, draftOf: id, run: run, followUp: false)
                try run.tmux.typeLine(".")
                run.expected.answers[id] = script.lines.joined(separator: "\n")
                run.expected.draft = nil
                if let followUp = script.followUp {
                    try run.tmux.waitFor("Follow-up:")
                    try run.tmux.waitForPrompt()
                    try run.killCheckAndResume()  // the follow-up waits: the first answer is saved
                    try run.tmux.waitFor("Follow-up:")
                    try answerInLines([followUp], draftOf: id, run: run, followUp: true)
                    try run.tmux.typeLine(".")
                    run.expected.followUpAnswers[id] = followUp
                    run.expected.draft = nil
                }
            }
            try run.tmux.waitFor("· s: the sample answer")
            try run.killCheckAndResume()  // the feedback pause
        }
        try run.tmux.waitFor("Interview finished.")
        let finished = try PracticeTerminalDefectsTests.transcript(folder.url)
        #expect(finished["status"] as? String == "finished")
        #expect((finished["entries"] as? [[String: Any]])?.compactMap { $0["questionID"] as? String } == plan)
        #expect(run.kills >= 8)
    }

    /// Types each line, killing after each one is entered; after the resume the draft must be back.
    private func answerInLines(_ lines: [String], draftOf id: String, run: Run, followUp: Bool) throws {
        var typed: [String] = []
        for line in lines {
            if typed.isEmpty { try run.tmux.waitForPrompt() }
            try run.tmux.typeLine(line)
            typed.append(line)
            run.expected.draft = typed
            try PracticeTerminalDefectsTests.waitForNextLinePrompt(run.tmux, after: line)
            try run.killCheckAndResume()
            if followUp { try run.tmux.waitFor("Follow-up:") }
            try run.tmux.waitFor("Your draft so far (\(typed.count) line\(typed.count == 1 ? "" : "s")), restored")
            try PracticeTerminalDefectsTests.waitForNextLinePrompt(run.tmux, after: line)
        }
    }
}
