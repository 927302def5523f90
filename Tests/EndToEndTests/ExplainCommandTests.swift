import Foundation
import Testing

@Suite("rehearse rubric explain, end to end")
struct ExplainCommandTests {
    static let bank = Fixtures.path("ExplainBank")

    @Test(
        "The marked answer, the patterns and the score arithmetic match the golden file",
        arguments: [
            ("drift", "strong"), ("drift", "negated-and-misconception"), ("drift", "overlapping-evidence"),
            ("pick-strategy", "choice"),
        ])
    func golden(question: String, answer: String) throws {
        let output = try RehearseProcess.run([
            "rubric", "explain", "--rubrics", Self.bank, "--question", question,
            "--answer-file", Fixtures.path("ExplainAnswers/\(answer).txt"),
        ])
        #expect(output.status == 0, "\(output.stderr)")
        try Snapshot.expect(output.stdout, matches: "explain-\(answer).txt")
    }

    @Test("Reads the answer from standard input, and an unknown id suggests the closest one")
    func stdinAndUnknownQuestion() throws {
        let piped = try RehearseProcess.run(
            ["rubric", "explain", "--rubrics", Self.bank, "--question", "drift"], stdin: "I retrain it.")
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("[retrain: retrain]"))
        let unknown = try RehearseProcess.run(
            ["rubric", "explain", "--rubrics", Self.bank, "--question", "drfit"], stdin: "I retrain it.")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Did you mean 'drift'?"))
    }
}
