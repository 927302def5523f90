import ArgumentParser
import RehearseCore

/// The question to grade and where its answer comes from, shared by `grade` and `rubric explain`.
struct AnswerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The question id ('rehearse bank list' shows them).", valueName: "id"))
    var question: String

    @Option(
        name: .long,
        help: ArgumentHelp("A file holding the answer; '-' or none reads standard input.", valueName: "file"))
    var answerFile: String?

    @OptionGroup var rubricOptions: RubricOptions

    /// Loads the bank, finds the question, reads and grades the answer.
    func grade() throws -> (question: Question, answer: String, grade: Grade) {
        try Self.grade(question: question, answerFile: answerFile, rubricOptions: rubricOptions)
    }

    static func grade(
        question: String, answerFile: String?, rubricOptions: RubricOptions
    ) throws -> (question: Question, answer: String, grade: Grade) {
        let bank = try rubricOptions.loadBank()
        let question = try bank.question(id: question)
        if answerFile == nil, Terminal.stdinIsTerminal {
            try printOutput("Type the answer, then press Ctrl-D on a new line:")
        }
        let answer = try AnswerText.reading { try readInput(answerFile, limit: $0, what: "one answer") }
        return (question, answer, try Grader(bank: bank).grade(answer, for: question))
    }
}
