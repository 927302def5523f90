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

            Prints one line per failure (file:line, question, example, what went wrong), then
            'N passed, N failed'. Exits 1 when anything failed.

              rehearse rubric test
              rehearse rubric test Rubrics/deployment
              rehearse rubric test Rubrics/deployment/canary-vs-blue-green.yaml
            """)

    @Argument(help: ArgumentHelp("Only the questions in this rubric file or folder.", valueName: "path"))
    var path: String?

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let questions = try select(bank.questions)
            let report = RubricTestRunner(grader: Grader(bank: bank)).run(questions)
            for failure in report.failures { print(failure) }
            print(report.summary)
            if report.failed > 0 { throw ExitCode(ExitStatus.checkFailed) }
        }
    }

    private func select(_ questions: [Question]) throws -> [Question] {
        guard let path else { return questions }
        let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: wanted) else { throw InputError.missingFile(path) }
        return questions.filter { question in
            let file = URL(fileURLWithPath: question.source.file).standardizedFileURL.path
            return file == wanted || file.hasPrefix(wanted + "/")
        }
    }
}
