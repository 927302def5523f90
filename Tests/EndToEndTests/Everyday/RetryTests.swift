import Foundation
import Testing

/// Retrying on purpose, in a real terminal: `r` after the feedback asks the same question again, and the
/// report shows both attempts side by side with what changed.
@Suite("retry a question, in a terminal", .serialized)
struct RetryTests {
    @Test(
        "r after the feedback retries the question; the report puts the attempts side by side",
        .enabled(if: Tmux.isAvailable, "tmux is not installed (apt-get install tmux, or scripts/setup.sh --test)"))
    func retryKey() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        try tmux.start(
            "cd '\(folder.url.path)' && exec env NO_COLOR=1 '\(RehearseProcess.binary.path)' practice --rubrics "
                + "'\(PracticePipedTests.bank)' --transcripts t --question drift-check",
            name: "retry")
        try tmux.waitFor("Question 1 of 1")
        try tmux.waitForPrompt()
        try tmux.typeLine("We watch it.")
        try tmux.typeLine(".")
        try tmux.waitFor("Follow-up:")
        try tmux.typeLine(":skip")
        try tmux.waitFor("r: try it again")
        try tmux.typeLine("r")
        try tmux.waitFor("Attempt 2: the same question again.")
        try tmux.waitFor("Question 1 of 1", count: 2)
        try tmux.waitForPrompt()
        try tmux.typeLine("We compare the distribution of inputs with PSI.")
        try tmux.typeLine(".")
        try tmux.waitFor("r: try it again", count: 2)
        try tmux.typeLine("")
        try tmux.waitFor("Interview finished.")
        try tmux.waitUntilPaneDies()

        let report = try String(
            contentsOf: PracticePipedTests.transcript(in: folder.url.appendingPathComponent("t"), extension: "md"),
            encoding: .utf8)
        #expect(report.contains("1 of 1 questions answered"))
        #expect(report.contains("## 2. drift-check, attempt 2"))
        #expect(report.contains("| | Attempt 1 | Attempt 2 |"))
        #expect(report.contains("**What changed:** score "))
        #expect(report.contains("now covers Compares input distributions"))
        let xml = try #require(try CommonMark.xml(report), "cmark-gfm is not installed")
        #expect(xml.contains("Attempt 2"))
    }
}
