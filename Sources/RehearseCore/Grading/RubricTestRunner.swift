/// Runs every rubric's own examples (and its sample answer) and reports what did not grade as expected.
public struct RubricTestRunner {
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var location: SourceLocation
        public var questionID: String
        public var example: String
        public var message: String

        public var description: String { "\(location): \(questionID) [\(example)]: \(message)" }
    }

    /// A graded answer and the range it had to land in, for `rubric test --verbose`.
    public struct Scored: Sendable, Hashable, CustomStringConvertible {
        public var location: SourceLocation
        public var questionID: String
        public var example: String
        public var score: Int
        public var expected: ClosedRange<Int>
        public var passed: Bool

        public var description: String {
            "\(location): \(questionID) [\(example)]: \(score) (expected \(expected.lowerBound)–\(expected.upperBound)) \(passed ? "ok" : "FAILED")"
        }
    }

    public struct Report: Sendable {
        public var passed = 0
        public var failures: [Failure] = []
        /// Every sample and example answer with its score, in bank order.
        public var scored: [Scored] = []
        /// What a question should still get, without failing it (`ExampleRequirements.warnings`).
        public var warnings: [Failure] = []
        public var failed: Int { failures.count }
        public var summary: String { "\(passed) passed, \(failed) failed" }
    }

    private let grader: Grader
    /// The bank's questions, for the off-topic mutation; empty skips it.
    private let bank: [Question]

    public init(grader: Grader, bank: [Question] = []) {
        self.grader = grader
        self.bank = bank
    }

    public func run(_ questions: [Question]) -> Report {
        var report = Report()
        for question in questions {
            report.warnings += ExampleRequirements(for: question).warnings(with: question).map {
                Failure(location: question.source, questionID: question.id, example: "examples", message: $0)
            }
            for failure in check(question, scored: &report.scored) {
                if let failure { report.failures.append(failure) } else { report.passed += 1 }
            }
        }
        return report
    }

    /// One entry per check: nil when it passed.
    private func check(_ question: Question, scored: inout [Scored]) -> [Failure?] {
        var results: [Failure?] = [checkCompleteness(question)]
        if question.kind != .multipleChoice {
            results.append(checkSampleAnswer(question, scored: &scored))
            results += checkMutations(question, scored: &scored)
        }
        for (index, example) in question.examples.enumerated() {
            results.append(check(example, number: index + 1, of: question, scored: &scored))
        }
        return results
    }

    private func checkCompleteness(_ question: Question) -> Failure? {
        let problems = ExampleRequirements(for: question).problems(with: question)
        guard !problems.isEmpty else { return nil }
        return Failure(
            location: question.source, questionID: question.id, example: "examples",
            message: problems.joined(separator: "; "))
    }

    private func checkSampleAnswer(_ question: Question, scored: inout [Scored]) -> Failure? {
        let location = question.sampleAnswerLocation ?? question.source
        do {
            let grade = try grader.grade(question.sampleAnswer, for: question)
            let minimum = RubricExample.sampleAnswerMinimum
            scored.append(
                Scored(
                    location: location, questionID: question.id, example: "sample_answer", score: grade.score,
                    expected: minimum...100, passed: grade.score >= minimum))
            guard grade.score < minimum else { return nil }
            return Failure(
                location: location, questionID: question.id, example: "sample_answer",
                message:
                    "the sample answer scores \(grade.score), below \(minimum); it misses \(grade.missing.joined(separator: ", "))"
            )
        } catch {
            return Failure(
                location: location, questionID: question.id, example: "sample_answer",
                message: "\(error.localizedDescription)")
        }
    }

    /// Bluffs derived from the rubric itself must score `RubricMutation.maximumScore` or less.
    private func checkMutations(_ question: Question, scored: inout [Scored]) -> [Failure?] {
        guard let sampleGrade = try? grader.grade(question.sampleAnswer, for: question) else { return [] }
        let mutations = RubricMutation.all(for: question, sampleGrade: sampleGrade, others: bank) { answer in
            try? grader.grade(answer, for: question)
        }
        return mutations.map { mutation in
            let name = "mutation: \(mutation.name)"
            let grade: Grade
            do { grade = try grader.grade(mutation.answer, for: question) } catch {
                return Failure(
                    location: question.source, questionID: question.id, example: name,
                    message: error.localizedDescription)
            }
            let passed = grade.score <= RubricMutation.maximumScore
            scored.append(
                Scored(
                    location: question.source, questionID: question.id, example: name, score: grade.score,
                    expected: 0...RubricMutation.maximumScore, passed: passed))
            guard !passed else { return nil }
            let leaked = grade.concepts.filter { $0.matched }.map { "\($0.id) (\"\($0.evidence?.quote ?? "")\")" }
            return Failure(
                location: question.source, questionID: question.id, example: name,
                message:
                    "scored \(grade.score), above \(RubricMutation.maximumScore); leaked: \(leaked.joined(separator: ", "))"
            )
        }
    }

    private func check(
        _ example: RubricExample, number: Int, of question: Question, scored: inout [Scored]
    ) -> Failure? {
        let name = "example \(number), \(example.level.rawValue)"
        func failure(_ message: String) -> Failure {
            Failure(location: example.location, questionID: question.id, example: name, message: message)
        }
        let grade: Grade
        do { grade = try grader.grade(example.answer, for: question) } catch {
            return failure(error.localizedDescription)
        }
        var problems: [String] = []
        let expected = example.minScore...max(example.minScore, example.maxScore)
        if !expected.contains(grade.score) {
            let matched = grade.concepts.filter(\.matched).map(\.id)
            problems.append(
                "scored \(grade.score), expected \(example.minScore)–\(example.maxScore) (matched: \(matched.isEmpty ? "none" : matched.joined(separator: ", ")); missing: \(grade.missing.isEmpty ? "none" : grade.missing.joined(separator: ", ")))"
            )
        }
        let notMissing = example.missing.filter { !grade.missing.contains($0) }
        if !notMissing.isEmpty {
            problems.append(
                "expected missing \(notMissing.joined(separator: ", ")), but the answer earned \(notMissing.count == 1 ? "it" : "them")"
            )
        }
        let notMatched = example.matched.filter { id in !grade.concepts.contains { $0.id == id && $0.matched } }
        if !notMatched.isEmpty {
            problems.append("expected to earn \(notMatched.joined(separator: ", ")), but did not")
        }
        if example.level == .weak, question.kind != .multipleChoice, example.missing.isEmpty {
            problems.append("a weak example must name the concepts it misses: add expect: {missing: [...]}")
        }
        let silent = example.misconceptions.filter { id in !grade.misconceptions.contains { $0.id == id } }
        if !silent.isEmpty {
            problems.append("expected misconception \(silent.joined(separator: ", ")) to fire, but it did not")
        }
        scored.append(
            Scored(
                location: example.location, questionID: question.id, example: name, score: grade.score,
                expected: expected, passed: problems.isEmpty))
        return problems.isEmpty ? nil : failure(problems.joined(separator: "; "))
    }
}
