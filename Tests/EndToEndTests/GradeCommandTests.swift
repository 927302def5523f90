import Foundation
import Testing

@Suite("rehearse grade, end to end")
struct GradeCommandTests {
    @Test("JSON output has the documented keys, with null evidence for a missed concept")
    func jsonShape() throws {
        let output = try RehearseProcess.run(
            ["grade", "--question", "handle-data-drift", "--format", "json"],
            stdin:
                "We compare live feature distributions with the training data using PSI, then retrain on recent data.")
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["question_id"] as? String == "handle-data-drift")
        #expect((json["score"] as? Int).map { (0...100).contains($0) } == true)
        #expect(json["band"] as? String != nil)
        let concepts = try #require(json["concepts"] as? [[String: Any]])
        let detection = try #require(concepts.first { $0["id"] as? String == "drift-detection" })
        #expect(detection["matched"] as? Bool == true)
        #expect(detection["required"] as? Bool == true)
        #expect((detection["evidence"] as? String)?.contains("distributions") == true)
        let alerting = try #require(concepts.first { $0["id"] as? String == "alerting" })
        #expect(alerting["matched"] as? Bool == false)
        #expect(alerting["evidence"] is NSNull)
        for key in ["label", "weight"] { #expect(alerting[key] != nil) }
        #expect((json["missing"] as? [String])?.contains("alerting") == true)
        #expect(json["misconceptions"] is [Any])
    }

    @Test("Text output names what a weak answer missed and why, without colour when piped")
    func textOutput() throws {
        let output = try RehearseProcess.run(
            ["grade", "--question", "canary-vs-blue-green"], stdin: "Both deploy models to servers.")
        #expect(output.status == 0)
        #expect(output.stdout.contains("Missing:"))
        #expect(output.stdout.contains("Canary release to a small share of traffic first"))
        #expect(output.stdout.contains("Why it matters:"))
        #expect(!output.stdout.contains("\u{1B}["))
    }

    @Test("A strong answer outscores a weak one and a negated mention earns nothing")
    func strongWeakNegated() throws {
        func score(_ answer: String) throws -> Int {
            let output = try RehearseProcess.run(
                ["grade", "--question", "model-versioning", "--format", "json"], stdin: answer)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            return try #require(json["score"] as? Int)
        }
        let strong = try score(
            "Every trained model is stored in the registry with its weights, hyperparameters and data version, so we can reproduce it, compare versions and roll back to the previous one when a release fails."
        )
        let weak = try score("Models change a lot, so it matters.")
        let negated = try score("We never roll back.")
        #expect(strong >= 80)
        #expect(weak < strong)
        #expect(negated == 0)
    }

    @Test("Markdown output is a table of concepts")
    func markdown() throws {
        let output = try RehearseProcess.run(
            ["grade", "--question", "handle-data-drift", "--format", "markdown"],
            stdin: "I would retrain on recent data.")
        #expect(output.stdout.contains("| Concept | Weight | Required | Matched | Evidence |"))
    }

    @Test("Bad answers: empty, 1 MB, not UTF-8 — each a clear message and exit 65")
    func badAnswers() throws {
        let empty = try RehearseProcess.run(["grade", "--question", "handle-data-drift"], stdin: "  \n")
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("the answer is empty"))

        let huge = try RehearseProcess.run(
            ["grade", "--question", "handle-data-drift"], stdin: Data(repeating: 0x61, count: 1_048_576))
        #expect(huge.status == 65)
        #expect(huge.stderr.contains("(reading stopped there), more than the 100000-byte limit for one answer"))

