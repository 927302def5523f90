import Foundation
import Testing

@testable import RehearseCore

/// `grading: {named_only: full}`: a question whose answers are one line gives a named term its whole
/// weight; every other question keeps the partial credit for a term named without an explanation.
@Suite("grading: {named_only: ...} in a question file")
struct NamedOnlyCreditTests {
    static let oneLine = "Retraining, recent data, a canary."

    func grade(_ answer: String, grading: String?) throws -> Grade {
        try QualityFixtureBank.gradeStaleModel(answer, grading: grading)
    }

    @Test("A one-line answer that names three terms earns them in full under named_only: full, in part by default")
    func oneLineAnswer() throws {
        let strict = try grade(Self.oneLine, grading: nil)
        let short = try grade(Self.oneLine, grading: "grading: {named_only: full}")
        let explicit = try grade(Self.oneLine, grading: "grading: {named_only: partial}")
        #expect(strict.concepts.filter(\.isNamedOnly).count == 3)
        #expect(strict.concepts.filter(\.matched).allSatisfy { $0.credit == Explanation.namedOnlyCredit })
        #expect(short.concepts.filter(\.matched).count == 3)
        #expect(short.concepts.filter(\.matched).allSatisfy { $0.credit == 1 && !$0.isNamedOnly })
        #expect(short.score > strict.score)
        #expect(explicit.score == strict.score)
    }

    @Test("A value other than partial or full is an error at the value, with the nearest one")
    func badValue() throws {
        let file = FixtureBank.driftYAML + "\ngrading: {named_only: ful}\n"
        let lines = file.components(separatedBy: "\n")
        let errors = try FixtureBank(files: ["monitoring/drift.yaml": file]).diagnostics().errors
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.location.file.hasSuffix("monitoring/drift.yaml"))
        #expect(error.location.line == lines.firstIndex { $0.hasPrefix("grading:") }! + 1)
        #expect(error.location.column == "grading: {named_only: ".count + 1)
        #expect(
            error.message
                == "'named_only' in 'grading' of question 'drift' is 'ful'; did you mean 'full'? use partial (the default: a term named without an explanation earns 30% of its weight) or full (for one-line short answers)"
        )
    }

    @Test("An unknown key under grading is an error that lists the allowed one")
    func unknownKey() throws {
        let file = FixtureBank.driftYAML + "\ngrading: {name_only: full}\n"
        let error = try #require(try FixtureBank(files: ["monitoring/drift.yaml": file]).diagnostics().errors.first)
        #expect(error.message.contains("unknown key 'name_only'"))
        #expect(error.message.contains("did you mean 'named_only'?"))
    }
}
