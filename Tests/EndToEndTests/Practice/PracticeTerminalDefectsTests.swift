import Foundation
import Testing

/// The defects of issue 13 that live in the terminal, driven through tmux as a person meets them. Each
/// test fails on the code before the fix.
@Suite("practice in a terminal: editor, UTF-8, drafts, follow-ups, resume line", .serialized)
struct PracticeTerminalDefectsTests {
    static let tmuxMissing: Comment = "tmux is not installed (apt-get install tmux, or scripts/setup.sh --test)"

    /// The shell command that starts practice in `folder` with `arguments`, as a person would in a terminal.
    static func command(_ arguments: String, folder: URL, environment: String = "") -> String {
        "cd '\(RehearseProcess.packageRoot.path)' && exec env \(environment) NO_COLOR=1 .build/debug/rehearse practice "
            + "--rubrics '\(PracticePipedTests.bank)' --transcripts '\(folder.path)' \(arguments)"
    }

    static func transcript(_ folder: URL) throws -> [String: Any] {
        try PracticePipedTests.json(PracticePipedTests.transcript(in: folder, extension: "json"))
    }

    static func kill(_ tmux: Tmux) throws {
        let pid = try tmux.panePID()
        #expect(pid > 0 && Foundation.kill(pid, SIGKILL) == 0)
        try tmux.waitUntilPaneDies()
    }

