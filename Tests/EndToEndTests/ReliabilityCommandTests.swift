import Foundation
import RehearseCore
import Testing

/// Hostile input and a busy transcript, through the real binary.
@Suite("Bounded input, escaped answers, locked transcripts, old transcripts")
struct ReliabilityCommandTests {
    static let fixtures = RehearseProcess.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")
    static let practiceBank = RehearseProcess.packageRoot.appendingPathComponent(
        "Tests/EndToEndTests/Practice/Fixtures/practice-bank"
    ).path

    /// `rehearse arguments… < file`, with standard input opened on `file` itself (a device, say).
    static func run(_ arguments: [String], stdinFile: String) throws -> RehearseProcess.Output {
        let process = Process()
        process.executableURL = RehearseProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = RehearseProcess.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        process.standardInput = FileHandle(forReadingAtPath: stdinFile)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        let stderrData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    @Test("grade < /dev/zero stops at the answer limit and says so (exit 65), instead of filling memory")
    func devZeroOnStdin() throws {
        let output = try Self.run(["grade", "--question", "handle-data-drift"], stdinFile: "/dev/zero")
        #expect(output.status == 65)
        #expect(output.stderr.contains("(reading stopped there), more than the 100000-byte limit for one answer"))
    }

    @Test("an answer file that is a device, a FIFO or a folder is named for what it is, without hanging")
    func notRegularFiles() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("answer.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, kind) in [
            ("/dev/zero", "a character device"), (fifo, "a FIFO (named pipe)"), (folder.url.path, "a folder"),
        ] {
            let output = try RehearseProcess.run(["grade", "--question", "handle-data-drift", "--answer-file", path])
            #expect(output.status == 66, "\(path)")
            #expect(
                output.stderr.contains("cannot read '\(path)': it is \(kind), not a regular file"), "\(output.stderr)")
        }
    }

    static let hostileAnswer =
        "I compare live feature distributions with training data \u{1B}]0;pwned\u{07}\u{1B}[2J and retrain \u{202E}on recent data."

    @Test("escape sequences and bidi controls in an answer are shown escaped by grade and explain")
    func escapedAnswers() throws {
        for arguments in [
            ["grade", "--question", "handle-data-drift"],
            ["grade", "--question", "handle-data-drift", "--format", "markdown"],
            ["rubric", "explain", "--question", "handle-data-drift"],
        ] {
            let output = try RehearseProcess.run(arguments, stdin: Self.hostileAnswer)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            #expect(!output.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" })
            if arguments.contains("explain") {
                #expect(output.stdout.contains("\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"), "the whole answer, escaped")
            }
        }
    }

    @Test("the Markdown export and regrade show a hostile answer escaped")
    func escapedInTranscripts() throws {
        let folder = try TemporaryFolder()
        var object =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent("TranscriptsV1/finished.json")))
            as! [String: Any]
        var entries = object["entries"] as! [[String: Any]]
        entries[1]["answer"] = Self.hostileAnswer
        entries[1]["questionID"] = "rollback-plan"
        object["entries"] = entries
        let url = folder.url.appendingPathComponent("hostile.json")
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let export = try RehearseProcess.run(["export", url.path])
        #expect(export.status == 0, "\(export.stderr)")
        let markdown = try String(contentsOf: folder.url.appendingPathComponent("hostile.md"), encoding: .utf8)
        #expect(!markdown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(markdown.contains("u{1B}"))
        let regrade = try RehearseProcess.run(["regrade", url.path, "--rubrics", Self.practiceBank])
        #expect(!regrade.stdout.unicodeScalars.contains { $0 == "\u{1B}" })
    }

    @Test(
        "a transcript in use by a running interview: practice --resume and regrade --write are refused, naming the holder"
    )
    func lockedTranscript() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("stopped.json")
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("TranscriptsV1/stopped.json"), to: url)
        let holder = Process()
        holder.executableURL = RehearseProcess.binary
        holder.arguments = ["practice", "--resume", url.path, "--rubrics", Self.practiceBank]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = Pipe()
        holder.standardError = Pipe()
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        let lockFile = folder.url.appendingPathComponent(".stopped.json.lock")
        for _ in 0..<100 where (try? String(contentsOf: lockFile, encoding: .utf8))?.isEmpty ?? true {
            Thread.sleep(forTimeInterval: 0.1)
        }
        for arguments in [
            ["practice", "--resume", url.path, "--rubrics", Self.practiceBank],
            ["regrade", url.path, "--write", "--rubrics", Self.practiceBank],
        ] {
            let second = try RehearseProcess.run(arguments, stdin: "An answer.\n.\n")
            #expect(second.status == 75, "\(arguments): \(second.stderr)")
            #expect(
                second.stderr.contains(
                    "is in use by another rehearse (pid \(holder.processIdentifier): rehearse practice --resume"))
        }
    }

    @Test("version-1 transcripts of rehearse 0.1.0 still export, regrade and resume")
    func versionOneTranscripts() throws {
        let folder = try TemporaryFolder()
        for name in ["finished", "stopped", "regraded"] {
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent("TranscriptsV1/\(name).json"),
                to: folder.url.appendingPathComponent("\(name).json"))
        }
        let export = try RehearseProcess.run(["export", folder.url.appendingPathComponent("finished.json").path])
        #expect(export.status == 0, "\(export.stderr)")
        let regrade = try RehearseProcess.run(["regrade", folder.url.path, "--rubrics", Self.practiceBank])
        #expect(regrade.status == 0, "\(regrade.stderr)")
        #expect(regrade.stdout.contains("re-scored"))
        let resume = try RehearseProcess.run(
            [
                "practice", "--resume", folder.url.appendingPathComponent("stopped.json").path, "--rubrics",
                Self.practiceBank,
            ],
            stdin: "We compare the distribution of inputs with PSI.\n.\n\nB\n\n")
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Interview finished."))
    }

    // MARK: Standard input that never ends a line

    /// A file of `count` bytes of "a" with no line break.
    static func oneLongLine(_ count: Int, in folder: TemporaryFolder) throws -> String {
        let url = folder.url.appendingPathComponent("line-\(count).txt")
        try Data(repeating: UInt8(ascii: "a"), count: count).write(to: url)
        return url.path
    }

    /// The interview commands, on an open and on a multiple-choice first question, and a drill.
    static func interviews(transcripts: String) -> [[String]] {
        let practice = ["practice", "--rubrics", practiceBank, "--transcripts", transcripts, "--question"]
        return [
            practice + ["rollback-plan"], practice + ["release-quiz"],
            ["drill", "--rubrics", practiceBank, "--transcripts", transcripts],
        ]
    }

    @Test("practice and drill < /dev/zero or one endless line stop at the limit (exit 65), saying so")
    func interviewsOnEndlessInput() throws {
        let folder = try TemporaryFolder()
        let transcripts = folder.url.appendingPathComponent("transcripts").path
        let line = try Self.oneLongLine(1_000_000, in: folder)
        for input in ["/dev/zero", line] {
            for arguments in Self.interviews(transcripts: transcripts) {
                let output = try Self.run(arguments, stdinFile: input)
                let what = "\(arguments.prefix(1)) \(arguments.last ?? "") < \(input)"
                #expect(output.status == 65, "\(what): \(output.stderr)")
                // The line is cut at the read limit, then refused by the one answer-size rule.
                #expect(
                    output.stderr.contains("(reading stopped there), more than the 100000-byte limit for one answer"),
                    "\(what): \(output.stderr)")
            }
        }
        // What was saved still loads: nothing of the endless line went into a transcript.
        let sessions = try RehearseProcess.run(["sessions", "--transcripts", transcripts])
        #expect(sessions.status == 0, "\(sessions.stderr)")
        #expect(!sessions.stderr.contains("damaged"), "\(sessions.stderr)")
    }

    @Test("grade --answer-file - < /dev/zero and one endless line stop at the answer limit (exit 65)")
    func gradeOnEndlessInput() throws {
        let folder = try TemporaryFolder()
        for input in ["/dev/zero", try Self.oneLongLine(1_000_000, in: folder)] {
            let output = try Self.run(
                ["grade", "--question", "handle-data-drift", "--answer-file", "-"], stdinFile: input)
            #expect(output.status == 65, "\(input)")
            #expect(output.stderr.contains("(reading stopped there), more than the 100000-byte limit for one answer"))
        }
    }

    @Test("grade --batch - < /dev/zero reports the line and stops at the 16 MB line limit (exit 65)")
    func batchOnEndlessInput() throws {
        let output = try Self.run(["grade", "--batch", "-"], stdinFile: "/dev/zero")
        #expect(output.status == 65)
        #expect(output.stdout == #"{"error":"the line is longer than 400000 bytes","line":1}"# + "\n")
        #expect(
            output.stderr.contains(
                "'standard input' is larger than the 16 MB limit for one line of --batch input (line 1 has no line break)"
            ),
            "\(output.stderr)")
    }

    @Test("grade --batch: a long line is skipped and the batch goes on; one past 16 MB ends it")
    func batchLongLines() throws {
        let folder = try TemporaryFolder()
        let good = #"{"question": "handle-data-drift", "answer": "I retrain the model on recent data."}"#
        let long = folder.url.appendingPathComponent("long.jsonl")
        try Data((good + "\n" + String(repeating: "a", count: 1_000_000) + "\n" + good + "\n").utf8).write(to: long)
        let skipped = try Self.run(["grade", "--batch", "-"], stdinFile: long.path)
        let lines = skipped.stdout.split(separator: "\n")
        #expect(skipped.status == 65)
        #expect(lines.count == 3 && lines.first == lines.last && lines[1].contains("longer than"))
        #expect(!skipped.stderr.contains("16 MB"))
        let endless = try Self.oneLongLine(RunawayLine.batchLimit + 1, in: folder)
        let stopped = try Self.run(["grade", "--batch", endless], stdinFile: "/dev/null")
        #expect(stopped.status == 65)
        #expect(stopped.stderr.contains("is larger than the 16 MB limit for one line of --batch input (line 1"))
    }

    @Test("a multiple-choice answer over the answer limit is refused (exit 65), not saved into a damaged transcript")
    func longChoiceAnswer() throws {
        let folder = try TemporaryFolder()
        let transcripts = folder.url.appendingPathComponent("transcripts").path
        let input = folder.url.appendingPathComponent("choice.txt")
        try Data((String(repeating: "B ", count: 75_000) + "\n").utf8).write(to: input)
        let output = try Self.run(
            ["practice", "--rubrics", Self.practiceBank, "--transcripts", transcripts, "--question", "release-quiz"],
            stdinFile: input.path)
        #expect(output.status == 65, "\(output.stderr)")
        #expect(output.stderr.contains("the answer is 150000 bytes, more than the 100000-byte limit for one answer"))
        let sessions = try RehearseProcess.run(["sessions", "--transcripts", transcripts])
        #expect(!sessions.stderr.contains("damaged"), "\(sessions.stderr)")
    }

    @Test("piped, a failed save never reads the next answer as a place to save: a rescue copy, every answer kept")
    func pipedSaveFailure() throws {
        let folder = try TemporaryFolder()
        let transcripts = folder.url.appendingPathComponent("transcripts")
        let temporary = folder.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = RehearseProcess.binary
        process.arguments = [
            "practice", "--rubrics", Self.practiceBank, "--transcripts", transcripts.path, "--seed", "1",
            "--question", "rollback-plan", "--question", "drift-check", "--question", "release-quiz",
        ]
        process.currentDirectoryURL = folder.url
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "TMPDIR": temporary.path]) {
            $1
        }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let collected = CollectedOutput(output.fileHandleForReading)
        try process.run()
        input.fileHandleForWriting.write(Data("I ship a canary and watch the latency.\n.\n\n".utf8))
        collected.wait(for: "Question 2 of 3")
        // The folder replaced by a file: the next save fails (ENOTDIR), and nobody is there to answer.
        try FileManager.default.moveItem(at: transcripts, to: folder.url.appendingPathComponent("moved"))
        _ = FileManager.default.createFile(atPath: transcripts.path, contents: Data("a file".utf8))
        input.fileHandleForWriting.write(Data("We compare distributions and retrain.\n.\n\nB\n\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        collected.waitForEnd()
        let text = collected.text
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("Saved a rescue copy in"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("B").path), "no folder 'B'")
        let rescue = temporary.appendingPathComponent("rehearse-rescue")
        let saved = try #require(
            try FileManager.default.contentsOfDirectory(atPath: rescue.path).first { $0.hasSuffix(".json") })
        let transcript = try TranscriptStore(folder: rescue).load(rescue.appendingPathComponent(saved))
        #expect(
            transcript.entries.map(\.answer) == [
                "I ship a canary and watch the latency.", "We compare distributions and retrain.", "B",
            ])
    }
}

