import Foundation
import Testing

@testable import RehearseCore

@Suite("Batch grading")
struct BatchGradingTests {
    /// Runs a batch over `input` and returns the output lines.
    func run(_ input: Data, bank: Bank) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("in.jsonl"), outputFile = folder.appendingPathComponent("out")
        try input.write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let reader = try FileHandle(forReadingFrom: inputFile), writer = try FileHandle(forWritingTo: outputFile)
        BatchGrading(bank: bank).run(input: reader, output: writer)
        try writer.close()
        return String(decoding: try Data(contentsOf: outputFile), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("A line past the limit is reported and skipped without stopping; a last line without a newline counts")
    func longLine() throws {
        let bank = try FixtureBank().load()
        let good = #"{"question": "drift", "answer": "I retrain the model on recent data."}"#
        let long =
            #"{"question": "drift", "answer": ""# + String(repeating: "a", count: BatchGrading.maximumLineBytes)
            + #""}"#
        let lines = try run(Data((good + "\n" + long + "\n" + good).utf8), bank: bank)
        #expect(lines.count == 3)
        guard lines.count == 3 else { return }
        #expect(lines[0].contains(#""question_id":"drift""#))
        #expect(lines[1].contains(#""line":2"#) && lines[1].contains("longer than"))
        #expect(lines[2] == lines[0])
    }
}
