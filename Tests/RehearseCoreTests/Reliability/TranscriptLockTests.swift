import Foundation
import Testing

@testable import RehearseCore

/// Two processes on one transcript: the second is refused, told who holds it.
@Suite("One writer per transcript")
struct TranscriptLockTests {
    @Test("a second session on the same transcript is refused, naming the holder's pid and command")
    func secondSessionRefused() throws {
        let scratch = ScratchFolder()
        let url = scratch.url.appendingPathComponent("stopped.json")
        try FileManager.default.copyItem(at: VersionOneFixtures.url("stopped"), to: url)
        let store = TranscriptStore(folder: scratch.url)
        let bank = try BankLoader().load(from: VersionOneFixtures.bank)
        let clock = SteppingClock()
        let first = try InterviewSession(
            resuming: try store.load(url), from: url, bank: bank, store: store, console: ScriptedConsole(""),
            clock: clock)
        do {
            _ = try InterviewSession(
                resuming: try store.load(url), from: url, bank: bank, store: store, console: ScriptedConsole(""),
                clock: clock)
            Issue.record("a second session was allowed")
        } catch let TranscriptError.locked(path, holder) {
            #expect(path == url.path)
            #expect(holder.hasPrefix("pid \(getpid()): "))
            #expect(
                TranscriptError.locked(path: path, holder: holder).localizedDescription.contains(
                    "in use by another rehearse (pid \(getpid())"))
        }
        withExtendedLifetime(first) {}
    }

    @Test("once the first session is gone, the transcript can be taken again")
    func releasedWhenDropped() throws {
        let scratch = ScratchFolder()
        let url = scratch.url.appendingPathComponent("t.json")
        let store = TranscriptStore(folder: scratch.url)
        do { _ = try store.lock(url) }
        _ = try store.lock(url)
        #expect(!LocalFileStore().isLocked(url))
    }
}
