import Foundation
import Testing

/// One broken rubric file per kind of problem (Fixtures/LintBroken/), each dropped into a copy of a
/// clean fixture bank (Fixtures/LintBank/), and the line lint must print for it.
@Suite("rehearse rubric lint, end to end")
struct LintCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        /// `line:column: severity: ` and the start of the message.
        var expected: String
        var status: Int32

        var testDescription: String { file }
    }

    struct SetAsideCase: Sendable {
        var command: [String]
        var status: Int32
    }

    static let cases: [Case] = [
        Case(
            file: "yaml-syntax",
            expected: "8:4: error: invalid YAML: while parsing a block collection did not find expected '-' indicator",
            status: 1),
        Case(
            file: "unknown-key",
            expected: "4:1: error: unknown key 'sampel_answer' in a question; did you mean 'sample_answer'?", status: 1),
        Case(
            file: "wrong-type",
            expected:
                "11:13: error: 'weight' in concept 'retrain' of question 'wrong-type' must be a number, not 'heavy'",
            status: 1),
        Case(
            file: "invalid-pattern",
            expected:
                "12:32: error: invalid pattern '\\bre-?train(\\w*' in concept 'retrain' of question 'invalid-pattern' at offset 15: missing closing parenthesis",
            status: 1),
        Case(
            file: "empty-string-pattern",
            expected:
                "12:16: error: pattern '\\w*' in concept 'retrain' of question 'empty-string-pattern' matches the empty string",
            status: 1),
        Case(file: "duplicate-id", expected: "1:5: error: question id 'drift' is already used at ", status: 1),
        Case(
            file: "dangling-ref",
            expected:
                "6:10: error: question 'dangling-ref' refers to concept 'drift-detecton', which no file in concepts/ defines; did you mean 'drift-detection'?",
            status: 1),
        Case(
            file: "catastrophic-backtracking",
            expected:
                "16:14: error: pattern '(a+)+$' in misconception 'slow' of question 'catastrophic-backtracking' hits PCRE2's match limit on 'aaaaaaaa…' (3000 bytes) then '! a'",
            status: 1),
        Case(
            file: "concept-never-fires",
            expected:
                "9:5: error: concept 'retrain' of question 'concept-never-fires' never fires on its strong example",
            status: 1),
        Case(
            file: "sample-below-80",
            expected:
                "4:1: error: the sample answer of question 'sample-below-80' scores 21, below 80; it misses drift-detection",
            status: 1),
        Case(
            file: "impossible-range",
            expected:
                "22:25: error: example 3 of question 'impossible-range' expects min_score 50, above 40, the top of a weak example's range (0–40); lower it, set max_score too, or change the level",
            status: 1),
        Case(
            file: "unclosed-quote",
            expected: "3:9: error: invalid YAML: this quote is never closed (", status: 1),
        Case(
            file: "not-utf8",
            expected: "3:32: error: byte 0xFF is not UTF-8; save the file as UTF-8", status: 1),
        Case(
            file: "backspace-pattern",
            expected:
                "12:17: error: pattern in concept 'retrain' of question 'backspace-pattern' holds the control character U+0008 (backspace), so it never matches an answer; in double quotes YAML reads \\b as that character",
            status: 1),
        Case(
            file: "placeholder",
            expected:
                "3:9: error: question 'placeholder' still holds the placeholder TODO that 'rubric new' wrote here; replace it with the real text",
            status: 1),
        Case(
            file: "mc-letter",
            expected:
                "10:27: error: example 2 of question 'mc-letter' answers 'E', which is not an option; use one of A, B, C",
            status: 1),
        Case(
            file: "excluded-pattern",
            expected:
                "9:24: error: concept 'drift-detection' of question 'excluded-pattern' excludes pattern '\\bmonitor\\b', which the shared concept does not have",
            status: 1),
        Case(
            file: "required-lighter-than-optional",
            expected:
                "6:5: warning: required concept 'drift-detection' of question 'required-lighter-than-optional' has weight 1, less than optional concept 'retrain' (weight 2)",
            status: 0),
    ]

    @Test("Each broken file is reported at its file, line and column, with the exit code", arguments: cases)
    func brokenFile(_ broken: Case) throws {
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("LintBroken/\(broken.file).yaml"),
            toPath: bank.appendingPathComponent("ops/\(broken.file).yaml").path)
        let output = try RehearseProcess.run(["rubric", "lint", "--rubrics", "Rubrics"], in: temporary.url)
        let prefix = "Rubrics/ops/\(broken.file).yaml:\(broken.expected)"
        #expect(
            output.stdout.split(separator: "\n").contains { $0.hasPrefix(prefix) },
            "expected a line starting \(prefix), got:\n\(output.stdout)")
        #expect(output.status == broken.status)
        let summary = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(
            summary.hasPrefix(broken.status == 0 ? "0 errors, 1 warning" : "") && summary.hasSuffix("checked)"),
            "summary: \(summary)")
    }

    @Test("Every problem of every file is reported in one run, and a clean bank passes")
    func allAtOnce() throws {
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        let clean = try RehearseProcess.run(["rubric", "lint", "--rubrics", bank.path])
        #expect(clean.status == 0)
        #expect(clean.stdout == "no problems found (1 question checked)\n")
        for broken in Self.cases {
            try FileManager.default.copyItem(
                atPath: Fixtures.path("LintBroken/\(broken.file).yaml"),
                toPath: bank.appendingPathComponent("ops/\(broken.file).yaml").path)
        }
        // From inside the domain folder: '.' is the scope, and the bank is found above it.
        let output = try RehearseProcess.run(
            ["rubric", "lint", "."], in: temporary.url.appendingPathComponent("Rubrics/ops"))
        #expect(output.status == 1)
        for broken in Self.cases {
            #expect(output.stdout.contains("/Rubrics/ops/\(broken.file).yaml:\(broken.expected)"), "\(broken.file)")
        }
        // Three files do not parse (yaml-syntax, unclosed-quote, not-utf8), so no question of theirs is checked.
        #expect(output.stdout.hasSuffix(" errors, 2 warnings (\(Self.cases.count - 3) questions checked)\n"))
    }

    @Test(
        "A pattern that backtracks catastrophically is set aside by every command that loads the bank, from the cache too",
        arguments: [
            SetAsideCase(command: ["rubric", "test"], status: 1), SetAsideCase(command: ["bank", "list"], status: 0),
            SetAsideCase(command: ["grade", "--question", "catastrophic-backtracking"], status: 65),
        ])
    func catastrophicPatternSetAsideEverywhere(_ run: SetAsideCase) throws {
        let command = run.command, status = run.status
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("LintBroken/catastrophic-backtracking.yaml"),
            toPath: bank.appendingPathComponent("ops/catastrophic-backtracking.yaml").path)
        for _ in 1...2 {
            let output = try RehearseProcess.run(
                command, stdin: "aaaa aaaa " + String(repeating: "a", count: 5000), in: temporary.url)
            #expect(output.status == status, "\(command): \(output.stdout)")
            #expect(
                output.stderr.contains(
                    "warning: Rubrics/ops/catastrophic-backtracking.yaml:16:14: error: pattern '(a+)+$' in misconception 'slow'"
                ),
                "\(output.stderr)")
        }
    }

    @Test("--format json lists every problem with its file, line, column and severity")
    func json() throws {
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("LintBroken/wrong-type.yaml"),
            toPath: bank.appendingPathComponent("ops/wrong-type.yaml").path)
        let output = try RehearseProcess.run(["rubric", "lint", "--format", "json"], in: temporary.url)
        #expect(output.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(report["errors"] as? Int == 1)
        #expect(report["questions_checked"] as? Int == 2)
        #expect(problems.first?["file"] as? String == "Rubrics/ops/wrong-type.yaml")
        #expect(problems.first?["line"] as? Int == 11)
        #expect(problems.first?["column"] as? Int == 13)
        #expect(problems.first?["severity"] as? String == "error")
        #expect((problems.first?["message"] as? String)?.hasPrefix("'weight' in concept 'retrain'") == true)
    }

    @Test("A PATH limits the report to that file, and finds its bank without --rubrics")
    func pathScope() throws {
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        for name in ["wrong-type", "required-lighter-than-optional"] {
            try FileManager.default.copyItem(
                atPath: Fixtures.path("LintBroken/\(name).yaml"),
                toPath: bank.appendingPathComponent("ops/\(name).yaml").path)
        }
        let output = try RehearseProcess.run(
            ["rubric", "lint", "Rubrics/ops/required-lighter-than-optional.yaml"], in: temporary.url)
        #expect(output.status == 0)
        #expect(!output.stdout.contains("wrong-type"))
        #expect(output.stdout.hasSuffix("0 errors, 1 warning (1 question checked)\n"))
        let missing = try RehearseProcess.run(["rubric", "lint", "Rubrics/ops/nothing.yaml"], in: temporary.url)
        #expect(missing.status == 66)
    }
}
