import ArgumentParser
import RehearseCore

struct RubricExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why an answer scored as it did: evidence in place, patterns tried, the arithmetic.",
        discussion: """
            Prints the answer with each earned concept's words marked in place (coloured on a terminal, '[concept: words]' otherwise, '!' before a misconception), then every concept with the pattern that fired or the patterns that were tried, every misconception, and the score worked out line by line: weights earned, penalties, total weight, the division, the rounding.

            Reads the answer from --answer-file, or from standard input.

              rehearse rubric explain --question handle-data-drift --answer-file answer.txt
              echo "I would retrain" | rehearse rubric explain --question handle-data-drift
            """)

    @OptionGroup var answer: AnswerOptions

    func run() throws {
        try reportingErrors {
            let graded = try answer.grade()
            let explanation = GradeExplanation(grade: graded.grade, question: graded.question, answer: graded.answer)
            print(Terminal.wrapped(explanation.render(style: Terminal.style)), terminator: "")
        }
    }
}
