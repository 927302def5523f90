import Foundation
import Testing

/// `rehearse rubric test --responses FILE --suggest` on a bank where the right suggestion is obvious:
/// every answer the marker credited says "rerun" where the rubric only knows "reproduce".
@Suite("rubric test --suggest proposes patterns from marked answers")
struct SuggestCommandTests {
    static let question = #"""
        id: version-models
        domain: ops
        kind: technical
        prompt: Why would you version your models?
        sample_answer: |
          Versioning lets you reproduce any past result, because the code, data and parameters of each
          model are recorded, and it lets you roll back to an earlier model when a new one misbehaves.
        concepts:
          - id: reproducibility
            label: Can reproduce a past result
            weight: 1
            patterns: ['\breproduc\w*']
            why: A result no one can reproduce cannot be trusted or debugged.
          - id: rollback
            label: Can go back to an earlier model
            weight: 1
            patterns: ['\broll(ed|ing)?[- ]?back\b']
            why: A bad release needs a known-good model to return to.
        """#

    static let marked = [
        (5, "With versions we can rerun any old experiment exactly, and roll back when a release misbehaves."),
        (5, "You rerun the training from the recorded code and data, and you can roll back to the last good one."),
        (4, "So that I can rerun a past training job and get the same model, or roll back a bad release."),
        (5, "It lets you reproduce a past result and roll back to an earlier model."),
        (1, "Versions are nice to have, and we can roll back."),
        (1, "Because it is good practice for the team."),
        (0, "So everyone knows the model's name."),
    ]

    @Test("The obvious pattern is proposed for the concept that missed, with agreement before and after")
    func obviousSuggestion() throws {
        let folder = try TemporaryFolder()
        try folder.write("Rubrics/bank.yaml", "domains:\n  - {id: ops, title: Ops, weight: 100}\n")
        try folder.write("Rubrics/ops/version-models.yaml", Self.question)
        let lines = try Self.marked.map { mark, answer in
            String(
                decoding: try JSONSerialization.data(withJSONObject: [
                    "question": "version-models", "answer": answer, "mark": mark,
                ]), as: UTF8.self)
        }
        let file = try folder.write("marked.jsonl", lines.joined(separator: "\n") + "\n")
        let rubrics = folder.url.appendingPathComponent("Rubrics").path
        let plain = try RehearseProcess.run(["rubric", "test", "--responses", file.path, "--rubrics", rubrics])
        #expect(!plain.stdout.contains("Suggested patterns"))
        let output = try RehearseProcess.run([
            "rubric", "test", "--responses", file.path, "--suggest", "--rubrics", rubrics,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let lines2 = output.stdout.split(separator: "\n").map(String.init)
        let index = try #require(
            lines2.firstIndex { $0.contains("version-models / reproducibility: add '\\brerun") }, "\(output.stdout)")
        #expect(lines2[index].contains("in 3 of the 3 credited answers it missed, 0 of 3 low-marked"))
        // The next lines show the change, on the question and over every answer; Pearson must rise.
        let change = lines2[index + 2]
        #expect(lines2[index + 1].contains("this question: pairwise"))
        let pearson = try #require(change.components(separatedBy: "Pearson ").last)
        let values = pearson.components(separatedBy: " → ").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        #expect(values.count == 2 && values[1] > values[0], "\(change)")
        // "back" is as common in credited answers, but adding it would not help: it is not proposed.
        #expect(!output.stdout.contains("add '\\bback"))
        // Nothing was written: the rubric is as it was.
        let after = try String(contentsOfFile: rubrics + "/ops/version-models.yaml", encoding: .utf8)
        #expect(after == Self.question)
        // And the same run twice says the same.
        let again = try RehearseProcess.run([
            "rubric", "test", "--responses", file.path, "--suggest", "--rubrics", rubrics,
        ])
        #expect(again.stdout == output.stdout)
    }
}
