import Foundation
import Testing

/// The defects of issue 13 that show with the answers piped in: each test fails on the code before the fix.
@Suite("practice, scripted: answers kept, limits and averages as documented")
struct PracticeScriptOfDefectsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let gradingErrorBank = fixtures.appendingPathComponent("grading-error-bank").path
    static let typoBank = fixtures.appendingPathComponent("typo-bank").path

    private func practice(
        _ arguments: [String], bank: String = PracticePipedTests.bank, in folder: TemporaryFolder, stdin: String
    )
        throws -> RehearseProcess.Output
    {
        try RehearseProcess.run(
            ["practice", "--rubrics", bank, "--transcripts", folder.url.path] + arguments, stdin: stdin)
    }

    private func saved(_ folder: TemporaryFolder) throws -> [String: Any] {
        try PracticePipedTests.json(PracticePipedTests.transcript(in: folder.url, extension: "json"))
    }

    // MARK: 6. Piped mode

    @Test("README's scripted example: no greeting or pauses, no follow-up, the end of input submits the last answer")
    func readmeExample() throws {
        let readme = try String(
            contentsOf: RehearseProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let input = try #require(Self.fencedBlock(after: "<!-- scripted-practice-input -->", in: readme))
        let command = try #require(Self.fencedBlock(after: "<!-- scripted-practice-command -->", in: readme))
        #expect(command == "rehearse practice --kind technical --count 2 < answers.txt")
        let folder = try TemporaryFolder()
        let run = try practice(["--kind", "technical", "--count", "2"], in: folder, stdin: input)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(!run.stdout.contains("Hello!"), "no greeting")
        #expect(!run.stdout.contains(":hint"), "no command list")
        #expect(!run.stdout.contains("Enter: next question"), "no pause")
        #expect(!run.stdout.contains("Follow-up:"), "no follow-up without --follow-ups")
        let transcript = try saved(folder)
        #expect(transcript["status"] as? String == "finished", "the answer without its '.' was submitted")
        let answers = (transcript["entries"] as? [[String: Any]])?.compactMap { $0["answer"] as? String }
        let expected = input.components(separatedBy: "\n.\n").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(answers == expected)
    }

    @Test("--follow-ups asks them when piped: the follow-up answer is the next one in the input")
    func followUpsWhenAsked() throws {
        let input =
            "I ship a canary to a small share and watch the latency.\n.\nI roll back to the previous version.\n.\n"
        let folder = try TemporaryFolder()
        let run = try practice(
            ["--domain", "deployment", "--kind", "technical", "--count", "1", "--follow-ups"], in: folder,
            stdin: input)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Follow-up: What do you do if the new version turns out to be worse?"))
        let entry = try #require((try saved(folder)["entries"] as? [[String: Any]])?.first)
        #expect(
            (entry["followUps"] as? [[String: Any]])?.first?["answer"] as? String
                == "I roll back to the previous version.")
        #expect(
            (entry["grade"] as? [String: Any])?["score"] as? Int == 85,
            "the rollback earned in the follow-up counts 70%")
    }

    // MARK: 5. Grading errors

    @Test(
        "an answer that cannot be graded is saved ungraded, the candidate told, the interview goes on; regrade grades it"
    )
    func gradingErrorKeepsAnswer() throws {
        let folder = try TemporaryFolder()
        let answer = "We alert when the error rate of the model rises over the threshold for ten minutes or more!"
        let run = try practice(
            ["--domain", "monitoring", "--count", "2", "--seed", "3"], bank: Self.gradingErrorBank, in: folder,
            stdin: "\(answer)\n.\n\(answer)\n.\n")  // the same answer for both questions, whichever comes first
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("This answer could not be graded"))
        #expect(run.stdout.contains("Question 2 of 2"), "the interview went on")
        let url = try PracticePipedTests.transcript(in: folder.url, extension: "json")
        let entries = try #require(try PracticePipedTests.json(url)["entries"] as? [[String: Any]])
        let alerting = try #require(entries.first { $0["questionID"] as? String == "alerting" })
        #expect(alerting["answer"] as? String == answer)
        #expect((alerting["ungraded"] as? String)?.contains("match limit") == true)
        #expect(run.stdout.contains("Interview finished."))

        // The coach fixes the pattern; regrade grades the saved answer.
        let fixed = try TemporaryFolder()
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: Self.gradingErrorBank), to: fixed.url.appendingPathComponent("bank"))
        let rubric = fixed.url.appendingPathComponent("bank/monitoring/alerting.yaml")
        let text = try String(contentsOf: rubric, encoding: .utf8).replacingOccurrences(
            of: "'^(\\w+\\s?)+$'", with: "'\\bthreshold\\b'")
        try Data(text.utf8).write(to: rubric)
        let regrade = try RehearseProcess.run(
            ["regrade", url.path, "--write", "--rubrics", fixed.url.appendingPathComponent("bank").path])
        #expect(regrade.status == 0, "\(regrade.stderr)")
        let regraded = try #require(try PracticePipedTests.json(url)["entries"] as? [[String: Any]])
        let now = try #require(regraded.first { $0["questionID"] as? String == "alerting" })
        #expect(now["ungraded"] == nil)
        #expect((now["grade"] as? [String: Any])?["score"] as? Int == 100)
    }

    // MARK: 8. Skipped questions and the average

    @Test("a skipped question counts 0 in the average, and the summary and the report say so alike")
    func skippedCountsInAverage() throws {
        let folder = try TemporaryFolder()
        let run = try practice(
            ["--kind", "technical", "--count", "2", "--seed", "5"], in: folder,
            stdin: ":skip\nI compare the distribution of live inputs with PSI, and retrain on recent data.\n.\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let entries = try #require(try saved(folder)["entries"] as? [[String: Any]])
        let scores = entries.map {
            ($0["skipped"] as? Bool == true) ? 0 : (($0["grade"] as? [String: Any])?["score"] as? Int ?? -1)
        }
        let average = Int((Double(scores.reduce(0, +)) / 2).rounded())
        let said = "\(average)/100 over 2 questions, the skipped one counted as 0"
        #expect(run.stdout.contains("Average \(said)."))
        let markdown = try String(
            contentsOf: PracticePipedTests.transcript(in: folder.url, extension: "md"), encoding: .utf8)
        #expect(markdown.contains("1 of 2 questions answered, 1 skipped · average \(said)"))
    }

    // MARK: 10. One size limit

    @Test("practice refuses an answer over grade's 100 KB limit, with grade's message")
    func sizeLimit() throws {
        let line = String(repeating: "the model drifts ", count: 6_500)
        let folder = try TemporaryFolder()
        let run = try practice(
            ["--domain", "monitoring", "--kind", "technical", "--count", "1"], in: folder, stdin: "\(line)\n.\n")
        #expect(run.status == 65)
        let graded = try RehearseProcess.run(
            ["grade", "--rubrics", PracticePipedTests.bank, "--question", "drift-check"], stdin: line)
        #expect(graded.status == 65)
        let rule = "-byte limit for one answer; an interview answer is a few paragraphs, so shorten it."
        #expect(graded.stderr.contains("more than the 100000" + rule))
        #expect(run.stderr.contains("more than the 100000" + rule), "stderr: \(run.stderr)")
        #expect((try saved(folder)["entries"] as? [[String: Any]])?.isEmpty == true, "nothing over the limit is saved")
    }

    // MARK: 7. Multiple choice

    @Test(
        "options are shuffled per session and recorded; the explanation follows the letter shown; hedges are asked again"
    )
    func shuffledOptions() throws {
        var orders: Set<[String]> = []
        for seed in 1...6 {
            let folder = try TemporaryFolder()
            let shown = try practice(
                ["--kind", "multiple-choice", "--count", "1", "--seed", "\(seed)"], in: folder, stdin: "")
            let letter = try #require(Self.letter(of: "Canary release", in: shown.stdout), "\(shown.stdout)")
            let answered = try TemporaryFolder()
            let others = ["A", "B", "C"].filter { $0 != letter }
            let run = try practice(
                ["--kind", "multiple-choice", "--count", "1", "--seed", "\(seed)"], in: answered,
                stdin: "\(others[0]) or \(letter)\n\(letter) or maybe \(others[1])\n\(letter)\n")
            #expect(run.stdout.components(separatedBy: "choose one: A, B, C").count - 1 == 2, "\(run.stdout)")
            let entry = try #require((try saved(answered)["entries"] as? [[String: Any]])?.first)
            #expect((entry["grade"] as? [String: Any])?["score"] as? Int == 100)
            let order = try #require(entry["optionOrder"] as? [String])
            orders.insert(order)
            #expect(run.stdout.contains("\(letter)) Canary release"))
            let options = try #require(entry["options"] as? [[String: Any]])
            let canary = try #require(options.first { $0["text"] as? String == "Canary release" })
            #expect(canary["letter"] as? String == letter && canary["correct"] as? Bool == true)
        }
        #expect(orders.count > 1, "different sessions show different orders: \(orders)")
    }

    @Test(
        "rubric lint warns when the correct option is the longest in more than a third of the multiple-choice questions"
    )
    func longestOptionLint() throws {
        let bank = Self.fixtures.appendingPathComponent("longest-option-bank").path
        let run = try RehearseProcess.run(["rubric", "lint", "--rubrics", bank])
        #expect(
            run.stdout.contains(
                "warning: the correct option is the longest in 2 of 3 multiple-choice questions (pick-a, pick-b)"),
            "\(run.stdout + run.stderr)")
    }

    // MARK: 9. Typo correction

    @Test("typo correction names real words, leaves jargon and spellings alone, and quotes the words as typed")
    func typoCorrection() throws {
        let answer = "We use anonymisation and sharding, we pseudonymize ids, and compair drift before sharing."
        let folder = try TemporaryFolder()
        let run = try practice(["--count", "1"], bank: Self.typoBank, in: folder, stdin: answer + "\n.\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("read \"pseudonymize\" as the spelling \"pseudonymise\""), "\(run.stdout)")
        let entry = try #require((try saved(folder)["entries"] as? [[String: Any]])?.first)
        let concepts = try #require((entry["grade"] as? [String: Any])?["concepts"] as? [[String: Any]])
        let evidence = concepts.compactMap { $0["evidence"] as? [String: Any] }
        let corrections = evidence.flatMap { ($0["corrections"] as? [[String: Any]]) ?? [] }
        let read = corrections.map { "\($0["read"] ?? "") -> \($0["takenAs"] ?? "")" }
        #expect(!read.contains { $0.hasPrefix("sharding") }, "jargon is not a typo of a bank word: \(read)")
        #expect(!read.contains { $0.hasPrefix("compair") }, "'compar' is a pattern's stem, not a word: \(read)")
        #expect(!read.contains { $0.contains("anonymisedion") }, "\(read)")
        let spelling = try #require(corrections.first { $0["read"] as? String == "pseudonymize" }, "\(read)")
        #expect(spelling["takenAs"] as? String == "pseudonymise")
        #expect(spelling["spelling"] as? Bool == true, "a spelling, not a typo")
        for quote in evidence.compactMap({ $0["quote"] as? String }) {
            #expect(answer.contains(quote), "the quote is the text as typed: \(quote)")
        }
    }

    // MARK: Version-1 transcripts

    @Test("a version-1 transcript from before drafts still resumes, is saved as version 2, and exports")
    func versionOneResumes() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("2026-12-01-205639-mixed.json")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("version-1-quit.json"), to: file)
        let run = try RehearseProcess.run(
            ["practice", "--resume", file.path, "--rubrics", PracticePipedTests.bank],
            stdin: "We compare the distribution of inputs with PSI.\n.\n:skip\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Welcome back: 1 of 3 done, 2 to go."))
        let transcript = try PracticePipedTests.json(file)
        #expect(transcript["formatVersion"] as? Int == 2)
        #expect(transcript["status"] as? String == "finished")
        #expect((transcript["entries"] as? [[String: Any]])?.count == 3)
        let export = try RehearseProcess.run(["export", file.path, "--output", folder.url.path])
        #expect(export.status == 0, "\(export.stderr)")
    }

    // MARK: Helpers

    /// The text of the fenced code block that follows `marker`.
    static func fencedBlock(after marker: String, in text: String) -> String? {
        guard let start = text.range(of: marker) else { return nil }
        let rest = text[start.upperBound...]
        guard let open = rest.range(of: "```"), let lineEnd = rest[open.upperBound...].firstIndex(of: "\n"),
            let close = rest[lineEnd...].range(of: "\n```")
        else { return nil }
        return String(rest[rest.index(after: lineEnd)..<close.lowerBound])
    }

    /// The letter an option is shown under: "  B) Canary release".
    static func letter(of option: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasSuffix(") \(option)") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.map { String($0.prefix(1)) }
    }
}
