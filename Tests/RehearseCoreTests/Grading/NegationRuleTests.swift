import Foundation
import Testing

@testable import RehearseCore

/// `grading: {negation: ignored}`: a one-line factual answer whose negation is part of the fact
/// ("a constant can not change") earns what it names; every other question keeps turning down a
/// negated practice, and misconceptions heed negation under both.
@Suite("grading: {negation: ...} in a question file")
struct NegationRuleTests {
    static let negatedAnswer = "We would not retrain the model; recent data is not needed."

    func matched(_ grade: Grade) -> Set<String> { Set(grade.concepts.filter(\.matched).map(\.id)) }

    @Test("A negated mention earns its concept under negation: ignored, and is turned down by default")
    func negatedMention() throws {
        let strict = try QualityFixtureBank.gradeStaleModel(Self.negatedAnswer, grading: nil)
        let explicit = try QualityFixtureBank.gradeStaleModel(
            Self.negatedAnswer, grading: "grading: {negation: counts}")
        let ignored = try QualityFixtureBank.gradeStaleModel(
            Self.negatedAnswer, grading: "grading: {negation: ignored}")
        #expect(matched(strict).isDisjoint(with: ["retraining", "recent-data"]))
        #expect(strict.concepts.contains { $0.id == "retraining" && $0.negatedMention != nil })
        #expect(matched(ignored).isSuperset(of: ["retraining", "recent-data"]))
        #expect(ignored.concepts.allSatisfy { $0.negatedMention == nil })
        #expect(ignored.score > strict.score)
        #expect(explicit.score == strict.score)
    }

    @Test("rubric explain names the question's grading rules when they differ from the defaults")
    func explainNamesRules() throws {
        func explanation(_ grading: String?) throws -> String {
            let (bank, question) = try QualityFixtureBank.staleModel(grading: grading)
            let grade = try Grader(bank: bank).grade(Self.negatedAnswer, for: question)
            return GradeExplanation(grade: grade, question: question, answer: Self.negatedAnswer).render()
        }
        #expect(!(try explanation(nil)).contains("  grading "))
        let ignored = try explanation("grading: {negation: ignored}")
        #expect(
            ignored.contains(
                "  grading         negation: ignored (a mention earns its concept even when the answer turns it down), as the question file sets"
            ),
            "\(ignored)")
        let both = try explanation("grading: {named_only: full, negation: ignored}")
        #expect(
            both.contains(
                "named_only: full (a term named without an explanation earns its whole weight); negation: ignored"))
    }

    @Test("Misconceptions still heed negation under negation: ignored")
    func misconceptionsHeedNegation() throws {
        for grading in ["", "\ngrading: {negation: ignored}\n"] {
            let bank = try FixtureBank(files: ["monitoring/drift.yaml": FixtureBank.driftYAML + grading]).load()
            let question = try bank.question(id: "drift")
            let grader = Grader(bank: bank)
            let claimed = try grader.grade("Rolling back fixes drift, so I retrain rarely.", for: question)
            let denied = try grader.grade("I would never say that rolling back fixes drift.", for: question)
            #expect(claimed.misconceptions.map(\.id) == ["rollback-cures-drift"], "\(grading)")
            #expect(denied.misconceptions.isEmpty, "\(grading): \(denied.misconceptions.map(\.id))")
        }
    }

    @Test("A value other than counts or ignored is an error at the value, with the nearest one")
    func badValue() throws {
        let file = FixtureBank.driftYAML + "\ngrading: {named_only: full, negation: ignore}\n"
        let lines = file.components(separatedBy: "\n")
        let errors = try FixtureBank(files: ["monitoring/drift.yaml": file]).diagnostics().errors
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.location.file.hasSuffix("monitoring/drift.yaml"))
        #expect(error.location.line == lines.firstIndex { $0.hasPrefix("grading:") }! + 1)
        #expect(error.location.column == "grading: {named_only: full, negation: ".count + 1)
        #expect(
            error.message.hasPrefix(
                "'negation' in 'grading' of question 'drift' is 'ignore'; did you mean 'ignored'? use counts (the default"
            ),
            "\(error.message)")
    }

    @Test("A negated example under negation: ignored is an error at its level, saying why")
    func negatedExampleRefused() throws {
        let file =
            FixtureBank.driftYAML + "\ngrading: {negation: ignored}\n"
        let withExample = file.replacingOccurrences(
            of: "examples:\n", with: "examples:\n  - level: negated\n    answer: I would not retrain.\n")
        let lines = withExample.components(separatedBy: "\n")
        let errors = try FixtureBank(files: ["monitoring/drift.yaml": withExample]).diagnostics().errors
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.location.line == lines.firstIndex { $0.contains("level: negated") }! + 1)
        #expect(
            error.message
                == "example 1 of question 'drift' is negated, but question 'drift' sets 'grading: {negation: ignored}', under which a negated mention earns its concept; remove the example or the rule"
        )
    }

    @Test("rubric test tries no 'required points turned down' bluff under negation: ignored")
    func noNegationBluff() throws {
        func names(_ grading: String) throws -> [String] {
            let bank = try FixtureBank(files: ["monitoring/drift.yaml": FixtureBank.driftYAML + grading]).load()
            let question = try bank.question(id: "drift")
            let grader = Grader(bank: bank)
            let sample = try grader.grade(question.sampleAnswer, for: question)
            return RubricMutation.all(
                for: question, sampleGrade: sample, others: bank.questions,
                grading: { try? grader.grade($0, for: question) }
            ).map(\.name)
        }
        let bluff = "sample answer with its required points turned down"
        #expect(try names("").contains(bluff))
        #expect(try !names("\ngrading: {negation: ignored}\n").contains(bluff))
    }

    @Test("A multiple-choice question may not set negation")
    func multipleChoice() throws {
        let file = FixtureBank.choiceYAML + "\ngrading: {negation: ignored}\n"
        let errors = try FixtureBank(files: ["deployment/pick-strategy.yaml": file]).diagnostics().errors
        #expect(errors.contains { $0.message.contains("multiple-choice and graded by its options; remove 'grading'") })
    }

    @Test("rubric test asks for no negated example under negation: ignored")
    func noNegatedExampleRequired() throws {
        let bank = try QualityFixtureBank(overriding: [
            "ops/stale-model.yaml": QualityFixtureBank.files["ops/stale-model.yaml"]!
                + "\ngrading: {negation: ignored}\n"
        ]).load()
        let ignored = try bank.question(id: "stale-model")
        let strict = try QualityFixtureBank().load().question(id: "stale-model")
        #expect(ExampleRequirements(for: strict).counts.contains { $0.level == .negated })
        #expect(!ExampleRequirements(for: ignored).counts.contains { $0.level == .negated })
    }
}
