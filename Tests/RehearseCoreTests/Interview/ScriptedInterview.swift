import Foundation
import RehearseCore
import Testing

/// A console that types the scripted lines one by one and records everything the interviewer writes.
/// Every line read moves the clock on, as if the candidate took `secondsPerLine` to type it.
final class ScriptedConsole: InterviewConsole {
    let style = TextStyle.plain
    private var lines: [String]
    private let clock: SteppingClock?
    private let secondsPerLine: Double
    private(set) var output = ""
    /// What `:edit` returns for a draft; nil means the editor cannot be opened.
    var editor: ((String) -> String)?

    init(_ script: String, clock: SteppingClock? = nil, secondsPerLine: Double = 10) {
        lines = script.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.clock = clock
        self.secondsPerLine = secondsPerLine
    }

    func readLine(prompt: String) -> String? {
        guard !lines.isEmpty else { return nil }
        clock?.advance(by: secondsPerLine)
        return lines.removeFirst()
    }

    func write(_ text: String) { output += text }

    func edit(_ draft: String) throws -> String {
        guard let editor else { throw CocoaError(.fileNoSuchFile) }
        return editor(draft)
    }
}

final class SteppingClock: InterviewClock {
    private(set) var current = Date(timeIntervalSince1970: 1_795_000_000)

    func now() -> Date { current }
    func advance(by seconds: Double) { current += seconds }
}

/// Files in memory, so each test sees exactly what was written and nothing touches the disk.
final class InMemoryFileStore: FileStore, @unchecked Sendable {
    private let lock = NSLock()
    private var contents: [String: Data] = [:]
    private(set) var writeCount = 0

    func writeAtomically(_ data: Data, to url: URL) throws {
        lock.withLock {
            contents[url.path] = data
            writeCount += 1
        }
    }

    func read(_ url: URL) throws -> Data {
        guard let data = lock.withLock({ contents[url.path] }) else { throw CocoaError(.fileReadNoSuchFile) }
        return data
    }

    func files(in folder: URL) throws -> [URL] {
        lock.withLock {
            contents.keys.filter { $0.hasPrefix(folder.path + "/") }.sorted().map { URL(fileURLWithPath: $0) }
        }
    }

    func createFolder(_ url: URL) throws {}

    func createNew(_ url: URL) throws -> Bool {
        lock.withLock {
            guard contents[url.path] == nil else { return false }
            contents[url.path] = Data()
            return true
        }
    }

    func text(at url: URL) -> String? {
        lock.withLock { contents[url.path].map { String(decoding: $0, as: UTF8.self) } }
    }
}

/// The fixture bank and a store, ready to run scripted interviews against.
struct InterviewFixture {
    static let bankFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/interview-bank")

    let bank: Bank
    let files = InMemoryFileStore()
    let clock = SteppingClock()
    var store: TranscriptStore { TranscriptStore(folder: URL(fileURLWithPath: "/transcripts"), files: files) }

    init() throws {
        bank = try BankLoader().load(from: Self.bankFolder)
    }

    func plan(_ ids: [String], feedback: InterviewPlan.FeedbackTiming = .each) -> InterviewPlan {
        InterviewPlan(count: ids.count, seed: 1, feedback: feedback, questionIDs: ids)
    }

    /// Runs a new interview of `ids` with `script` as the candidate's lines.
    func run(
        _ ids: [String], script: String, feedback: InterviewPlan.FeedbackTiming = .each,
        editor: ((String) -> String)? = nil
    ) throws -> (session: InterviewSession, console: ScriptedConsole, outcome: InterviewSession.Outcome) {
        let console = ScriptedConsole(script, clock: clock)
        console.editor = editor
        var session = try InterviewSession(
            plan: plan(ids, feedback: feedback), bank: bank, store: store, console: console, clock: clock)
        let outcome = try session.run()
        return (session, console, outcome)
    }

    /// The letter the interview shows for a multiple-choice question's correct option (options are
    /// shuffled per session, by the plan's seed).
    func shownCorrectLetter(_ id: String) throws -> String {
        let question = try bank.question(id: id)
        return try #require(OptionShuffle.shuffled(question, seed: 1)?.question.correctOption?.letter)
    }

    func saved(_ session: InterviewSession) throws -> Transcript {
        try store.load(session.transcriptURL)
    }
}