    @Test(
        ":edit opens the real vi, which gets the terminal; its text becomes the draft",
        .enabled(if: Tmux.isAvailable, tmuxMissing))
    func editWithVi() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        try tmux.start(
            Self.command(
                "--domain monitoring --kind technical --count 1", folder: folder.url, environment: "-u EDITOR -u VISUAL"
            ),
            name: "vi")
        try tmux.waitForPrompt()
        try tmux.typeLine("We watch the distribution")
        try Self.waitForNextLinePrompt(tmux, after: "We watch the distribution")
        try tmux.typeLine(":edit")
        try tmux.waitFor("rehearse-answer-", timeout: 10)  // vi's status line names the file
        try tmux.type("Go")
        try tmux.type("and retrain on fresh data")
        try tmux.press("Escape")
        try tmux.typeLine(":wq")
        try tmux.waitFor("Draft from the editor (2 lines)", timeout: 10)
        try Self.waitForNextLinePrompt(tmux, after: "and retrain on fresh data")
        try tmux.typeLine(".")
        try tmux.waitFor("Enter: finish")
        let entry = try #require((try Self.transcript(folder.url)["entries"] as? [[String: Any]])?.first)
        #expect(entry["answer"] as? String == "We watch the distribution\nand retrain on fresh data")
    }

    @Test(
        "curly quotes, accents, an em dash and a tab typed at the prompt are saved byte for byte",
        .enabled(if: Tmux.isAvailable, tmuxMissing))
    func unicodeAndTab() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        // No locale in the environment at all: rehearse still reads UTF-8.
        try tmux.start(
            Self.command(
                "--domain monitoring --kind technical --count 1", folder: folder.url,
                environment: "-u LANG -u LC_ALL -u LC_CTYPE"), name: "utf8")
        try tmux.waitForPrompt()
        try tmux.type("I’d do it — naïve café")
        try tmux.press("Tab")
        try tmux.typeLine("and compare distributions")
        try Self.waitForLastLine(tmux, "|")
        try tmux.typeLine(".")
        try tmux.waitFor("Enter: finish")
        let entry = try #require((try Self.transcript(folder.url)["entries"] as? [[String: Any]])?.first)
        let answer = try #require(entry["answer"] as? String)
        #expect(
            Array(answer.utf8) == Array("I’d do it — naïve café\tand compare distributions".utf8), "saved: \(answer)")
    }

    @Test(
        "kill -9 while a follow-up waits keeps the answer; resume asks the follow-up again",
        .enabled(if: Tmux.isAvailable, tmuxMissing))
    func answerKeptWhileFollowUpWaits() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        try tmux.start(
            Self.command("--domain deployment --kind technical --count 1", folder: folder.url), name: "first")
        try tmux.waitForPrompt()
        try tmux.typeLine("I ship a canary to a small share and watch the latency.")
        try Self.waitForNextLinePrompt(tmux, after: "I ship a canary to a small share and watch the latency.")
        try tmux.typeLine(".")
        try tmux.waitFor("Follow-up: What do you do if the new version turns out to be worse?")
        try Self.kill(tmux)
        let entries = try #require(try Self.transcript(folder.url)["entries"] as? [[String: Any]])
        #expect(
            entries.compactMap { $0["answer"] as? String } == [
                "I ship a canary to a small share and watch the latency."
            ])

        try tmux.start(Self.command("--resume", folder: folder.url), name: "second")
        try tmux.waitFor("Follow-up: What do you do if the new version turns out to be worse?")
        try tmux.waitForPrompt()
        try tmux.typeLine("I roll back to the previous version.")
        try Self.waitForNextLinePrompt(tmux, after: "I roll back to the previous version.")
        try tmux.typeLine(".")
        try tmux.waitFor("Enter: finish")
        try tmux.typeLine("")
        try tmux.waitFor("Interview finished.")
        let entry = try #require((try Self.transcript(folder.url)["entries"] as? [[String: Any]])?.first)
        #expect(
            (entry["followUps"] as? [[String: Any]])?.first?["answer"] as? String
                == "I roll back to the previous version.")
        #expect(
            (entry["grade"] as? [String: Any])?["score"] as? Int == 85,
            "the rollback earned in the follow-up counts 70%")
    }

    @Test(
        "a draft survives kill -9 and comes back on resume; Ctrl-C clears the line; :skip asks; :quit keeps it",
        .enabled(if: Tmux.isAvailable, tmuxMissing))
    func draftsAreKept() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        let start = { (name: String, arguments: String) in
            try tmux.start(Self.command(arguments, folder: folder.url), name: name)
        }
        try start("first", "--domain monitoring --kind technical --count 1")
        try tmux.waitForPrompt()
        try tmux.typeLine("First I compare the input distributions")
        try Self.waitForNextLinePrompt(tmux, after: "First I compare the input distributions")
        try tmux.typeLine("second line")
        try Self.waitForNextLinePrompt(tmux, after: "second line")
        try Self.kill(tmux)
        var saved = try Self.transcript(folder.url)
        #expect(
            (saved["draft"] as? [String: Any])?["lines"] as? [String] == [
                "First I compare the input distributions", "second line",
            ])

        try start("second", "--resume")
        try tmux.waitFor("Your draft so far (2 lines), restored")
        try Self.waitForNextLinePrompt(tmux, after: "second line")
        try tmux.type("half a line")
        try tmux.press("C-c")
        try tmux.waitFor("The line is cleared; what you entered before it is kept. To stop: :quit")
        try Self.waitForLastLine(tmux, "|")
        try tmux.typeLine(":skip")
        try tmux.waitFor("Skip and discard your draft (2 lines)?")
        try Self.waitForLastLine(tmux, "Skip?")
        try tmux.typeLine("")
        try tmux.waitFor("Kept; go on typing")
        try Self.waitForLastLine(tmux, "|")
        try tmux.typeLine(":quit")
        try tmux.waitFor("Resume with: rehearse practice --resume")
        #expect(try tmux.screen().contains("Your draft (2 lines) is kept"))
        saved = try Self.transcript(folder.url)
        #expect(
            (saved["draft"] as? [String: Any])?["lines"] as? [String] == [
                "First I compare the input distributions", "second line",
            ])
        #expect((saved["entries"] as? [[String: Any]])?.isEmpty == true)

        try start("third", "--resume")
        try tmux.waitFor("Your draft so far (2 lines), restored")
        try Self.waitForNextLinePrompt(tmux, after: "second line")
        try tmux.typeLine(".")
        try tmux.waitFor("Enter: finish")
        let entry = try #require((try Self.transcript(folder.url)["entries"] as? [[String: Any]])?.first)
        #expect(entry["answer"] as? String == "First I compare the input distributions\nsecond line")
    }

    @Test(
        "the resume command is printed on one line, never wrapped, however long the path",
        .enabled(if: Tmux.isAvailable, tmuxMissing))
    func resumeLineIsNotWrapped() throws {
        let folder = try TemporaryFolder()
        let deep = folder.url.appendingPathComponent(String(repeating: "transcripts-of-a-long-evening-", count: 4))
        let tmux = Tmux()
        try tmux.start(Self.command("--domain monitoring --kind technical --count 1", folder: deep), name: "wrap")
        try tmux.waitForPrompt()
        try tmux.typeLine(":quit")
        let screen = try tmux.waitFor("Resume with:")
        let file = try PracticePipedTests.transcript(in: deep, extension: "json")
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix("Resume with:") })
        #expect(line.hasPrefix("Resume with: rehearse practice --resume \(file.path) --rubrics "), "\(screen)")
        #expect(line.hasSuffix(PracticePipedTests.bank), "\(screen)")
    }

    @Test("Ctrl-D on an empty line stops with the draft kept", .enabled(if: Tmux.isAvailable, tmuxMissing))
    func controlDKeepsDraft() throws {
        let folder = try TemporaryFolder()
        let tmux = Tmux()
        try tmux.start(Self.command("--domain monitoring --kind technical --count 1", folder: folder.url), name: "eof")
        try tmux.waitForPrompt()
        try tmux.typeLine("A line I want to keep")
        try Self.waitForNextLinePrompt(tmux, after: "A line I want to keep")
        try tmux.press("C-d")
        try tmux.waitFor("End of input: your draft (1 line) is kept")
        try tmux.waitFor("Resume with:")
        let saved = try Self.transcript(folder.url)
        #expect(saved["status"] as? String == "quit")
        #expect((saved["draft"] as? [String: Any])?["lines"] as? [String] == ["A line I want to keep"])
    }

    /// A continuation line as if the prompt had no elapsed time: "[1m05s] | text" reads "| text".
    static func withoutTimer(_ line: String) -> String {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return line }
        return String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces)
    }

    /// Waits until the last line on screen is `text` (a prompt with nothing typed yet).
    static func waitForLastLine(_ tmux: Tmux, _ text: String) throws {
        let deadline = Date().addingTimeInterval(15)
        var screen = ""
        repeat {
            screen = try tmux.screen()
            let last = screen.split(separator: "\n").last.map { withoutTimer($0.trimmingCharacters(in: .whitespaces)) }
            if last == text { return }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Tmux.Timeout(waitingFor: "the prompt '\(text)'", screen: screen)
    }

    /// Waits until `line` has been entered (echoed after a prompt) and the continuation prompt "| " came
    /// after it: by then the line is saved in the draft.
    static func waitForNextLinePrompt(_ tmux: Tmux, after line: String) throws {
        let deadline = Date().addingTimeInterval(15)
        var screen = ""
        repeat {
            screen = try tmux.screen()
            let lines = screen.split(separator: "\n").map { withoutTimer($0.trimmingCharacters(in: .whitespaces)) }
                .filter { !$0.isEmpty }
            if lines.last == "|", lines.dropLast().last.map({ $0 == "| \(line)" || $0 == "> \(line)" }) == true {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Tmux.Timeout(waitingFor: "the prompt '| ' after \"\(line)\"", screen: screen)
    }
}
