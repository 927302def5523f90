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
        try BatchGrading(bank: bank).run(input: reader) { try writer.write(contentsOf: $0) }
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

@Suite("Grade JSON keys")
struct GradeJSONKeyTests {
    /// Every key of a grade's JSON, nested ones too.
    func keys(of value: Any, into keys: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, nested) in object {
                keys.insert(key)
                self.keys(of: nested, into: &keys)
            }
        } else if let array = value as? [Any] {
            for nested in array { self.keys(of: nested, into: &keys) }
        }
    }

    /// The grade JSON names its keys itself (the encoder converts none, for speed), so a field added
    /// without its snake_case key would show up here in camelCase.
    @Test("Every key of a grade's JSON, in one line or pretty, is snake_case as Rubrics/README.md documents")
    func snakeCaseKeys() throws {
        let bank = try FixtureBank().load()
        let question = try #require(bank.questions.first { $0.id == "drift" })
        let grade = try Grader(bank: bank).grade(
            "I monitor the input distribuitons against training and roll back, not retrain.", for: question)
        let report = GradeReport(grade: grade, question: question)
        for json in [report.json(compact: true), report.json()] {
            var found = Set<String>()
            keys(of: try JSONSerialization.jsonObject(with: Data(json.utf8)), into: &found)
            let expected: Set<String> = [
                "question_id", "domain", "kind", "score", "band", "concepts", "missing", "missing_required",
                "misconceptions", "signals", "breakdown", "caveats", "id", "label", "weight", "required", "matched",
                "credit", "named_only", "read_as", "evidence", "quote", "pattern", "negated", "rejected_by",
                "contradicted_by", "via_follow_up", "lines", "penalties", "total_weight", "earned_weight",
                "penalty_weight", "share", "curve", "concept_id", "earned", "reason", "read", "taken_as", "penalty",
                "chosen",
                "correct",
            ]
            #expect(found.subtracting(expected).isEmpty, "unexpected keys: \(found.subtracting(expected).sorted())")
            #expect(found.allSatisfy { $0 == $0.lowercased() })
        }
    }
}
