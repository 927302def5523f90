import Foundation
import RehearseCore
import Testing

@Suite("Interview session")
struct InterviewSessionTests {
    @Test("Two interviews started in the same second keep separate transcripts")
    func sameSecond() throws {
        let fixture = try InterviewFixture()
        func session(answering answer: String) throws -> InterviewSession {
            try InterviewSession(
                plan: fixture.plan(["drift-check"]), bank: fixture.bank, store: fixture.store,
                console: ScriptedConsole(answer + "\n.\n\n"), clock: fixture.clock)
        }
        var first = try session(answering: "We compare distributions.")
        var second = try session(answering: "We retrain weekly.")
        _ = try first.run()
        _ = try second.run()
        #expect(
            second.transcriptURL.lastPathComponent == first.transcriptURL.deletingPathExtension().lastPathComponent
                + "-2.json")
        #expect(fixture.files.text(at: first.transcriptURL)?.contains("We compare distributions.") == true)
        #expect(fixture.files.text(at: second.transcriptURL)?.contains("We retrain weekly.") == true)
    }

    @Test("a whole interview: multi-line answer, follow-up graded together, multiple choice, report written")
    func wholeInterview() throws {
        let fixture = try InterviewFixture()
        let run = try fixture.run(
            ["rollback-plan", "release-quiz"],
            script: """
                I ship a canary and watch the latency.

                It goes to more users over time.
                .
                I would roll it back to the previous version.
                .

                x
                \(try fixture.shownCorrectLetter("release-quiz").lowercased())
                """)
        #expect(run.outcome == .finished)
        let transcript = try fixture.saved(run.session)
        #expect(transcript.status == .finished)
        #expect(transcript.entries.map(\.questionID) == ["rollback-plan", "release-quiz"])

        let open = transcript.entries[0]
        #expect(open.answer == "I ship a canary and watch the latency.\n\nIt goes to more users over time.")
        #expect(open.seconds == 40)
        #expect(open.followUps.map(\.conceptID) == ["rollback"])
        #expect(open.followUps.first?.answer == "I would roll it back to the previous version.")
        #expect(open.followUps.first?.seconds == 20)
        // The follow-up answer earns the rollback the first answer missed, at the follow-up's share of its
        // weight (rollback is 2 of the 4 units of weight here: (1 + 1 + 2 × 0.7) ÷ 4).
        let rollback = try #require(open.grade.concepts.first { $0.id == "rollback" })
        #expect(rollback.matched && rollback.isViaFollowUp && rollback.credit == Scoring.followUpCredit)
        #expect(open.grade.score == 85)

        let choice = transcript.entries[1]
        #expect(choice.grade.choice?.chosen == (try fixture.shownCorrectLetter("release-quiz")))
        #expect(choice.grade.score == 100)
        #expect(choice.optionOrder.map(Set.init) == ["A", "B", "C"], "the order shown is recorded")

        let output = run.console.output
        #expect(output.contains("Question 1 of 2 · deployment · technical"))
        #expect(output.contains("Follow-up: What do you do if the new version turns out to be worse?"))
        #expect(output.contains("Time: 40s of about 2m00s, and 20s on the follow-up"))
        #expect(output.contains("Answer with one letter: A, B, C"))
        for why in ["Blue-green switches all traffic at once.", "Recreate stops the old version"] {
            #expect(output.contains(why), "every option's explanation is shown")
        }
        let report = try #require(
            fixture.files.text(at: run.session.transcriptURL.deletingPathExtension().appendingPathExtension("md")))
        #expect(report.contains("**Follow-up:** What do you do if the new version turns out to be worse?"))
    }

    @Test("the follow-up is asked once, even when its answer still misses the point")
    func followUpOnce() throws {
        let fixture = try InterviewFixture()
        let run = try fixture.run(["rollback-plan"], script: "I deploy it.\n.\nI would test it first.\n.\n")
        let entry = try #require(try fixture.saved(run.session).entries.first)
        #expect(entry.followUps.count == 1)
        #expect(run.console.output.components(separatedBy: "Follow-up:").count - 1 == 1)
        #expect(entry.grade.missingRequired.map(\.id) == ["rollback"])
    }

    @Test("no follow-up when the answer already covers the required points")
    func noFollowUpWhenCovered() throws {
        let fixture = try InterviewFixture()
        let run = try fixture.run(
            ["rollback-plan"], script: "A canary with latency checks, and I roll back if it degrades.\n.\n")
        #expect(try fixture.saved(run.session).entries.first?.followUps.isEmpty == true)
        #expect(!run.console.output.contains("Follow-up:"))
    }

    @Test(":hint, :repeat, :skip and an unknown command")
    func commands() throws {
        let fixture = try InterviewFixture()
        let run = try fixture.run(
            ["rollback-plan", "drift-check"],
            script: """
                :hint
                :repeat
                :skip

                :hnit
                We compare distributions and retrain.
                .
                """)
        let transcript = try fixture.saved(run.session)
        #expect(transcript.entries.map(\.skipped) == [true, false])
        #expect(transcript.entries[1].answer == "We compare distributions and retrain.")
        let output = run.console.output
        #expect(output.contains("Hint: Think about what you do when the new version misbehaves."))
        #expect(output.components(separatedBy: "How do you release a new model version safely?").count - 1 == 2)
        #expect(output.contains("Unknown command :hnit. Did you mean :hint?"))
    }

    @Test("the end of input stops like :quit, with every answer saved, and resume finishes the rest")
    func endOfInputThenResume() throws {
        let fixture = try InterviewFixture()
        let ids = ["rollback-plan", "drift-check", "release-quiz"]
        let first = try fixture.run(ids, script: "I roll back bad canaries, watching metrics.\n.\n\nWe compare distrib")
        #expect(first.outcome == .quit)
        let stopped = try fixture.saved(first.session)
        #expect(stopped.status == .quit)
        #expect(stopped.entries.map(\.answer) == ["I roll back bad canaries, watching metrics."])
        #expect(first.console.output.contains("Resume with: rehearse practice --resume /transcripts/"))

        let console = ScriptedConsole("We compare distributions and retrain.\n.\n\nB\n", clock: fixture.clock)
        var resumed = try InterviewSession(
            resuming: stopped, from: first.session.transcriptURL, bank: fixture.bank, store: fixture.store,
            console: console, clock: fixture.clock)
        #expect(try resumed.run() == .finished)
        let finished = try fixture.saved(resumed)
        #expect(finished.entries.map(\.questionID) == ids)
        #expect(finished.entries[0] == stopped.entries[0])
        #expect(console.output.contains("Welcome back: 1 of 3 done, 2 to go."))
        #expect(console.output.contains("Question 2 of 3"))
    }

    @Test(":quit during the follow-up keeps the first answer")
    func quitDuringFollowUp() throws {
        let fixture = try InterviewFixture()
        let run = try fixture.run(["rollback-plan", "drift-check"], script: "I deploy it with a canary.\n.\n:quit\n")
        #expect(run.outcome == .quit)
        let entries = try fixture.saved(run.session).entries
        #expect(entries.map(\.answer) == ["I deploy it with a canary."])
        #expect(entries[0].followUps.isEmpty)
    }

    @Test(":edit replaces the draft with the editor's text; without an editor the draft is kept")
    func edit() throws {
        let fixture = try InterviewFixture()
        let edited = try fixture.run(
            ["drift-check"], script: "We watch the distribution\n:edit\n.\n", editor: { $0 + " and retrain\n" })
        #expect(try fixture.saved(edited.session).entries.first?.answer == "We watch the distribution and retrain")

        let other = try InterviewFixture()
        let failed = try other.run(["drift-check"], script: "We watch the distribution\n:edit\n.\n")
        #expect(failed.console.output.contains("Could not open the editor"))
        #expect(try other.saved(failed.session).entries.first?.answer == "We watch the distribution")
    }

    @Test("--feedback end: no feedback between questions, all of it after the last, sample answers on request")
    func feedbackAtEnd() throws {
        let fixture = try InterviewFixture()
        let run = try fixture.run(
            ["drift-check", "release-quiz"], script: "We compare distributions and retrain.\n.\nA\n2\n", feedback: .end)
        let output = run.console.output
        let lastQuestion = try #require(output.range(of: "Question 2 of 2"))
        let firstScore = try #require(output.range(of: "Score "))
        #expect(lastQuestion.lowerBound < firstScore.lowerBound)
        #expect(!output.contains("Enter: next question"))
        #expect(output.contains("Sample answer\n\(try fixture.shownCorrectLetter("release-quiz"))) Canary release"))
    }

    @Test("the time taken is shown against the question's limit")
    func overTime() throws {
        let fixture = try InterviewFixture()
        let console = ScriptedConsole(
            "We compare distributions and retrain.\n.\n", clock: fixture.clock, secondsPerLine: 100)
        var session = try InterviewSession(
            plan: fixture.plan(["drift-check"]), bank: fixture.bank, store: fixture.store, console: console,
            clock: fixture.clock)
        _ = try session.run()
        #expect(console.output.contains("Time: 3m20s of about 1m30s (1m50s over"))
        #expect(try fixture.saved(session).entries.first?.seconds == 200)
    }

    @Test("a finished interview, or one whose questions left the bank, cannot be resumed")
    func resumeRefused() throws {
        let fixture = try InterviewFixture()
        let url = URL(fileURLWithPath: "/transcripts/old.json")
        var finished = Transcript(plan: fixture.plan(["drift-check"]), bankHash: "", startedAt: Date())
        finished.status = .finished
        #expect(throws: InterviewError.alreadyFinished(transcript: url.path)) {
            try InterviewSession(
                resuming: finished, from: url, bank: fixture.bank, store: fixture.store, console: ScriptedConsole(""),
                clock: fixture.clock)
        }
        let gone = Transcript(plan: fixture.plan(["drift-check", "retired-question"]), bankHash: "", startedAt: Date())
        #expect(throws: InterviewError.questionsGone(ids: ["retired-question"], transcript: url.path)) {
            try InterviewSession(
                resuming: gone, from: url, bank: fixture.bank, store: fixture.store, console: ScriptedConsole(""),
                clock: fixture.clock)
        }
    }
}
