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

    @Test("--example N explains the question's own example, and an N past the last is refused")
    func example() throws {
        let second = try RehearseProcess.run([
            "rubric", "explain", "--rubrics", Self.bank, "--question", "drift", "--example", "2",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        let drift = try String(contentsOfFile: Self.bank + "/ops/drift.yaml", encoding: .utf8)
        let answers = drift.split(separator: "\n").filter { $0.hasPrefix("    answer: ") }
            .map { $0.dropFirst("    answer: ".count) }
        #expect(answers.count >= 2)
        // The answer as printed, without the [concept: words] marks.
        let unmarked = second.stdout.replacingOccurrences(
            of: #"\[[a-z-]+: ([^\]]*)\]"#, with: "$1", options: .regularExpression)
        #expect(unmarked.contains(answers[1]), "\(second.stdout)")
        let past = try RehearseProcess.run([
            "rubric", "explain", "--rubrics", Self.bank, "--question", "drift", "--example", "\(answers.count + 1)",
        ])
        #expect(past.status == 64)
        #expect(
            past.stderr.contains("question 'drift' has \(answers.count) examples; --example is 1 to \(answers.count)."))
    }

    @Test("Each pattern is named with the file:line:column where it is written, in text and in JSON")
    func patternSites() throws {
        let text = try RehearseProcess.run(
            ["rubric", "explain", "--rubrics", Self.bank, "--question", "drift"], stdin: "I retrain it.")
        #expect(text.stdout.contains("Where each pattern is defined"))
        #expect(
            text.stdout.contains(
                #"retrain               Tests/EndToEndTests/Fixtures/ExplainBank/ops/drift.yaml:13:16  \bre-?train\w*"#)
        )
        let json = try RehearseProcess.run(
            ["rubric", "explain", "--rubrics", Self.bank, "--question", "drift", "--format", "json"],
            stdin: "I retrain it.")
        #expect(json.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["answer"] as? String == "I retrain it.")
        #expect((object["grade"] as? [String: Any])?["score"] is Int)
        #expect(object["grading"] as? [String: String] == ["named_only": "partial", "negation": "counts"])
        let patterns = try #require(object["patterns"] as? [[String: Any]])
        #expect(
            patterns.contains {
                $0["owner"] as? String == "alerting" && ($0["file"] as? String)?.hasSuffix("concepts/core.yaml") == true
                    && $0["line"] as? Int == 10 && $0["column"] as? Int == 16
            })
    }

    @Test("--help of explain, lint, test and regrade offers exactly the formats each accepts")
    func helpListsFormats() throws {
        for command in [["rubric", "explain"], ["rubric", "lint"], ["rubric", "test"], ["regrade"]] {
            let help = try RehearseProcess.run(command + ["--help"]).stdout.split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
            #expect(help.contains("(values: text, json; default: text)"), "\(command)")
            #expect(!help.contains("markdown"), "\(command)")
        }
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
