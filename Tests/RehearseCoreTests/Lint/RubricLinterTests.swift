import Foundation
import Testing

@testable import RehearseCore

@Suite("Rubric lint")
struct RubricLinterTests {
    @Test("A clean bank has no diagnostics and says how many questions it checked")
    func cleanBank() throws {
        let report = try TemporaryBank().lint()
        #expect(report.diagnostics.isEmpty)
        #expect(!report.hasErrors)
        #expect(report.render() == "no problems found (1 question checked)\n")
    }

    @Test("Checks that need grading still run on the questions that loaded when another file has errors")
    func partialBank() throws {
        let bank = try TemporaryBank(questions: [
            "drift": TemporaryBank.question,
            "broken": "id: broken\nkind: technical\nprompt: [unclosed\n",
            "slow": TemporaryBank.question.replacingOccurrences(of: "id: drift", with: "id: slow")
                .replacingOccurrences(of: "and retrain on recent data", with: "and act"),
        ])
        let report = try bank.lint()
        #expect(
            report.diagnostics.contains {
                $0.location.file.hasSuffix("ops/broken.yaml") && $0.message.hasPrefix("invalid YAML")
            })
        // The score itself is the grader's business; that the check ran and names what is missing is lint's.
        #expect(
            report.diagnostics.contains {
                $0.location.file.hasSuffix("ops/slow.yaml")
                    && $0.message.hasPrefix("the sample answer of question 'slow' scores ")
                    && $0.message.contains(", below 80; it misses retrain")
            }, "\(report.diagnostics)")
        #expect(report.summary == "2 errors, 0 warnings (2 questions checked)")
    }

    @Test(
        "A concept earned by one of several strong examples is fine; one earned by none is reported at the concept, as an error when required"
    )
    func conceptAcrossStrongExamples() throws {
        let second =
            "  - level: strong\n    answer: Every night we compare the input distributions with the training data.\n"
        let earnedOnce = TemporaryBank.question.replacingOccurrences(
            of: "  - level: partial\n", with: second + "  - level: partial\n")
        #expect(try TemporaryBank(questions: ["drift": earnedOnce]).lint().diagnostics.isEmpty)
        let earnedNever = earnedOnce.replacingOccurrences(
            of: "retrain the model weekly", with: "update the model weekly")
        let diagnostics = try TemporaryBank(questions: ["drift": earnedNever]).lint().diagnostics
        #expect(
            diagnostics.map(\.description) == [
                "\(diagnostics.first?.location.file ?? ""):9:5: warning: concept 'retrain' of question 'drift' never fires on any of its 2 strong examples; widen its patterns to the words those answers use ('rehearse rubric explain' shows what was tried), or make a strong example cover it"
            ])
        let required = earnedNever.replacingOccurrences(
            of: "    weight: 1\n    patterns", with: "    weight: 1\n    required: true\n    patterns")
        let requiredDiagnostics = try TemporaryBank(questions: ["drift": required]).lint().diagnostics
        #expect(requiredDiagnostics.map(\.severity).contains(.error))
    }

    @Test("Equal weights for a required and an optional concept are not a warning; a lighter required one is")
    func weights() throws {
        let equal = TemporaryBank.question.replacingOccurrences(
            of: "    weight: 2\n    required: true", with: "    weight: 1\n    required: true")
        #expect(try TemporaryBank(questions: ["drift": equal]).lint().diagnostics.isEmpty)
        let lighter = equal.replacingOccurrences(
            of: "    weight: 1\n    patterns", with: "    weight: 1.5\n    patterns")
        let report = try TemporaryBank(questions: ["drift": lighter]).lint()
        #expect(report.diagnostics.map(\.severity) == [.warning])
        #expect(
            report.diagnostics.first?.message.contains(
                "has weight 1, less than optional concept 'retrain' (weight 1.5)") == true)
        #expect(!report.hasErrors)
    }

    @Test("A misconception that none of the examples states is a warning at the misconception")
    func untestedMisconception() throws {
        let misconception = """
            misconceptions:
              - id: retrain-daily
                pattern: '\\bretrain\\w* (every|each) day'
                why: Daily retraining chases noise.
            examples:
            """
        let untested = TemporaryBank.question.replacingOccurrences(of: "examples:", with: misconception)
        let diagnostics = try TemporaryBank(questions: ["drift": untested]).lint().diagnostics
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.location.line == 15)
        #expect(
            diagnostics.first?.message.hasPrefix(
                "misconception 'retrain-daily' of question 'drift' fires on none of its examples") == true)
        let stated = untested.replacingOccurrences(
            of: "    answer: Nothing much, honestly.",
            with: "    answer: Nothing much, honestly. I retrain every day.")
        #expect(try TemporaryBank(questions: ["drift": stated]).lint().diagnostics.isEmpty)
    }

    @Test("A scope keeps only the problems of the files inside it")
    func scope() throws {
        let bank = try TemporaryBank(questions: [
            "drift": TemporaryBank.question,
            "other": TemporaryBank.question.replacingOccurrences(of: "id: drift", with: "id: other")
                .replacingOccurrences(of: "weight: 1\n", with: "weight: -1\n"),
        ])
        #expect(try bank.lint().hasErrors)
        let report = try bank.lint(scope: PathScope(path: bank.path("ops/drift.yaml")))
        #expect(report.diagnostics.isEmpty)
        #expect(report.questionsChecked == 1)
    }
}
