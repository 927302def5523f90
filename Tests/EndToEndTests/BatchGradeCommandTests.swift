import Foundation
import Testing

@Suite("rehearse grade --batch, end to end")
struct BatchGradeCommandTests {
    static func line(_ question: String, _ answer: String) throws -> String {
        String(
            decoding: try JSONSerialization.data(withJSONObject: ["question": question, "answer": answer]),
            as: UTF8.self)
    }

    static func object(_ text: some StringProtocol) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    @Test(
        "Each line gives the grade --format json gives, on one line and in input order; bad lines give an error and the rest go on"
    )
    func batch() throws {
        let answers = [
            ("handle-data-drift", "We compare live feature distributions with the training data, then retrain."),
            ("canary-vs-blue-green", "Both deploy models to servers."),
            ("handle-data-drift", "I would not retrain; I'd monitor the distributions and alert someone."),
        ]
        let input = [
            try Self.line(answers[0].0, answers[0].1), "", "not json at all",
            try Self.line("no-such-question", "anything"), try Self.line(answers[1].0, answers[1].1),
            try Self.line(answers[2].0, "   "), try Self.line(answers[2].0, answers[2].1),
        ].joined(separator: "\n")
        let output = try RehearseProcess.run(["grade", "--batch", "-"], stdin: input + "\n")
        #expect(output.status == 65, "any bad line makes the exit status 65")
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 6, "one line out per line in that is not blank: \(output.stdout)")
        guard lines.count == 6 else { return }
        for (index, answer) in [(0, answers[0]), (3, answers[1]), (5, answers[2])] {
            let single = try RehearseProcess.run(
                ["grade", "--question", answer.0, "--format", "json"], stdin: answer.1)
            #expect(try Self.object(lines[index]) == Self.object(single.stdout))
        }
        let errors = try [1, 2, 4].map { try Self.object(lines[$0]) }
        #expect(errors.map { $0["line"] as? Int } == [3, 4, 6])
        #expect((errors[0]["error"] as? String)?.contains("not a JSON object") == true)
        #expect((errors[1]["error"] as? String)?.contains("no question with id 'no-such-question'") == true)
        #expect((errors[2]["error"] as? String)?.contains("the answer is empty") == true)
    }

    @Test("--batch reads a file, and refuses --question beside it")
    func fileAndUsage() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("answers.jsonl", try Self.line("handle-data-drift", "I retrain weekly.") + "\n")
        let output = try RehearseProcess.run(["grade", "--batch", file.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try Self.object(output.stdout)["question_id"] as? String == "handle-data-drift")
        let both = try RehearseProcess.run(["grade", "--batch", file.path, "--question", "handle-data-drift"])
        #expect(both.status == 64)
        let missing = try RehearseProcess.run([
            "grade", "--batch", folder.url.appendingPathComponent("nope.jsonl").path,
        ])
        #expect(missing.status == 66)
    }
}
