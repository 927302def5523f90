import ArgumentParser
import RehearseCore

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade one answer against a question's rubric.",
        discussion: """
            Reads the answer from --answer-file, or from standard input. For a multiple-choice question,
            the answer is the option letter.

              rehearse grade --question handle-data-drift --answer-file answer.txt
              echo "I would retrain on recent data" | rehearse grade --question handle-data-drift --format json
            """)

    @Option(name: .long, help: ArgumentHelp("The question id ('rehearse bank list' shows them).", valueName: "id"))
    var question: String

    @Option(name: .long, help: ArgumentHelp("A file holding the answer; '-' or none reads standard input.", valueName: "file"))
    var answerFile: String?

    @OptionGroup var format: FormatOption
    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let question = try bank.question(id: question)
            if answerFile == nil, Terminal.stdinIsTerminal {
                print("Type your answer, then press Ctrl-D on a new line:")
            }
            let answer = try AnswerText.decode(try readInput(answerFile))
            let grade = try Grader(bank: bank).grade(answer, for: question)
            print(GradeReport(grade: grade, question: question).render(format.format, style: Terminal.style), terminator: "")
        }
    }
}