        let binary = try RehearseProcess.run(
            ["grade", "--question", "handle-data-drift"], stdin: Data([0x72, 0x65, 0xC3, 0x28]))
        #expect(binary.status == 65)
        #expect(binary.stderr.contains("not valid UTF-8 (the first bad byte is at offset 2)"))
    }

    @Test("Unknown question: exit 64 with a suggestion")
    func unknownQuestion() throws {
        let output = try RehearseProcess.run(["grade", "--question", "handle-data-drfit"], stdin: "x")
        #expect(output.status == 64)
        #expect(output.stderr.contains("Did you mean 'handle-data-drift'?"))
    }

    @Test("Missing answer file or rubric folder: exit 66")
    func missingInputs() throws {
        let file = try RehearseProcess.run([
            "grade", "--question", "handle-data-drift", "--answer-file", "/nonexistent.txt",
        ])
        #expect(file.status == 66)
        #expect(file.stderr.contains("cannot read '/nonexistent.txt'"))
        let folder = try RehearseProcess.run(["grade", "--question", "x", "--rubrics", "/nonexistent"], stdin: "x")
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("no rubric folder at '/nonexistent'"))
    }

    @Test("Malformed YAML and an invalid pattern: file:line:column, exit 65")
    func brokenRubrics() throws {
        let temp = try TemporaryFolder()
        let rubrics = try temp.copyBundledRubrics()
        let file = rubrics.appendingPathComponent("concepts/deployment.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: #"'\bcanar(y|ies)\b'"#, with: #"'\bcanar(y|ies\b'"#)
        try text.write(to: file, atomically: true, encoding: .utf8)
        try temp.write("Rubrics/general-mlops/broken.yaml", "id: broken\nprompt: [oops\n")

        let output = try RehearseProcess.run(["grade", "--question", "handle-data-drift"], stdin: "x", in: temp.url)
        #expect(output.status == 65)
        #expect(output.stderr.contains("Rubrics/general-mlops/broken.yaml:3:1: error: invalid YAML"))
        #expect(output.stderr.contains(#"error: invalid pattern '\bcanar(y|ies\b'"#))
        #expect(output.stderr.contains("missing closing parenthesis"))
        #expect(output.stderr.contains("2 errors in the rubrics"))
    }

    @Test(
        "A pathological pattern is refused when the bank loads, before any answer, naming where it is written, exit 65")
    func pathologicalPattern() throws {
        let temp = try TemporaryFolder()
        try temp.write("Rubrics/bank.yaml", "domains:\n  - {id: general, title: General, weight: 100}\n")
        try temp.write(
            "Rubrics/general/slow.yaml",
            """
            id: slow
            kind: technical
            prompt: Say it.
            sample_answer: a
            concepts:
              - {id: many-a, label: Many, patterns: ['(a+)+$'], why: Test.}
            scoring: linear
            """)
        let answer = String(repeating: "a", count: 40_000) + "!"
        let output = try RehearseProcess.run(
            ["grade", "--question", "slow", "--rubrics", "Rubrics"], stdin: answer, in: temp.url)
        #expect(output.status == 65)
        #expect(
            output.stderr.contains(
                "Rubrics/general/slow.yaml:6:42: error: pattern '(a+)+$' in concept 'many-a' of question 'slow' hits PCRE2's match limit"
            ))
        #expect(output.stderr.contains("is not in the bank: it was set aside"))
    }

    @Test("REHEARSE_RUBRICS points at another bank")
    func environmentVariable() throws {
        let temp = try TemporaryFolder()
        let rubrics = try temp.copyBundledRubrics()
        let output = try RehearseProcess.run(
            ["bank", "list"], environment: ["REHEARSE_RUBRICS": rubrics.path], in: temp.url.deletingLastPathComponent())
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("handle-data-drift"))
    }
}

@Suite("rehearse bank list and rubric test, end to end")
struct BankCommandTests {
    @Test("bank list --format json lists every question with id, domain, kind and prompt")
    func listJSON() throws {
        let output = try RehearseProcess.run(["bank", "list", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(list.count >= 4)
        for entry in list {
            for key in ["id", "domain", "kind", "prompt"] { #expect(entry[key] is String, "\(key)") }
        }
    }

    @Test("bank list --domain filters, and an unknown domain is exit 64 listing the known ones")
    func listDomain() throws {
        let output = try RehearseProcess.run(["bank", "list", "--domain", "deployment"])
        #expect(output.stdout.contains("canary-vs-blue-green"))
        #expect(!output.stdout.contains("handle-data-drift"))
        let unknown = try RehearseProcess.run(["bank", "list", "--domain", "security"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Known domains: general-mlops"))
    }

    @Test("rubric test --verbose shows every answer's score against its range")
    func rubricTestVerbose() throws {
        let output = try RehearseProcess.run([
            "rubric", "test", "--verbose", "Rubrics/deployment/canary-vs-blue-green.yaml",
        ])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.contains("canary-vs-blue-green [sample_answer]: ") && $0.hasSuffix("(expected 80–100) ok")
            })
        #expect(lines.contains { $0.contains(", weak]: ") && $0.contains("(expected 0–40) ok") })
        #expect(lines.contains { $0.contains(", buzzword]: ") && $0.contains("(expected 0–30) ok") })
        #expect(
            lines.contains {
                $0.contains("[mutation: key terms as a bare list]: ") && $0.contains("(expected 0–25) ok")
            })
        #expect(lines.last?.hasSuffix(" 0 failed") == true)
    }

    @Test("rubric test fails with file, example and a summary when an example no longer holds")
    func rubricTestFailure() throws {
        let temp = try TemporaryFolder()
        let rubrics = try temp.copyBundledRubrics()
        let file = rubrics.appendingPathComponent("monitoring-governance/handle-data-drift.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "  - ref: retraining\n    weight: 3", with: "  - ref: retraining\n    weight: 30")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let output = try RehearseProcess.run([
            "rubric", "test", "--rubrics", rubrics.path, rubrics.appendingPathComponent("monitoring-governance").path,
        ])
        #expect(output.status == 1)
        #expect(output.stdout.contains("handle-data-drift.yaml"))
        #expect(output.stdout.contains(", partial]: scored"))
        let summary = try #require(output.stdout.split(separator: "\n").last)
        #expect(summary.hasSuffix("failed") && !summary.hasSuffix(" 0 failed"))
    }
}
