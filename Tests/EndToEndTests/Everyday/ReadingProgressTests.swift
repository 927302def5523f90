import Foundation
import RehearseCore
import Testing

/// What a candidate reads: progress with labels and a chart, reports that say what to work on, and a
/// drill that explains itself.
@Suite("progress, reports and drill explanations, through the binary", .serialized)
struct ReadingProgressTests {
    static let weakRelease = "A canary first."

    let temp: TemporaryFolder
    let transcripts: URL
    let fixtures: TranscriptFixtures

    init() throws {
        temp = try TemporaryFolder()
        transcripts = temp.url.appendingPathComponent("Transcripts")
        fixtures = try TranscriptFixtures(folder: transcripts)
    }

    func rehearse(_ arguments: [String]) throws -> RehearseProcess.Output {
        try RehearseProcess.run(
            arguments + ["--rubrics", TranscriptFixtures.rubrics.path, "--transcripts", transcripts.path], in: temp.url)
    }

    @Test("progress: labels in the text view, --top N, and a Mermaid xychart per domain that cmark-gfm reads")
    func progressChart() throws {
        try fixtures.save(daysAgo: 3, [("drift", "We retrain weekly."), ("release", Self.weakRelease)])
        try fixtures.save(daysAgo: 1, [("drift", "We compare live inputs with training."), ("release", "A canary.")])
        let text = try RehearseProcess.run(["progress", transcripts.path, "--top", "2"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("The 2 weakest of"))
        let concepts = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).drop {
            !$0.hasPrefix("The 2 weakest")
        }.dropFirst()
            .prefix { !$0.isEmpty }
        #expect(concepts.count == 2, "\(text.stdout)")
        #expect(concepts.first?.hasPrefix("Alerts someone") == true, "the label first")
        #expect(concepts.first?.hasSuffix("alerting") == true, "the id after")
        let markdown = try RehearseProcess.run(["progress", transcripts.path, "--format", "markdown"]).stdout
        let xml = try #require(try CommonMark.xml(markdown), "cmark-gfm is not installed")
        #expect(xml.contains("<code_block info=\"mermaid\""), "a fenced block with info string mermaid")
        #expect(xml.components(separatedBy: "xychart-beta").count - 1 == 2, "one chart per domain")
        #expect(markdown.contains("title \"monitoring\""))
    }

    @Test("every report opens with What to work on; a long exam folds each question; a drill is titled Drill")
    func reports() throws {
        let short = try fixtures.save(daysAgo: 1, [("drift", "We retrain weekly."), ("release", Self.weakRelease)])
        #expect(try RehearseProcess.run(["export", short.path]).status == 0)
        let report = try String(contentsOf: short.deletingPathExtension().appendingPathExtension("md"), encoding: .utf8)
        let workOn = try #require(report.range(of: "## What to work on"))
        let summary = try #require(report.range(of: "## Summary"))
        #expect(workOn.lowerBound < summary.lowerBound)
        #expect(report.contains("**Can roll back** (missed in release)"))
        #expect(report.contains("`rehearse practice --question release`"))
        #expect(!report.contains("<summary>1. drift"))

        let long = try fixtures.save(daysAgo: 0, Array(repeating: ("drift", "We retrain weekly."), count: 12))
        #expect(try RehearseProcess.run(["export", long.path]).status == 0)
        let folded = try String(contentsOf: long.deletingPathExtension().appendingPathExtension("md"), encoding: .utf8)
        let xml = try #require(try CommonMark.xml(folded), "cmark-gfm is not installed")
        #expect(folded.contains("<summary>12. drift:"))
        #expect(!xml.contains("<text xml:space=\"preserve\">1. drift</text>"), "no open heading per question")

        let drill = try RehearseProcess.run(
            ["drill", "--count", "1", "--rubrics", PracticePipedTests.bank, "--transcripts", temp.url.path + "/d"],
            stdin: ":skip\n\n")
        #expect(drill.status == 0, "\(drill.stderr)")
        #expect(drill.stdout.hasPrefix("Drill: nothing graded is due"), "the drill says why these questions")
        let drillReport = try PracticePipedTests.transcript(in: temp.url.appendingPathComponent("d"), extension: "md")
        #expect(try String(contentsOf: drillReport, encoding: .utf8).hasPrefix("# Drill, "))
    }

    @Test("drill explains with labels; a concept missed today is due today and never shown at recall 100%")
    func drillExplains() throws {
        try fixtures.save(daysAgo: 3, [("release", Self.weakRelease)])
        try fixtures.save(daysAgo: 0.1, [("release", Self.weakRelease)])
        let plan = try rehearse(["drill", "--plan", "--count", "2", "--include-scripted"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("you missed 'Can roll back' today (twice this week)"), "\(plan.stdout)")
        let rollback = try #require(plan.stdout.split(separator: "\n").first { $0.contains("Can roll back  ") })
        #expect(!rollback.contains("recall 100%"), "\(rollback)")
        #expect(rollback.contains("relearning"))
        #expect(!plan.stdout.contains(" rollback "), "labels, not ids")
    }
}
