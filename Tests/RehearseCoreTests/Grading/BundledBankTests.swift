import Foundation
import Testing

@testable import RehearseCore

/// The bank that ships with rehearse, graded as a candidate would meet it.
@Suite("The bundled bank")
struct BundledBankTests {
    static let rubrics = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rubrics")

    @Test("Loads without errors")
    func loads() throws {
        let result = try BankLoader().loadReportingAll(from: Self.rubrics)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    }

    @Test("Every open question scores its strong examples above its weak ones and names what the weak ones miss")
    func strongAboveWeak() throws {
        let bank = try BankLoader().load(from: Self.rubrics)
        let grader = Grader(bank: bank)
        for question in bank.questions where question.kind != .multipleChoice {
            let strong = try question.examples.filter { $0.level == .strong }.map {
                try grader.grade($0.answer, for: question)
            }
            let weak = try question.examples.filter { $0.level == .weak }.map {
                try grader.grade($0.answer, for: question)
            }
            let sample = try grader.grade(question.sampleAnswer, for: question)
            #expect(!strong.isEmpty && !weak.isEmpty, "\(question.id) needs strong and weak examples")
            for weakGrade in weak {
                #expect(
                    sample.score > weakGrade.score, "\(question.id): sample \(sample.score) vs weak \(weakGrade.score)")
                for strongGrade in strong {
                    #expect(strongGrade.score > weakGrade.score, "\(question.id)")
                }
                #expect(!weakGrade.missing.isEmpty, "\(question.id): a weak answer must miss something")
            }
        }
    }
}
