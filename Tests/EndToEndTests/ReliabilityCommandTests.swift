import Foundation
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
}
