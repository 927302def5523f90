import Foundation
import Testing

@testable import RehearseCore

/// Every save of a scripted interview, failed at each system call with each error the disk gives:
/// no answer is lost, the candidate reads the system's reason, and the file on disk stays the last good
/// version until the retry succeeds.
@Suite("Saving under disk faults")
struct SaveFaultTests {
    static let ids = ["rollback-plan", "drift-check", "release-quiz"]
    static let script = """
        I ship a canary and watch the latency.
        .
        I would roll it back to the previous version.
        .

        We compare distributions and retrain.
        .

        B

        """
    static let answers = [
        "I ship a canary and watch the latency.", "We compare distributions and retrain.", "B",
    ]
    /// The start, one per answer and follow-up answer, and the finish; draft lines add more.
    static let answerSaves = 5
    static let codes: [(Int32, String)] = [(ENOSPC, "ENOSPC"), (EIO, "EIO"), (EROFS, "EROFS"), (EACCES, "EACCES")]

    struct Run {
        var session: InterviewSession
        var outcome: InterviewSession.Outcome
        var console: SavePromptConsole
    }

    static func interview(
        in folder: URL, calls: FaultyDiskCalls, configure: (SavePromptConsole) -> Void = { _ in }
    ) throws -> Run {
        let fixture = try InterviewFixture()
        let store = TranscriptStore(folder: folder, files: LocalFileStore(calls: calls))
        let console = SavePromptConsole(script, clock: fixture.clock)
        configure(console)
        var session = try InterviewSession(
            plan: fixture.plan(ids), bank: fixture.bank, store: store, console: console, clock: fixture.clock)
        let outcome = try session.run()
        return Run(session: session, outcome: outcome, console: console)
    }

