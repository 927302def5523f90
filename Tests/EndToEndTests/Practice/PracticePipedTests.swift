import Foundation
import Testing

/// `rehearse practice` with the answers piped in, as a script or CI runs it.
@Suite("practice, scripted on standard input")
struct PracticePipedTests {
    static let bank = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/practice-bank").path

    /// What the candidate types for each question of the fixture bank, the pause after feedback included.
    static let answers = [
        "rollback-plan":
            "I release a canary to a small share.\n\nThen I watch latency.\n.\nI roll back to the previous version.\n.\n\n",
        "drift-check": "We compare the distribution of inputs with PSI.\n.\n\n",
        "release-quiz": "B\n\n",
        "incident-story": ":skip\n\n",
    ]

    static func transcript(in folder: URL, extension ext: String) throws -> URL {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == ext }
        return try #require(files.count == 1 ? files.first : nil, "one .\(ext) file in \(files)")
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test("a whole interview piped in: transcript JSON and Markdown report written, same seed same order")
    func wholeInterview() throws {
        let folder = try TemporaryFolder()
        let arguments = ["practice", "--rubrics", Self.bank, "--count", "4", "--seed", "2024", "--follow-ups"]

        // Learn the order the seed draws: with no input the interview stops at once, plan saved.
        let probeFolder = try TemporaryFolder()
        let probe = try RehearseProcess.run(arguments + ["--transcripts", probeFolder.url.path], stdin: "")
        #expect(probe.status == 0)
        let order =
            try #require(
                try Self.json(Self.transcript(in: probeFolder.url, extension: "json"))["plan"] as? [String: Any])[
                "questionIDs"] as? [String]
        let ids = try #require(order)
        #expect(Set(ids) == Set(Self.answers.keys))

        let script = ids.map { Self.answers[$0]! }.joined()
        let run = try RehearseProcess.run(arguments + ["--transcripts", folder.url.path], stdin: script)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Interview finished."))
        #expect(!run.stdout.contains("\u{1B}["), "no colours when piped")

        let saved = try Self.json(Self.transcript(in: folder.url, extension: "json"))
        #expect(saved["status"] as? String == "finished")
        let entries = try #require(saved["entries"] as? [[String: Any]])
        #expect(entries.compactMap { $0["questionID"] as? String } == ids, "the same seed asks in the same order")
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0["questionID"] as! String, $0) })
        #expect(
            byID["rollback-plan"]?["answer"] as? String
                == "I release a canary to a small share.\n\nThen I watch latency.")
        let followUps = try #require(byID["rollback-plan"]?["followUps"] as? [[String: Any]])
        #expect(followUps.map { $0["answer"] as? String } == ["I roll back to the previous version."])
        #expect(
            (byID["rollback-plan"]?["grade"] as? [String: Any])?["score"] as? Int == 85,
            "the rollback earned in the follow-up counts 70%")
        #expect(byID["incident-story"]?["skipped"] as? Bool == true)
        #expect(
            ((byID["release-quiz"]?["grade"] as? [String: Any])?["choice"] as? [String: Any])?["chosen"] as? String
                == "B")

        let markdown = try String(contentsOf: Self.transcript(in: folder.url, extension: "md"), encoding: .utf8)
        #expect(markdown.contains("3 of 4 questions answered, 1 skipped"))
        #expect(markdown.contains("**Follow-up:** What do you do if the new version turns out to be worse?"))
        if let tree = try CommonMark.xml(markdown) {
            let summary = try #require(tree.components(separatedBy: "</table>").first)
            #expect(summary.components(separatedBy: "<table_row>").count - 1 == 4, "one summary row per question")
        }
    }

    @Test("asking for more questions than the filter leaves is a usage error that says how many there are")
    func notEnoughQuestions() throws {
        let folder = try TemporaryFolder()
        let run = try RehearseProcess.run(
            [
                "practice", "--rubrics", Self.bank, "--kind", "technical", "--count", "3", "--transcripts",
                folder.url.path,
            ])
        #expect(run.status == 64)
        #expect(run.stderr.contains("only 2 questions match kind technical, but 3 were asked for; pass --count 2"))
    }

    @Test("without --count, a filter that leaves fewer than five questions gives a shorter interview")
    func defaultCountShrinks() throws {
        let folder = try TemporaryFolder()
        let run = try RehearseProcess.run(
            ["practice", "--rubrics", Self.bank, "--kind", "technical", "--transcripts", folder.url.path], stdin: "")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Mock interview: 2 questions, technical"))
    }

    @Test("--resume with nothing unfinished says how to start")
    func nothingToResume() throws {
        let folder = try TemporaryFolder()
        let run = try RehearseProcess.run([
            "practice", "--resume", "--rubrics", Self.bank, "--transcripts", folder.url.path,
        ])
        #expect(run.status == 66)
        #expect(run.stderr.contains("no unfinished interview in"))
    }
}

/// GitHub's reference Markdown parser, when installed (scripts/setup.sh --test installs it).
enum CommonMark {
    static func xml(_ markdown: String) throws -> String? {
        guard
            let tool = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm", "/opt/homebrew/bin/cmark-gfm"]
                .first(where: FileManager.default.isExecutableFile(atPath:))
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-e", "table", "-t", "xml"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
