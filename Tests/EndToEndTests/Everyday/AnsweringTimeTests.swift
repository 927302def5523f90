import Foundation
import Testing

/// Time while answering, in a real terminal: the time so far in each new line's prompt, and one notice
/// once the question's time limit has passed.
@Suite("time while answering, in a terminal", .serialized)
struct AnsweringTimeTests {
    @Test(
        "the continuation prompt shows the time so far; the time limit gets one notice",
        .enabled(if: Tmux.isAvailable, "tmux is not installed (apt-get install tmux, or scripts/setup.sh --test)"))
    func elapsedAndNotice() throws {
        let folder = try TemporaryFolder()
        let bank = folder.url.appendingPathComponent("bank")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: PracticePipedTests.bank), to: bank)
        let question = bank.appendingPathComponent("monitoring/drift-check.yaml")
        let yaml = try String(contentsOf: question, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "time_limit: 90s", with: "time_limit: 2s").utf8).write(to: question)

        let tmux = Tmux()
        try tmux.start(
            "cd '\(folder.url.path)' && exec env NO_COLOR=1 '\(RehearseProcess.binary.path)' practice --rubrics bank "
                + "--transcripts t --question drift-check",
            name: "timer")
        try tmux.waitFor("Question 1 of 1")
        try tmux.waitForPrompt()
        try tmux.typeLine("We compare the distribution of inputs")
        try tmux.waitFor("s] | ")
        Thread.sleep(forTimeInterval: 2.5)
        try tmux.typeLine("with PSI, every day.")
        let screen = try tmux.waitFor("is up, the time this question is meant to take")
        try tmux.typeLine("And alert on it.")
        try tmux.typeLine(".")
        let after = try tmux.waitFor("· s: the sample answer")
        #expect(screen.contains("[0s] | ") || screen.contains("[1s] | "), "\(screen)")
        #expect(after.components(separatedBy: "is up, the time").count - 1 == 1, "the notice is given once")
    }
}
