import Foundation
import Testing

@testable import RehearseCore

@Suite("rubric explain")
struct GradeExplanationTests {
    static let misconception = TemporaryBank.question.replacingOccurrences(
        of: "examples:\n",
        with: #"""
            misconceptions:
              - id: rollback-cures-drift
                label: Thinks a rollback cures drift
                pattern: '\broll(ing)?[- ]?back\b.{0,40}\bfix\w*'
                penalty: 2
                why: The old model saw even older data.
            examples:

            """#)

    static func explain(_ answer: String, style: TextStyle = .plain) throws -> (Grade, String) {
        let bank = try TemporaryBank(questions: ["drift": misconception])
        let loaded = try BankLoader().load(from: bank.root)
        let question = try loaded.question(id: "drift")
        let grade = try Grader(bank: loaded).grade(answer, for: question)
        return (grade, GradeExplanation(grade: grade, question: question, answer: answer).render(style: style))
    }

    @Test(
        "The arithmetic ends in the grader's own score, clamping included",
        arguments: [
            "We compare the input distributions and retrain weekly.",
            "We compare the input distributions. Rolling back fixes it.",
            "I retrain it. Rolling back fixes drift.",
            "Rolling back fixes drift.",
            "Nothing.",
        ])
    func arithmeticMatchesScore(answer: String) throws {
        let (grade, text) = try Self.explain(answer)
        let lines = text.split(separator: "\n").map(String.init)
        // Following the printed arithmetic by hand must land on the score the grader gave: the curve
        // line shows the share the score was computed from and the result before rounding.
        let curveLine = try #require(lines.first { $0.hasPrefix("  curve ") })
        let result = try #require(Double(curveLine.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)))
        #expect(Int(result.rounded()) == grade.score)
        let shareLine = try #require(lines.first { $0.hasPrefix("  share ") })
        #expect(shareLine.hasSuffix("clamped to 0") == (grade.breakdown!.earnedWeight < grade.breakdown!.penaltyWeight))
        #expect(lines.contains { $0.hasPrefix("  rounded         \(grade.score)/100 (\(grade.band.rawValue), ") })
    }

    @Test("Evidence is marked at its byte offsets, after accented letters and curly quotes")
    func multibyteOffsets() throws {
        let (_, text) = try Self.explain("Déjà, on “compare” les distributions — puis on ré-entraîne: we retrain.")
        #expect(
            text.contains(
                "Déjà, on “[drift-detection: compare” les distributions] — puis on ré-entraîne: we [retrain: retrain].")
        )
    }

    @Test("On a terminal the evidence is coloured, not bracketed (golden file)")
    func colour() throws {
        let (_, text) = try Self.explain(
            "We compare the input distributions; rolling back fixes the rest.", style: TextStyle(usesColor: true))
        #expect(!text.contains("[drift-detection:"))
        try CoreSnapshot.expect(text, matches: "explain-colour.txt")
    }
}
