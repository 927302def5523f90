import Foundation
import RehearseCore

/// Grades the bank's sample and example answers, and a few hundred real student answers against every
/// open question, 25 times, and prints the best of five runs. The same loop, built against the commit
/// before typo tolerance and the explanation check, gives the ratio reported for them.
func measureThroughput(rubrics: URL, answers: [String]) throws {
    let bank = try BankLoader().load(from: rubrics)
    var work: [(String, Question)] = []
    for question in bank.questions where question.kind != .multipleChoice {
        work.append((question.sampleAnswer, question))
        work += question.examples.map { ($0.answer, question) }
        work += answers.map { ($0, question) }
    }
    let grader = Grader(bank: bank)
    var checksum = 0
    for (answer, question) in work { checksum &+= try grader.grade(answer, for: question).score }
    var best = Duration.seconds(1_000)
    for _ in 0..<5 {
        let started = ContinuousClock.now
        for _ in 0..<5 {
            for (answer, question) in work { checksum &+= try grader.grade(answer, for: question).score }
        }
        best = min(best, ContinuousClock.now - started)
    }
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
    print(
        "\(work.count * 5) answers in \(String(format: "%.3f", seconds)) s: \(Int(Double(work.count * 5) / seconds)) answers/s (checksum \(checksum))"
    )
}
