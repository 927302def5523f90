import Foundation
import Testing

/// `rehearse drill` runs its plan through the practice engine and saves a transcript like any interview.
@Suite("drill, scripted on standard input")
struct DrillRunTests {
    @Test("a drill after one interview asks the planned questions and saves a drill transcript")
    func drillAfterInterview() throws {
        let folder = try TemporaryFolder()
        let bank = PracticePipedTests.bank
        let interview = try RehearseProcess.run(
            ["practice", "--rubrics", bank, "--count", "2", "--seed", "7", "--transcripts", folder.url.path],
            stdin: ":skip\n\n:skip\n\n")
        #expect(interview.status == 0, "\(interview.stderr)")

        let planned = try RehearseProcess.run(
            [
                "drill", "--plan", "--count", "2", "--format", "json", "--rubrics", bank, "--transcripts",
                folder.url.path,
            ])
        #expect(planned.status == 0, "\(planned.stderr)")

        let drill = try RehearseProcess.run(
            ["drill", "--count", "2", "--rubrics", bank, "--transcripts", folder.url.path], stdin: ":skip\n\n:skip\n\n")
        #expect(drill.status == 0, "\(drill.stderr)")
        #expect(drill.stdout.contains("Question 2 of 2"))

        let files = try FileManager.default.contentsOfDirectory(at: folder.url, includingPropertiesForKeys: nil)
        let drillFile = try #require(files.first { $0.lastPathComponent.hasSuffix("-drill.json") }, "\(files)")
        let saved = try PracticePipedTests.json(drillFile)
        let plan = try #require(saved["plan"] as? [String: Any])
        #expect(plan["drill"] as? Bool == true)
        #expect((plan["questionIDs"] as? [String])?.count == 2)
        #expect((saved["entries"] as? [[String: Any]])?.count == 2)
    }

    @Test("progress reads the transcripts of scripted interviews: domains, weakest concepts first")
    func progressAfterInterviews() throws {
        let folder = try TemporaryFolder()
        let bank = PracticePipedTests.bank
        // Two interviews on the same question: a weak answer, then a better one.
        for answer in ["We watch it.\n.\n\n", "We compare the distribution of inputs with PSI.\n.\n\n"] {
            let run = try RehearseProcess.run(
                [
                    "practice", "--rubrics", bank, "--domain", "monitoring", "--kind", "technical", "--count", "1",
                    "--transcripts", folder.url.path,
                ],
                stdin: answer)
            #expect(run.status == 0, "\(run.stderr)")
            Thread.sleep(forTimeInterval: 1.1)  // transcript names carry the second they started
        }
        let progress = try RehearseProcess.run(
            ["progress", folder.url.path, "--format", "json", "--include-scripted"])
        #expect(progress.status == 0, "\(progress.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])
        let domains = try #require(json["domains"] as? [[String: Any]])
        #expect(domains.first?["id"] as? String == "monitoring")
        #expect(domains.first?["answers"] as? Int == 2)
        #expect(domains.first?["trend"] as? String == "up", "the second answer scored higher")
        let concepts = try #require(json["concepts"] as? [[String: Any]])
        let mastery = concepts.compactMap { $0["mastery"] as? Int }
        #expect(mastery == mastery.sorted(), "weakest concepts first")
        let text = try RehearseProcess.run(["progress", folder.url.path, "--include-scripted"])
        #expect(text.stdout.contains("Progress over 2 sessions, 2 answers"))
    }

    @Test("interviews run at the same moment never write over each other's transcript")
    func concurrentInterviews() throws {
        let folder = try TemporaryFolder()
        let answers = ["We watch it one.", "We watch it two.", "We watch it three."]
        let path = folder.url.path
        DispatchQueue.concurrentPerform(iterations: answers.count) { index in
            _ = try? RehearseProcess.run(
                [
                    "practice", "--rubrics", PracticePipedTests.bank, "--domain", "monitoring", "--kind", "technical",
                    "--count", "1", "--transcripts", path,
                ],
                stdin: answers[index] + "\n.\n\n")
        }
        let saved = try FileManager.default.contentsOfDirectory(at: folder.url, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        for answer in answers {
            #expect(saved.contains { $0.contains(answer) }, "\(answer) was lost")
        }
    }

    @Test("with no transcripts yet, a drill still runs on questions never answered")
    func firstDrill() throws {
        let folder = try TemporaryFolder()
        let drill = try RehearseProcess.run(
            ["drill", "--count", "1", "--rubrics", PracticePipedTests.bank, "--transcripts", folder.url.path],
            stdin: ":skip\n\n")
        #expect(drill.status == 0, "\(drill.stderr)")
        #expect(drill.stdout.contains("Question 1 of 1"))
    }
}

/// `rehearse drill` in a real terminal: it asks its plan as `practice` does, with the same prompt.
@Suite("drill in a terminal", .serialized)
struct DrillTerminalTests {
    @Test(
        "a drill asks in the terminal, takes :skip and finishes with a transcript",
        .enabled(if: Tmux.isAvailable, "tmux is not installed (apt-get install tmux, or scripts/setup.sh --test)"))
    func drillInTerminal() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        try tmux.start(
            "cd '\(RehearseProcess.packageRoot.path)' && exec env NO_COLOR=1 .build/debug/rehearse drill --count 1 "
                + "--rubrics '\(PracticePipedTests.bank)' --transcripts '\(folder.url.path)'",
            name: "drill")
        try tmux.waitFor("Question 1 of 1")
        try tmux.waitForPrompt()
        try tmux.typeLine(":skip")
        try tmux.waitFor("Enter")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("Interview finished")
        #expect(screen.contains("Transcript:"))
        let saved = try PracticePipedTests.json(PracticePipedTests.transcript(in: folder.url, extension: "json"))
        #expect((saved["plan"] as? [String: Any])?["drill"] as? Bool == true)
    }
}
