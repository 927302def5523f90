import ArgumentParser
import Foundation
import RehearseCore

struct RubricExplain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why an answer scored as it did: evidence in place, patterns tried, the arithmetic.",
        discussion: """
            Prints the answer with each earned concept's words marked in place (coloured on a terminal, '[concept: words]' otherwise, '!' before a misconception), then every concept with the pattern that fired or the patterns that were tried, every misconception, the score worked out line by line (weights earned, penalties, total weight, the division, the rounding), and the file:line:column where each pattern of the question is written.

            Reads the answer from --answer-file, from standard input, or, with --example N, takes the question's own Nth example. --format json prints the grade, the answer and the pattern sites for scripts.

              rehearse rubric explain --question handle-data-drift --answer-file answer.txt
              echo "I would retrain" | rehearse rubric explain --question handle-data-drift
              rehearse rubric explain --question handle-data-drift --example 2
              rehearse rubric explain --question handle-data-drift --example 1 --format json
            """)

    @Option(name: .long, help: ArgumentHelp("The question id ('rehearse bank list' shows them).", valueName: "id"))
    var question: String

    @Option(
        name: .long,
        help: ArgumentHelp("A file holding the answer; '-' or none reads standard input.", valueName: "file"))
    var answerFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Explain the question's own Nth example (1 is the first) instead of an answer.", valueName: "n"))
    var example: Int?

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if example != nil, answerFile != nil { throw ValidationError("give --example N or --answer-file, not both.") }
        if let example, example < 1 { throw ValidationError("--example counts from 1.") }
    }

    func run() throws {
        try reportingErrors {
            let (bank, sites) = try rubricOptions.loadBankAndSites()
            let question = try bank.question(id: question)
            let answer = try answerText(for: question)
            let grade = try Grader(bank: bank).grade(answer, for: question)
            var definitions = PatternDefinitions(question: question, sites: sites)
            for index in definitions.definitions.indices {
                let file = definitions.definitions[index].file
                definitions.definitions[index].file = Terminal.displayPath(URL(fileURLWithPath: file))
            }
            switch format {
            case .json:
                try printOutput(
                    JSONOutput.encode(
                        Shape(
                            answer: answer, grade: grade, grading: question.rubric.grading,
                            patterns: definitions.definitions)),
                    terminator: "")
            case .text:
                let explanation = GradeExplanation(grade: grade, question: question, answer: answer)
                let sites = definitions.render(style: Terminal.style)
                let text = explanation.render(style: Terminal.style) + (sites.isEmpty ? "" : "\n" + sites)
                try printOutput(Terminal.wrapped(text), terminator: "")
            }
        }
    }

    private struct Shape: Encodable {
        var answer: String
        var grade: Grade
        var grading: GradingRules
        var patterns: [PatternDefinitions.Definition]
    }

    private func answerText(for question: Question) throws -> String {
        if let example {
            guard example <= question.examples.count else {
                throw ValidationError(
                    "question '\(question.id)' has \(question.examples.count) example\(question.examples.count == 1 ? "" : "s"); --example is 1 to \(question.examples.count)."
                )
            }
            return question.examples[example - 1].answer
        }
        if answerFile == nil, Terminal.stdinIsTerminal {
            try printOutput("Type the answer, then press Ctrl-D on a new line:")
        }
        return try AnswerText.reading { try readInput(answerFile, limit: $0, what: "one answer") }
    }
}
