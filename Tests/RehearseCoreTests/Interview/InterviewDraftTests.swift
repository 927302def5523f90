import Foundation
import RehearseCore
import Testing

/// What the session saves while the candidate is still typing, and what a script gets when piped.
@Suite("Interview drafts, waiting follow-ups and scripted mode")
struct InterviewDraftTests {
    /// A console that, before handing over each line, records what the store holds at that moment.
    final class WatchingConsole: InterviewConsole {
        let style = TextStyle.plain
        private var lines: [String]
        var snapshots: [Transcript] = []
        var watch: () -> Transcript? = { nil }
        private(set) var output = ""

        init(_ lines: [String]) { self.lines = lines }

        func readLine(prompt: String) -> String? {
            if let saved = watch() { snapshots.append(saved) }
            return lines.isEmpty ? nil : lines.removeFirst()
        }
        func write(_ text: String) { output += text }
        func edit(_ draft: String) throws -> String { draft }
    }

    private func run(
        _ fixture: InterviewFixture, _ ids: [String], lines: [String], mode: InterviewMode = .interactive
    ) throws -> (session: InterviewSession, console: WatchingConsole) {
        let console = WatchingConsole(lines)
        var session = try InterviewSession(
            plan: fixture.plan(ids), bank: fixture.bank, store: fixture.store, console: console, clock: fixture.clock,
            mode: mode)
        let url = session.transcriptURL
        console.watch = { try? fixture.store.load(url) }
        _ = try session.run()
        return (session, console)
    }

    @Test("every entered line is saved as the draft before the next is read; the answer then replaces it")
    func draftLinesSaved() throws {
        let fixture = try InterviewFixture()
        let (session, console) = try run(
            fixture, ["drift-check"], lines: ["We compare distributions", "and retrain", ".", ""])
        #expect(
            console.snapshots.map { $0.draft?.lines ?? [] }.prefix(3) == [
                [], ["We compare distributions"], ["We compare distributions", "and retrain"],
            ])
        let saved = try fixture.saved(session)
        #expect(saved.draft == nil)
        #expect(saved.entries.first?.answer == "We compare distributions\nand retrain")
    }

    @Test("the first answer is saved, with the follow-up pending, before the follow-up is read")
    func pendingFollowUpSaved() throws {
        let fixture = try InterviewFixture()
        let (session, console) = try run(
            fixture, ["rollback-plan"], lines: ["I ship a canary and watch the latency.", ".", ":quit"])
        let atFollowUp = try #require(console.snapshots.last)
        #expect(atFollowUp.entries.first?.answer == "I ship a canary and watch the latency.")
        #expect(atFollowUp.entries.first?.pendingFollowUp?.conceptID == "rollback")
        #expect(try fixture.saved(session).status == .quit)
    }

    @Test("piped: the end of input submits the answer being read, and no follow-up is asked unless asked for")
    func scriptedEndOfInput() throws {
        let fixture = try InterviewFixture()
        let (session, console) = try run(
            fixture, ["rollback-plan"], lines: ["I ship a canary and watch the latency."],
            mode: .scripted(followUps: false))
        let saved = try fixture.saved(session)
        #expect(saved.status == .finished)
        #expect(saved.entries.first?.answer == "I ship a canary and watch the latency.")
        #expect(!console.output.contains("Follow-up:"))
        #expect(!console.output.contains("Enter: finish"))
    }
}
