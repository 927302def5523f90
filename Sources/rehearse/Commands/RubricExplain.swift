import ArgumentParser
import RehearseCore

struct RubricExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why an answer scored as it did: evidence in place, patterns tried, the arithmetic.",
        discussion: """
            Prints the answer with each earned concept's words marked in place (coloured on a
            terminal, '[concept: words]' otherwise, '!' before a misconception), then every concept with the
            pattern that fired or the patterns that were tried, every misconception, and the score
            worked out line by line: weights earned, penalties, total weight, the division, the rounding.

            Reads the answer from --answer-file, or from standard input.

              rehearse rubric explain --question handle-data-drift --answer-file answer.txt
              echo "I would compare the distributions and retrain" | rehearse rubric explain --question handle-data-drift
            """)

    @Option(name: .long, help: ArgumentHelp("The question id ('rehearse bank list' shows them).", valueName: "id"))
    var question: String

    @Option(name: .long, help: ArgumentHelp("A file holding the answer; '-' or none reads standard input.", valueName: "file"))
    var answerFile: String?

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let question = try bank.question(id: question)
            if answerFile == nil, Terminal.stdinIsTerminal {
                print("Type the answer, then press Ctrl-D on a new line:")
            }
            let answer = try AnswerText.decode(try readInput(answerFile))
            let grade = try Grader(bank: bank).grade(answer, for: question)
            print(GradeExplanation(grade: grade, question: question, answer: answer).render(style: Terminal.style), terminator: "")
        }
    }
}
