import Foundation
import RehearseCore
import Testing

@Suite("export, regrade, progress and drill on a folder of transcripts", .serialized)
struct TranscriptCommandsTests {
    static let weakDrift = "I would retrain the model every week when the accuracy drops."
    static let strongDrift =
        "We compare the live feature distributions with training, page on-call, and retrain weekly."

    let temp: TemporaryFolder
    let transcripts: URL
    let fixtures: TranscriptFixtures

    init() throws {
        temp = try TemporaryFolder()
        transcripts = temp.url.appendingPathComponent("Transcripts")
        fixtures = try TranscriptFixtures(folder: transcripts)
    }

    func rehearse(_ arguments: [String]) throws -> RehearseProcess.Output {
        try RehearseProcess.run(arguments + ["--rubrics", TranscriptFixtures.rubrics.path], in: temp.url)
    }

    // MARK: export

    @Test("export writes session.md beside session.json, and --output DIR puts it there")
    func export() throws {
        let saved = try fixtures.save(
            daysAgo: 1, [("drift", Self.weakDrift), ("release", "I would send a canary to a small share first.")])
        let beside = try RehearseProcess.run(["export", saved.path], in: temp.url)
        #expect(beside.status == 0, "\(beside.stderr)")
        let report = try String(contentsOf: saved.deletingPathExtension().appendingPathExtension("md"), encoding: .utf8)
        #expect(report.contains("| 1 | drift | monitoring | 29 | weak |"))
        #expect(report.contains("- **Detects drift in the inputs** (required): Inputs change quietly"))
        let elsewhere = try RehearseProcess.run(["export", saved.path, "--output", "reports"], in: temp.url)
        #expect(elsewhere.status == 0)
        #expect(elsewhere.stdout == "reports/\(saved.deletingPathExtension().lastPathComponent).md\n")
        #expect(
            FileManager.default.fileExists(
                atPath: temp.url.appendingPathComponent(elsewhere.stdout.trimmingCharacters(in: .newlines)).path))
    }

    @Test("export names a damaged or missing file and exits 65 or 66")
    func exportErrors() throws {
        let damaged = try temp.write("Transcripts/broken.json", "{\"formatVersion\": 1, \"entries\": [")
        let broken = try RehearseProcess.run(["export", damaged.path], in: temp.url)
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("the transcript '\(damaged.path)' is damaged"))
        let missing = try RehearseProcess.run(["export", "nope.json"], in: temp.url)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nope.json"))
    }

    // MARK: regrade

    @Test("regrade --write rewrites the Markdown report beside a changed transcript")
    func regradeRewritesReport() throws {
        let saved = try fixtures.save(daysAgo: 1, [("drift", Self.weakDrift)])
        let rubrics = try TranscriptFixtures.copyRubrics(into: temp.url)
        let exported = try RehearseProcess.run(["export", saved.path], in: temp.url)
        #expect(exported.status == 0, "\(exported.stderr)")
        let report = saved.deletingPathExtension().appendingPathExtension("md")
        let before = try String(contentsOf: report, encoding: .utf8)
        let drift = rubrics.appendingPathComponent("monitoring/drift.yaml")
        let edited = try String(contentsOf: drift, encoding: .utf8).replacingOccurrences(
            of: "  - ref: drift-detection\n    weight: 3\n    required: true\n",
            with:
                "  - ref: drift-detection\n    weight: 3\n    required: true\n    patterns: ['\\baccuracy drops\\b']\n")
        try Data(edited.utf8).write(to: drift)
        let written = try RehearseProcess.run(
            ["regrade", saved.path, "--write", "--rubrics", rubrics.path], in: temp.url)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Rewrote 1 Markdown report: "), "\(written.stdout)")
        let after = try String(contentsOf: report, encoding: .utf8)
        #expect(after != before)
        let score = try fixtures.store.load(saved).entries[0].grade.score
        #expect(after.contains("\(score)"))
    }

    @Test("After a rubric edit, regrade shows old and new scores; --write saves them and keeps the old grade")
    func regradeAfterEdit() throws {
        let saved = try fixtures.save(
            daysAgo: 1, [("drift", Self.weakDrift), ("release", "A canary, then roll back if it fails.")])
        let rubrics = try TranscriptFixtures.copyRubrics(into: temp.url)
        let drift = rubrics.appendingPathComponent("monitoring/drift.yaml")
        let edited = try String(contentsOf: drift, encoding: .utf8).replacingOccurrences(
            of: "  - ref: drift-detection\n    weight: 3\n    required: true\n",
            with:
                "  - ref: drift-detection\n    weight: 3\n    required: true\n    patterns: ['\\baccuracy drops\\b']\n")
        #expect(edited.contains("accuracy drops"))
        try Data(edited.utf8).write(to: drift)
        try Data("concepts: []\n".utf8).write(to: rubrics.appendingPathComponent("concepts/extra.yaml"))
        try FileManager.default.removeItem(at: rubrics.appendingPathComponent("deployment/release.yaml"))
        try FileManager.default.removeItem(at: rubrics.appendingPathComponent("deployment/pick-strategy.yaml"))

        let preview = try RehearseProcess.run(["regrade", "Transcripts", "--rubrics", rubrics.path], in: temp.url)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("drift     29 →  71  +drift-detection"))
        #expect(preview.stdout.contains("release  100  not in the bank any more; left as it was"))
        #expect(
            preview.stdout.contains(
                "1 answer re-scored, 1 changed, 1 no longer in the bank (left as it was). Run again with --write"))
        #expect(try fixtures.store.load(saved).entries[0].grade.score == 29, "without --write nothing is saved")

        let written = try RehearseProcess.run(
            ["regrade", saved.path, "--write", "--rubrics", rubrics.path], in: temp.url)
        #expect(written.status == 0)
        let after = try fixtures.store.load(saved)
        #expect(after.entries[0].grade.score == 71)
        #expect(after.entries[0].history.map(\.grade.score) == [29])
        #expect(after.entries[0].answer == Self.weakDrift)
        #expect(after.entries[1].grade.score == 100)
        #expect(after.entries[1].history.isEmpty)

        let again = try RehearseProcess.run(
            ["regrade", saved.path, "--rubrics", rubrics.path, "--format", "json"], in: temp.url)
        #expect(again.stdout.contains("\"outcome\" : \"unchanged\""))
    }

    // MARK: progress

    @Test("progress ranks the weakest concept first, in text, Markdown and JSON; a stray .json is a warning")
    func progress() throws {
        try fixtures.save(
            daysAgo: 6, [("drift", Self.weakDrift), ("release", "I would send a canary to a small share first.")])
        try fixtures.save(
            daysAgo: 3, [("drift", Self.weakDrift), ("release", "I would send a canary to a small share first.")])
        try fixtures.save(
            daysAgo: 1, [("drift", Self.strongDrift), ("release", "I would send a canary to a small share first.")])
        try temp.write("Transcripts/notes.json", "{\"todo\": []}")

        let text = try RehearseProcess.run(["progress", "Transcripts"], in: temp.url)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Progress over 3 sessions, 6 answers"))
        let conceptLines = text.stdout.split(separator: "\n").drop { !$0.hasPrefix("Concepts, weakest first") }
            .dropFirst()
        #expect(conceptLines.first?.hasPrefix("Can roll back") == true, "the label, not the id")
        #expect(conceptLines.first?.hasSuffix("rollback") == true, "the id at the end")
        #expect(text.stdout.contains("monitoring"))
        #expect(text.stderr.contains("warning: skipped: the transcript"))
        #expect(text.stderr.contains("notes.json"))

        let json = try RehearseProcess.run(["progress", "Transcripts", "--format", "json"], in: temp.url)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let concepts = decoded?["concepts"] as? [[String: Any]]
        #expect(concepts?.first?["id"] as? String == "rollback")
        #expect(concepts?.first?["mastery"] as? Double == 0)
        let monitoring = (decoded?["domains"] as? [[String: Any]])?.first { $0["id"] as? String == "monitoring" }
        #expect(monitoring?["trend"] as? String == "up")

        let markdown = try RehearseProcess.run(
            ["progress", "--transcripts", "Transcripts", "--format", "markdown"], in: temp.url)
        #expect(markdown.stdout.contains("| Can roll back | rollback | 3 | 0% |"))
    }

    @Test("progress with no transcripts says what to do and exits 66")
    func progressEmpty() throws {
        let output = try RehearseProcess.run(["progress", "--transcripts", "empty"], in: temp.url)
        #expect(output.status == 66)
        #expect(output.stderr.contains("no transcripts in 'empty'; run 'rehearse practice' first"))
    }

    // MARK: drill

    @Test("drill --plan lists the due concepts and picks a question for each, then the longest unseen")
    func drillPlan() throws {
        try fixtures.save(daysAgo: 10, [("drift", Self.strongDrift)])
        try fixtures.save(daysAgo: 3, [("release", "I would send a canary to a small share first.")])

        let plan = try rehearse(["drill", "--plan", "--count", "3", "--transcripts", "Transcripts"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("3 questions; 4 of 5 concepts due."))
        let questions = plan.stdout.split(separator: "\n").drop { $0 != "Questions:" }.dropFirst().map(String.init)
        #expect(questions.count == 3)
        #expect(
            questions[0].hasPrefix("  1. release") && questions[0].contains("you missed 'Can roll back' 3 days ago"))
        #expect(
            questions[1].hasPrefix("  2. drift")
                && questions[1].contains("'Detects drift in the inputs' was last graded 10 days ago: predicted recall"))
        #expect(questions[2].hasPrefix("  3. pick-strategy") && questions[2].hasSuffix("never answered"))

        let json = try rehearse(["drill", "--plan", "--count", "2", "--transcripts", "Transcripts", "--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let ids = (decoded?["questions"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["release", "drift"])
    }

    @Test("--format goes with drill --plan only, and says so with exit 64")
    func drillFormatWithoutPlan() throws {
        let output = try rehearse(["drill", "--format", "json"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--format goes with --plan"))
    }
}
