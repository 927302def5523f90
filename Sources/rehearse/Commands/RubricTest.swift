import ArgumentParser
import Foundation
import RehearseCore

struct RubricTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rubric's examples and check each scores as its author expects.",
        discussion: """
            Each example in a rubric file says its level (strong, partial, weak) and, optionally, the
            score range and the concepts it must miss or earn. Every question also needs a strong, a
            partial and a weak example, and its sample answer must score at least 80.

            Prints one line per failure (file:line, question, example, what went wrong), then the
            summary 'N passed, N failed'. Exits 1 when anything failed.

              rehearse rubric test
              rehearse rubric test Rubrics/deployment
              rehearse rubric test Rubrics/deployment/canary-vs-blue-green.yaml
            """)

    @Argument(help: ArgumentHelp("Only the questions in this rubric file or folder.", valueName: "path"))
    var path: String?

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        try reportingErrors {
            let (root, scope) = try rubricOptions.bankAndScope(for: path)
            let bank = try rubricOptions.loadBank(from: root)
            let questions = bank.questions.filter { scope.contains($0.source.file) }
            let report = RubricTestRunner(grader: Grader(bank: bank)).run(questions)
            for failure in report.failures { print(failure) }
            print(report.summary)
            if report.failed > 0 { throw ExitCode(ExitStatus.checkFailed) }
        }
    }
}