    static func hiddenFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(".") && !$0.hasSuffix(".lock") }
    }

    @Test(
        "a failed save at any step, any save: retried, every answer kept, the cause named",
        arguments: FaultyDiskCalls.Step.allCases)
    func everySave(step: FaultyDiskCalls.Step) throws {
        let saves = try Self.healthySaves()
        for (code, name) in Self.codes {
            for save in 1...saves {
                let scratch = ScratchFolder()
                let calls = FaultyDiskCalls(.init(step: step, code: code, save: save))
                var onDisk: Data?
                var lastGood: Data?
                var path = ""
                let run = try Self.interview(in: scratch.url, calls: calls) { console in
                    console.onSavePrompt = {
                        path = try! #require(
                            FileManager.default.contentsOfDirectory(atPath: scratch.url.path).first {
                                $0.hasSuffix(".json")
                            })
                        let url = scratch.url.appendingPathComponent(path)
                        onDisk = FileManager.default.contents(atPath: url.path)
                        lastGood = calls.lastGood[url.path] ?? Data()
                    }
                }
                let what = "\(step) \(name) at save \(save)"
                #expect(calls.injected == 1, "\(what): the fault fired")
                #expect(run.outcome == .finished, "\(what)")
                #expect(run.console.savePrompts == 1, "\(what): asked once, then the retry saved")
                #expect(run.console.output.contains(name), "\(what): the message names the cause")
                #expect(onDisk == lastGood, "\(what): the file on disk is the last good version")
                let saved = try TranscriptStore(folder: scratch.url).load(run.session.transcriptURL)
                #expect(saved.status == .finished, "\(what)")
                #expect(saved.entries.map(\.answer) == Self.answers, "\(what): no answer lost")
                #expect(Self.hiddenFiles(in: scratch.url).isEmpty, "\(what): no temporary file left")
            }
        }
    }

    @Test("a folder gone read-only: the candidate names another folder and the interview goes on there")
    func saveElsewhere() throws {
        let scratch = ScratchFolder()
        let first = scratch.url.appendingPathComponent("first")
        let other = scratch.url.appendingPathComponent("other")
        let calls = FaultyDiskCalls(.init(step: .create, code: EROFS, save: 3, persistent: true, onlyUnder: first.path))
        let run = try Self.interview(in: first, calls: calls) { console in
            console.saveReplies = ["", other.path]
        }
        #expect(run.outcome == .finished)
        #expect(run.console.savePrompts == 2)
        #expect(run.console.output.contains("the file system is read-only (EROFS)"))
        #expect(run.session.transcriptURL.deletingLastPathComponent().path == other.path)
        #expect(run.session.resumeCommand.contains(other.path))
        let saved = try TranscriptStore(folder: other).load(run.session.transcriptURL)
        #expect(saved.entries.map(\.answer) == Self.answers)
    }

    @Test("the folder replaced by a file mid-interview: detected at the next save, saved elsewhere")
    func folderReplacedByFile() throws {
        let scratch = ScratchFolder()
        let first = scratch.url.appendingPathComponent("first")
        let other = scratch.url.appendingPathComponent("other")
        let run = try Self.interview(in: first, calls: FaultyDiskCalls()) { console in
            console.saveReplies = [other.path]
            console.beforeLine[3] = {
                try? FileManager.default.moveItem(at: first, to: scratch.url.appendingPathComponent("moved"))
                _ = FileManager.default.createFile(atPath: first.path, contents: Data("not a folder".utf8))
            }
        }
        #expect(run.outcome == .finished)
        #expect(run.console.output.contains("(ENOTDIR)"))
        let saved = try TranscriptStore(folder: other).load(run.session.transcriptURL)
        #expect(saved.entries.map(\.answer) == Self.answers)
    }

    @Test("the transcript replaced by a folder mid-interview: detected at the next save, saved elsewhere")
    func transcriptReplacedByFolder() throws {
        let scratch = ScratchFolder()
        let first = scratch.url.appendingPathComponent("first")
        let other = scratch.url.appendingPathComponent("other.json")
        let run = try Self.interview(in: first, calls: FaultyDiskCalls()) { console in
            console.saveReplies = ["", other.path]
            console.beforeLine[3] = {
                let name = try! FileManager.default.contentsOfDirectory(atPath: first.path).first {
                    $0.hasSuffix(".json")
                }!
                let url = first.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: url)
                try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            }
        }
        #expect(run.outcome == .finished)
        #expect(run.console.savePrompts == 2)
        #expect(run.console.output.contains("(EISDIR)"))
        #expect(run.session.transcriptURL == other)
        let saved = try TranscriptStore(folder: scratch.url).load(other)
        #expect(saved.entries.map(\.answer) == Self.answers)
    }

    @Test("no one to ask (end of input): a rescue copy in the temporary folder, and the interview goes on")
    func rescueCopy() throws {
        let scratch = ScratchFolder()
        let calls = FaultyDiskCalls(
            .init(step: .fsync, code: ENOSPC, save: 2, persistent: true, onlyUnder: scratch.url.path))
        let run = try Self.interview(in: scratch.url, calls: calls) { console in console.saveReplies = [nil] }
        defer { try? FileManager.default.removeItem(at: run.session.transcriptURL) }
        #expect(run.outcome == .finished)
        #expect(run.console.output.contains("the disk is full (ENOSPC)"))
        #expect(run.console.output.contains("Saved a rescue copy in \(run.session.transcriptURL.path)"))
        #expect(!run.session.transcriptURL.path.hasPrefix(scratch.url.path))
        let saved = try TranscriptStore(folder: scratch.url).load(run.session.transcriptURL)
        #expect(saved.entries.map(\.answer) == Self.answers)
    }

    /// How many saves the scripted interview makes when the disk is healthy: the start, every draft line,
    /// every answer and follow-up, the finish.
    static func healthySaves() throws -> Int {
        let scratch = ScratchFolder()
        let calls = FaultyDiskCalls()
        _ = try interview(in: scratch.url, calls: calls)
        return calls.saves
    }

    @Test("nowhere to save at all, at any save: every line typed so far is shown to copy, and the error ends the run")
    func nowhereToSave() throws {
        let saves = try Self.healthySaves()
        #expect(saves > Self.answerSaves, "draft lines are saved too")
        let lines = Self.script.components(separatedBy: "\n")
        let header = "Your answers, so you can copy them:\n"
        for save in 1...saves {
            let scratch = ScratchFolder()
            // Everywhere, the rescue folder too; no one answers the save prompt (the end of piped input).
            let calls = FaultyDiskCalls(.init(step: .rename, code: EIO, save: save, persistent: true))
            var console: SavePromptConsole?
            var typedAtPrompt: [Int] = []
            #expect(throws: TranscriptError.self, "save \(save)") {
                _ = try Self.interview(in: scratch.url, calls: calls) { scripted in
                    scripted.saveReplies = Array(repeating: nil, count: saves)
                    scripted.onSavePrompt = { [unowned scripted] in typedAtPrompt.append(scripted.linesRead) }
                    console = scripted
                }
            }
            let output = try #require(console?.output)
            #expect(output.contains("an input/output error (EIO)"), "save \(save)")
            let shown = output.components(separatedBy: header).dropFirst().map {
                $0.components(separatedBy: "Could not save").first ?? ""
            }
            #expect(shown.count == typedAtPrompt.count, "save \(save): the answers follow every failure")
            for (prompt, (block, typed)) in zip(shown, typedAtPrompt).enumerated() {
                let what = "save \(save), failure \(prompt + 1), after \(typed) lines"
                for line in lines.prefix(typed) where !line.isEmpty && line != "." {
                    #expect(block.split(separator: "\n").contains { $0 == line }, "\(what): '\(line)' is shown")
                }
            }
        }
    }

    @Test("after the rename the folder is fsynced, so the rename survives a power cut")
    func folderSynced() throws {
        let scratch = ScratchFolder()
        let calls = FaultyDiskCalls()
        let target = scratch.url.appendingPathComponent("t.json")
        try LocalFileStore(calls: calls).writeAtomically(Data("{}".utf8), to: target)
        #expect(calls.events == ["rename \(target.path)", "fsync folder \(scratch.url.path)"])
    }

    @Test("leftovers of a killed save and of a failed first save are removed on the next run")
    func leftovers() throws {
        let scratch = ScratchFolder()
        let store = TranscriptStore(folder: scratch.url)
        let dead = Int32.max - 1
        let temporary = scratch.url.appendingPathComponent(".2026-11-23-194322-mixed.json.\(dead).tmp")
        let empty = scratch.url.appendingPathComponent("2026-11-23-194400-mixed.json")
        let live = scratch.url.appendingPathComponent(".other.json.\(getpid()).tmp")
        for url in [temporary, empty, live] { _ = FileManager.default.createFile(atPath: url.path, contents: Data()) }
        let result = try store.loadAll()
        #expect(result.problems.isEmpty, "an empty file left by a failed first save is not reported as damaged")
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(!FileManager.default.fileExists(atPath: empty.path))
        #expect(FileManager.default.fileExists(atPath: live.path), "a save in progress is left alone")
    }
}
