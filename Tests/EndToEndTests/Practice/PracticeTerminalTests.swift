import Foundation
import Testing

/// `rehearse practice` in a real terminal (tmux), used as a person uses it: line editing, a follow-up,
/// :skip, a SIGKILL in the middle and a resume, Ctrl-C and :quit, and a second resume.
@Suite("practice in a terminal", .serialized)
struct PracticeTerminalTests {
    /// A few words of each fixture question's prompt, to tell which one is on screen.
    static let prompts = [
        "rollback-plan": "How do you release a new model version safely?",
        "drift-check": "How do you notice that a model's input data has drifted?",
        "release-quiz": "Which release strategy sends a small share",
        "incident-story": "Tell me about a production incident you handled.",
    ]

    @Test(
        "follow-up, :skip, kill -9 mid-interview, resume, Ctrl-C and :quit, resume again",
        .enabled(if: Tmux.isAvailable, "tmux is not installed (apt-get install tmux, or scripts/setup.sh --test)"))
    func interviewSurvivesKillAndInterrupt() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        let command = { (arguments: String) in
            "cd '\(RehearseProcess.packageRoot.path)' && exec env NO_COLOR=1 .build/debug/rehearse practice "
                + "--rubrics '\(PracticePipedTests.bank)' --transcripts '\(folder.url.path)' \(arguments)"
        }

        try tmux.start(command("--count 4 --seed 77"), name: "first")
        var answered: [String] = []
        for number in 1...2 {
            answered.append(try answerQuestion(number, in: tmux))
        }
        #expect(Set(answered).isSubset(of: Set(Self.prompts.keys)))

        // Half-way through question 3, the process is killed outright: no chance to save anything more.
        try tmux.waitFor("Question 3 of 4")
        // Typed, not entered: only entered lines are a draft (PracticeTerminalDefectsTests keeps those).
        try tmux.type("This answer is never finish")
        try tmux.waitFor("This answer is never finish")
        let pid = try tmux.panePID()
        #expect(pid > 0 && kill(pid, SIGKILL) == 0)
        try tmux.waitUntilPaneDies()

        let transcriptURL = try PracticePipedTests.transcript(in: folder.url, extension: "json")
        let afterKill = try PracticePipedTests.json(transcriptURL)
        let killedEntries = try #require(afterKill["entries"] as? [[String: Any]])
        #expect(
            killedEntries.compactMap { $0["questionID"] as? String } == answered,
            "both answered questions survive kill -9")
        #expect(afterKill["status"] as? String == "in-progress")

        // Resume the newest unfinished interview; then Ctrl-C at question 4.
        try tmux.start(command("--resume"), name: "second")
        try tmux.waitFor("Welcome back: 2 of 4 done, 2 to go.")
        answered.append(try answerQuestion(3, in: tmux))
        try tmux.waitFor("Question 4 of 4")
        // Ctrl-C at the prompt clears the line and says how to stop; :quit stops.
        try tmux.waitForPrompt()
        try tmux.press("C-c")
        try tmux.waitFor("To stop: :quit")
        try tmux.typeLine(":quit")
        let interrupted = try tmux.waitFor("Resume with: rehearse practice --resume")
        #expect(interrupted.contains("Stopped after 3 of 4 questions; every answer is saved in"))
        let afterInterrupt = try PracticePipedTests.json(transcriptURL)
        #expect((afterInterrupt["entries"] as? [[String: Any]])?.count == 3)

        try tmux.start(command("--resume '\(transcriptURL.path)'"), name: "third")
        try tmux.waitFor("Welcome back: 3 of 4 done, 1 to go.")
        answered.append(try answerQuestion(4, in: tmux))
        try tmux.waitFor("Interview finished.")

        let finished = try PracticePipedTests.json(transcriptURL)
        #expect(finished["status"] as? String == "finished")
        let entries = try #require(finished["entries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["questionID"] as? String } == answered)
        #expect(Set(answered) == Set(Self.prompts.keys))
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0["questionID"] as! String, $0) })
        #expect(
            byID["rollback-plan"]?["answer"] as? String == "I release a canary first.",
            "Ctrl-A moved to the start of the line")
        #expect((byID["rollback-plan"]?["followUps"] as? [[String: Any]])?.count == 1)
        #expect(byID["drift-check"]?["skipped"] as? Bool == true)
        #expect(
            FileManager.default.fileExists(
                atPath: transcriptURL.deletingPathExtension().appendingPathExtension("md").path))
    }

    /// Waits for question `number`, answers it the way the script for that question says, and returns its id.
    private func answerQuestion(_ number: Int, in tmux: Tmux) throws -> String {
        let marker = "Question \(number) of 4"
        var screen = try tmux.waitFor(marker)
        var id: String?
        for _ in 0..<100 where id == nil {
            let shown = screen.components(separatedBy: marker).last ?? ""
            id = Self.prompts.first { shown.contains($0.value) }?.key
            if id == nil {
                Thread.sleep(forTimeInterval: 0.05)
                screen = try tmux.screen()
            }
        }
        let question = try #require(id, "no known question on screen:\n\(screen)")
        let pauses = screen.components(separatedBy: "· s: the sample answer").count - 1
        try tmux.waitForPrompt()
        switch question {
        case "rollback-plan":
            // Typed without its first word, which Ctrl-A (libedit: start of line) then lets us add.
            try tmux.type("release a canary first.")
            try tmux.press("C-a")
            try tmux.typeLine("I ")
            try tmux.typeLine(".")
            try tmux.waitFor("Follow-up: What do you do if the new version turns out to be worse?")
            try tmux.typeLine("I roll back at once.")
            try tmux.typeLine(".")
        case "drift-check":
            try tmux.typeLine(":skip")
            try tmux.waitFor("Skipped.")
        case "release-quiz":
            try tmux.typeLine("B")
        default:
            try tmux.typeLine("I fixed the pipeline, and I learned to test it before release.")
            try tmux.typeLine(".")
        }
        try tmux.waitFor("· s: the sample answer", count: pauses + 1)
        try tmux.typeLine("")
        return question
    }
}
