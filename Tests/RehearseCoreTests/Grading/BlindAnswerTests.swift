import Foundation
import Testing
import Yams

@testable import RehearseCore

/// Strong answers written from the prompts alone, by people who never saw the rubrics: the test of
/// whether the bank's patterns accept the many ways a good candidate says the same thing.
@Suite("Answers written blind")
struct BlindAnswerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/BlindAnswers")

    struct AnswerSet: Decodable {
        struct Answer: Decodable { var id: String; var answer: String }
        var answers: [Answer]
    }

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { $0.hasSuffix(".yaml") }
            .sorted()
    }

    @Test("Good answers in other words score solid or better, and strong on average", arguments: files)
    func generalises(file: String) throws {
        let bank = try BankLoader().load(from: BundledBankTests.rubrics)
        let grader = Grader(bank: bank)
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
        let set = try YAMLDecoder().decode(AnswerSet.self, from: text)
        var scores: [Int] = []
        for answer in set.answers {
            let question = try bank.question(id: answer.id)
            scores.append(try grader.grade(answer.answer, for: question).score)
        }
        let mean = Double(scores.reduce(0, +)) / Double(scores.count)
        let solid = scores.filter { $0 >= 60 }.count
        #expect(scores.count >= 50)
        #expect(mean >= 80, "mean \(mean)")
        #expect(Double(solid) >= 0.9 * Double(scores.count), "\(solid) of \(scores.count) at 60 or more")
    }
}
