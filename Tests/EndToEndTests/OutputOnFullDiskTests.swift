import Foundation
import Testing

/// Standard output on a full disk (/dev/full): a command whose output is the point of the run says it
/// could not write it and exits 73, never a trap and never a silent exit 0. (An interview is the
/// exception: it goes on and saves every answer, in ReliabilityCommandTests.)
@Suite("Output on a full disk")
struct OutputOnFullDiskTests {
    static let fixtures = RehearseProcess.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")
    static let rubrics = RehearseProcess.rubrics.path
    static let answer = "I monitor drift with PSI on the features and retrain on recent data when it passes 0.2."

    /// `rehearse arguments…` with `stdin` piped in and standard output on /dev/full.
    static func runToFullDisk(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = RehearseProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = RehearseProcess.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        let input = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = error
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let stderr = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    static func expectWriteError(
        _ result: (status: Int32, stderr: String), sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 73, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.contains("cannot write to standard output: the disk is full (ENOSPC)"), "\(result.stderr)",
            sourceLocation: sourceLocation)
    }

    @Test("grade --batch, grade --format json, grade and rubric explain report the failed write (exit 73)")
    func grading() throws {
        let folder = try TemporaryFolder()
        let batch = try folder.write(
            "answers.jsonl", #"{"question": "handle-data-drift", "answer": "\#(Self.answer)"}"# + "\n")
        Self.expectWriteError(try Self.runToFullDisk(["grade", "--rubrics", Self.rubrics, "--batch", batch.path]))
        let question = ["--rubrics", Self.rubrics, "--question", "handle-data-drift"]
        Self.expectWriteError(try Self.runToFullDisk(["grade"] + question + ["--format", "json"], stdin: Self.answer))
        Self.expectWriteError(try Self.runToFullDisk(["grade"] + question, stdin: Self.answer))
        Self.expectWriteError(try Self.runToFullDisk(["rubric", "explain"] + question, stdin: Self.answer))
    }

    @Test("export still writes the report, then reports that it could not print its path (exit 73)")
    func export() throws {
        let folder = try TemporaryFolder()
        let transcript = folder.url.appendingPathComponent("finished.json")
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("TranscriptsV1/finished.json"), to: transcript)
        Self.expectWriteError(try Self.runToFullDisk(["export", transcript.path]))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("finished.md").path))
    }

    @Test(
        "the listing and report commands report the failed write (exit 73)",
        arguments: [["bank", "list"], ["bank", "path"], ["rubric", "lint"], ["rubric", "test"]])
    func listings(command: [String]) throws {
        Self.expectWriteError(try Self.runToFullDisk(command + ["--rubrics", Self.rubrics]))
    }
}
