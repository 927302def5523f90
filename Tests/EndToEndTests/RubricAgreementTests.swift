import Foundation
import Testing

/// `rehearse rubric test --responses` and `rehearse rubric draft`, run as a coach runs them.
@Suite("Rubric agreement and drafts, end to end")
struct RubricAgreementTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let marked = fixtures.appendingPathComponent("bundled-marked.jsonl").path
    /// The development data lives beside the repository and is never copied into it.
    static let devSet = RehearseProcess.packageRoot.appendingPathComponent("../shared/data/short-answers-dev.json")
        .standardizedFileURL

    @Test("Marked answers to the four bundled questions: agreement per question, overall, and the worst cases")
    func bundledText() throws {
        let output = try RehearseProcess.run(["rubric", "test", "--responses", Self.marked])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Agreement with 12 marked responses (marks 0–5, shown ×20)"))
        for id in ["handle-data-drift", "canary-vs-blue-green", "model-versioning", "experiment-reproducibility"] {
            #expect(output.stdout.contains("\n  \(id) "), "no line for \(id)")
        }
        #expect(output.stdout.contains("Worst disagreements"))
        #expect(output.stdout.contains("(the marker found it)"))
    }

    @Test("--all lists every response with the rule that fired, like Moodle's pattern-match report")
    func everyResponse() throws {
        let output = try RehearseProcess.run(["rubric", "test", "--responses", Self.marked, "--all"])
        #expect(output.stdout.components(separatedBy: " line ").count - 1 == 12)
        #expect(output.stdout.contains(#"fired  retraining: "retrian" \bre-?train\w*"#))
    }

    @Test("JSON output carries the documented keys, and --min-r fails the run below the bar")
    func jsonAndThreshold() throws {
        let output = try RehearseProcess.run(["rubric", "test", "--responses", Self.marked, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let overall = try #require(json["overall"] as? [String: Any])
        let r = try #require(overall["pearson"] as? Double)
        #expect(r > 0.5)
        #expect(
            overall["pairwise_order"] is Double && overall["within_one_band"] is Double
                && overall["same_band"] is Double)
        #expect((json["questions"] as? [Any])?.count == 4)
        #expect((json["responses"] as? [Any])?.count == 12)
        let worst = try #require((json["worst"] as? [[String: Any]])?.first)
        #expect(worst["fired"] is [Any] && worst["missed"] is [Any] && worst["difference"] is Double)

        let strict = try RehearseProcess.run(["rubric", "test", "--responses", Self.marked, "--min-r", "0.999"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("below --min-r 0.999"))
        let lenient = try RehearseProcess.run(["rubric", "test", "--responses", Self.marked, "--min-r", "0.3"])
        #expect(lenient.status == 0)
    }

    @Test("A PATH limits the measure to its questions; an unknown concept label names the nearest id")
    func pathAndLabels() throws {
        let scoped = try RehearseProcess.run([
            "rubric", "test", "Rubrics/monitoring-governance/handle-data-drift.yaml", "--responses", Self.marked,
        ])
        #expect(scoped.status == 0, "\(scoped.stderr)")
        let lines = try String(contentsOfFile: Self.marked, encoding: .utf8).split(separator: "\n")
        let drift = lines.filter { $0.contains(#""question": "handle-data-drift""#) }.count
        #expect(scoped.stdout.contains("Agreement with \(drift) marked responses"), "\(scoped.stdout)")
        #expect(!scoped.stdout.contains("canary-vs-blue-green"))

        let temporary = try TemporaryFolder()
        let typo = lines.map { $0.replacingOccurrences(of: #"["retraining"]"#, with: #"["retrainig"]"#) }
        _ = try temporary.write("typo.jsonl", typo.joined(separator: "\n") + "\n")
        let output = try RehearseProcess.run([
            "rubric", "test", "--responses", temporary.url.appendingPathComponent("typo.jsonl").path,
        ])
        #expect(output.status == 65)
        #expect(output.stderr.contains("typo.jsonl:2: concept 'retrainig' is not in the rubric of 'handle-data-drift'"))
        #expect(output.stderr.contains("did you mean 'retraining'?"))
    }

    @Test("A response to an unknown question is refused with its line and a suggestion")
    func unknownQuestion() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("marked.csv", "question,answer,mark\nhandle-data-drfit,I would retrain,2\n")
        let output = try RehearseProcess.run(["rubric", "test", "--responses", file.path])
        #expect(output.status == 64)
        #expect(
            output.stderr.contains(
                "marked.csv:2: no question with id 'handle-data-drfit' in the bank. Did you mean 'handle-data-drift'?"))
    }

    @Test(
        "Rubrics drafted from the dev set's reference answers are measured against its human marks",
        .enabled(if: FileManager.default.fileExists(atPath: devSet.path), "needs ../shared/data beside the repository"))
    func devSetDrafts() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.devSet.path))
        let items = try #require(
            (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["items"] as? [[String: Any]])
        let folder = try TemporaryFolder()
        try folder.write("Rubrics/bank.yaml", "domains:\n  - {id: dev, title: Dev, weight: 100}\n")
        var lines: [String] = []
        for item in items.prefix(3) {
            let id = "q" + (item["id"] as! String).replacingOccurrences(of: ".", with: "-")
            let reference = try folder.write("\(id).txt", item["reference"] as! String)
            let draft = try RehearseProcess.run([
                "rubric", "draft", "--sample-file", reference.path, "--prompt", item["question"] as! String,
                "--id", id, "--domain", "dev", "--rubrics", folder.url.appendingPathComponent("Rubrics").path,
            ])
            #expect(draft.status == 0, "\(draft.stderr)")
            try folder.write("Rubrics/dev/\(id).yaml", draft.stdout)
            for answer in item["answers"] as! [[String: Any]] {
                let line = try JSONSerialization.data(withJSONObject: [
                    "question": id, "answer": answer["text"]!, "mark": answer["grade"]!,
                ])
                lines.append(String(decoding: line, as: UTF8.self))
            }
        }
        let marked = try folder.write("marked.jsonl", lines.joined(separator: "\n") + "\n")
        let output = try RehearseProcess.run([
            "rubric", "test", "--responses", marked.path, "--format", "json",
            "--rubrics", folder.url.appendingPathComponent("Rubrics").path,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let r = try #require((json["overall"] as? [String: Any])?["pearson"] as? Double)
        #expect(r > 0.3)
    }

    @Test("rubric draft --question prints YAML that leaves out the question's words")
    func draftBankQuestion() throws {
        let output = try RehearseProcess.run(["rubric", "draft", "--question", "handle-data-drift"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("scoring: calibrated"))
        #expect(!output.stdout.contains(#"patterns: ['\bdrift\w*']"#))
    }
}