extension ReliabilityCommandTests {
    @Test("practice with its output on a full disk (/dev/full) still saves every answer, without a trap")
    func outputOnFullDisk() throws {
        let folder = try TemporaryFolder()
        let transcripts = folder.url.appendingPathComponent("transcripts")
        let script = folder.url.appendingPathComponent("script.txt")
        try Data("I ship a canary and watch the latency.\n.\n\nWe compare distributions and retrain.\n.\n\nB\n\n".utf8)
            .write(to: script)
        let process = Process()
        process.executableURL = RehearseProcess.binary
        process.arguments = [
            "practice", "--rubrics", Self.practiceBank, "--transcripts", transcripts.path, "--seed", "1",
            "--question", "rollback-plan", "--question", "drift-check", "--question", "release-quiz",
        ]
        process.standardInput = FileHandle(forReadingAtPath: script.path)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let saved = try #require(
            try FileManager.default.contentsOfDirectory(atPath: transcripts.path).first { $0.hasSuffix(".json") })
        let transcript = try TranscriptStore(folder: transcripts).load(transcripts.appendingPathComponent(saved))
        #expect(
            transcript.entries.map(\.answer) == [
                "I ship a canary and watch the latency.", "We compare distributions and retrain.", "B",
            ])
    }
}

/// A child's output as it arrives, so a test can wait for a line before going on.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var ended = false

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self else { return }
            if chunk.isEmpty { handle.readabilityHandler = nil }
            lock.withLock {
                data.append(chunk)
                ended = ended || chunk.isEmpty
            }
        }
    }

    /// Everything written so far; after `waitForEnd`, everything.
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    func waitForEnd() {
        for _ in 0..<600 where !lock.withLock({ ended }) { Thread.sleep(forTimeInterval: 0.1) }
    }

    /// Polls until `marker` has been written, for at most a minute (a hung child fails the test after).
    func wait(for marker: String) {
        for _ in 0..<600 where !text.contains(marker) { Thread.sleep(forTimeInterval: 0.1) }
    }
}
