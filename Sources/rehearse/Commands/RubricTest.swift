import ArgumentParser
import Foundation
import RehearseCore

struct RubricTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rubric's examples and check each scores as its author expects.",
        discussion: """
            Each example in a rubric file says its level (strong, partial, weak) and, optionally, the score range and the concepts it must miss or earn. Every question also needs a strong, a partial and a weak example, and its sample answer must score at least 80.

            Prints one line per failure (file:line, question, example, what went wrong), then the summary 'N passed, N failed'. Exits 1 when anything failed.

              rehearse rubric test
              rehearse rubric test Rubrics/deployment
              rehearse rubric test Rubrics/deployment/canary-vs-blue-green.yaml

            With --responses, measures instead how the rubrics agree with people who marked real answers: Pearson r, Spearman, the share of answer pairs put in the same order, the share in the same band and within one band, per question and overall, precision and recall per concept where the file labels concepts, and the worst disagreements with the evidence that fired or the concept that did not. The file is JSON Lines or CSV with the fields question, answer, mark (0-5 or 0-100) and optionally concepts (ids the marker found):

              {"question": "handle-data-drift", "answer": "I would retrain...", "mark": 2, "concepts": ["retraining"]}

              rehearse rubric test --responses marked.jsonl
              rehearse rubric test --responses marked.csv --all          # every response, Moodle-style
              rehearse rubric test --responses marked.jsonl --min-r 0.6  # exit 1 below r 0.6 (for CI)
              rehearse rubric test --responses marked.jsonl --format json
            """)

    @Argument(help: ArgumentHelp("Only the questions in this rubric file or folder.", valueName: "path"))
    var path: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Human-marked answers (JSON Lines or CSV) to measure agreement on.", valueName: "file"))
    var responses: String?

    @Option(
        name: .customLong("min-r"),
        help: ArgumentHelp("With --responses: exit 1 when Pearson r is below this.", valueName: "r"))
    var minR: Double?

    @Option(name: .long, help: ArgumentHelp("With --responses: how many worst disagreements to list.", valueName: "n"))
    var worst = 5

    @Flag(name: .long, help: "With --responses: list every response with the rules that fired.")
    var all = false

    @Option(name: .long, help: "With --responses: text or json.")
    var format: OutputFormat = .text

    @Flag(
        name: .shortAndLong,
        help: "Also print every sample and example answer with its score, to see how close each is to its range.")
    var verbose = false

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if responses == nil, minR != nil || all || format != .text {
            throw ValidationError("--min-r, --all and --format go with --responses FILE.")
        }
        if format == .markdown { throw ValidationError("--format is text or json.") }
    }

    func run() throws {
        try reportingErrors {
            let (root, scope) = try rubricOptions.bankAndScope(for: path)
            let bank = try rubricOptions.loadBank(from: root)
            if let responses { return try measureAgreement(responses, bank: bank) }
            let questions = bank.questions.filter { scope.contains($0.source.file) }
            let report = RubricTestRunner(grader: Grader(bank: bank)).run(questions)
            if verbose { for scored in report.scored { print(scored) } }
            for failure in report.failures { print(failure) }
            print(report.summary)
            if report.failed > 0 { throw ExitCode(ExitStatus.checkFailed) }
        }
    }

    private func measureAgreement(_ file: String, bank: Bank) throws {
        let text = String(
            decoding: try readInput(file, limit: BoundedFile.markedResponsesLimit, what: "a file of marked responses"),
            as: UTF8.self)
        let marked = try MarkedResponses.parse(text, file: file)
        let report = try AgreementReport.make(marked, bank: bank, grader: Grader(bank: bank), file: file)
        switch format {
        case .json: print(report.json(worst: worst), terminator: "")
        default: print(report.text(style: Terminal.style, worst: worst, showingAll: all), terminator: "")
        }
        if let minR, (report.overall.pearson ?? -1) < minR {
            Terminal.printError(
                "Pearson r \(AgreementReport.number(report.overall.pearson)) is below --min-r \(minR); the worst disagreements above show where the rubrics and the marks part."
            )
            throw ExitCode(ExitStatus.checkFailed)
        }
    }
}
