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

            With --responses, measures instead how the rubrics agree with people who marked real answers: Pearson r, Spearman, the share of answer pairs put in the same order, the share in the same band and within one band, per question and overall, precision and recall per concept where the file labels concepts, and the worst disagreements with the evidence that fired or the concept that did not. The file is JSON Lines or CSV with the fields question, answer, mark (0-5 or 0-100) and optionally concepts (ids the marker found) and kind (strong, partial, buzzword, wrong, negated, ...: the mean score and spread of each kind are reported):

              {"question": "handle-data-drift", "answer": "I would retrain...", "mark": 2, "concepts": ["retraining"]}

              rehearse rubric test --responses marked.jsonl
              rehearse rubric test --responses marked.csv --all          # every response, Moodle-style
              rehearse rubric test --responses marked.jsonl --min-r 0.6  # exit 1 below r 0.6 (for CI)
              rehearse rubric test --responses marked.jsonl --min-pairwise 0.8 --min-spearman 0.7
              rehearse rubric test --responses marked.jsonl --format json
              rehearse rubric test Rubrics/deployment --responses marked.jsonl   # only those questions
              rehearse rubric test --responses marked.csv --scale 5 --skip-bad-lines

            With --suggest, also proposes patterns for each concept: the words and phrases that answers the marker credited (a mark of 70% or more) use where the concept missed them, and low-marked answers (40% or less) use less, each as a whole-word pattern with what adding it would change in agreement, on that question's answers and over every answer (pairwise, Spearman, Pearson before → after); only patterns that bring the question's scores closer to the marks are shown. Offline and deterministic; nothing is written.

              rehearse rubric test --responses marked.jsonl --suggest

            Every bad line is listed with its number; --skip-bad-lines measures the rest. A concept label the question's rubric lacks is an error that names the nearest id.
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

    @Option(
        name: .customLong("min-spearman"),
        help: ArgumentHelp("With --responses: exit 1 when Spearman's rank correlation is below this.", valueName: "rho")
    )
    var minSpearman: Double?

    @Option(
        name: .customLong("min-pairwise"),
        help: ArgumentHelp(
            "With --responses: exit 1 when the share of answer pairs put in the marks' order is below this (0-1).",
            valueName: "share"))
    var minPairwise: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --responses: the marks' scale, 5 or 100. Default: 5 when every mark is 0-5, 100 when most are above 5; a file with mostly 0-5 marks and a few above is refused.",
            valueName: "top"))
    var scale: MarkScale?

    @Flag(
        name: .customLong("skip-bad-lines"),
        help: "With --responses: measure the lines that read, listing the others, instead of refusing the file.")
    var skipBadLines = false

    @Option(name: .long, help: ArgumentHelp("With --responses: how many worst disagreements to list.", valueName: "n"))
    var worst = 5

    @Flag(name: .long, help: "With --responses: list every response with the rules that fired.")
    var all = false

    @Flag(
        name: .long,
        help:
            "With --responses: propose, per concept, patterns from the words that credited answers the concept missed use and low-marked ones do not, each with the agreement before and after it. Nothing is changed."
    )
    var suggest = false

    @Option(name: .long, help: "With --responses: the output format.")
    var format: TextOrJSON = .text

    @Flag(
        name: .shortAndLong,
        help: "Also print every sample and example answer with its score, to see how close each is to its range.")
    var verbose = false

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if responses == nil,
            minR != nil || minSpearman != nil || minPairwise != nil || all || format != .text || scale != nil
                || skipBadLines || suggest
        {
            throw ValidationError(
                "--min-r, --min-spearman, --min-pairwise, --all, --format, --scale, --skip-bad-lines and --suggest go with --responses FILE."
            )
        }
        if suggest, format == .json { throw ValidationError("--suggest prints text; leave out --format json.") }
    }

    func run() throws {
        try reportingErrors {
            let (root, scope) = try rubricOptions.bankAndScope(for: path)
            let bank = try rubricOptions.loadBank(from: root)
            if let responses { return try measureAgreement(responses, bank: bank, scope: scope) }
            let questions = bank.questions.filter { scope.contains($0.source.file) }
            let report = RubricTestRunner(grader: Grader(bank: bank), bank: bank.questions).run(questions)
            if verbose { for scored in report.scored { try printOutput("\(scored)") } }
            for failure in report.failures { try printOutput("\(failure)") }
            for warning in report.warnings { Terminal.printWarning(warning.description) }
            try printOutput(report.summary)
            if report.failed > 0 { throw ExitCode(ExitStatus.checkFailed) }
        }
    }

    private func printSuggestions(for report: AgreementReport, bank: Bank) throws {
        let suggestions = PatternSuggester(bank: bank).suggestions(for: report)
        guard !suggestions.isEmpty else {
            try printOutput(
                "\nNo pattern to suggest: no pattern from the answers the marker credited brings a question's scores closer to the marks."
            )
            return
        }
        try printOutput("\nSuggested patterns (nothing is changed: add one to the concept's patterns to accept it):")
        for suggestion in suggestions { try printOutput(suggestion.text) }
    }

    /// With a PATH, only the responses to the questions inside it.
    private func measureAgreement(_ file: String, bank: Bank, scope: PathScope) throws {
        // The file's text goes out of scope once parsed, before the answers are graded.
        let parsed = try {
            let bytes = try readInput(
                file, limit: BoundedFile.markedResponsesLimit, what: "a file of marked responses")
            let text = String(decoding: bytes, as: UTF8.self)
            return try MarkedResponses.parseReporting(text, file: file, scale: scale, skipBadLines: skipBadLines)
        }()
        for skipped in parsed.skipped { Terminal.printWarning("\(file):\(skipped.line): skipped: \(skipped.problem)") }
        let inScope = Set(bank.questions.filter { scope.contains($0.source.file) }.map(\.id))
        let known = Set(bank.questions.map(\.id))
        // A response to a question the bank lacks is still reported; one outside PATH is left out.
        let marked = parsed.responses.filter { inScope.contains($0.questionID) || !known.contains($0.questionID) }
        guard !marked.isEmpty else { throw AgreementError.empty(file: file) }
        let report = try AgreementReport.make(marked, bank: bank, grader: Grader(bank: bank), file: file)
        switch format {
        case .json: try printOutput(report.json(worst: worst), terminator: "")
        case .text: try printOutput(report.text(style: Terminal.style, worst: worst, showingAll: all), terminator: "")
        }
        if suggest { try printSuggestions(for: report, bank: bank) }
        let floors: [(name: String, option: String, value: Double?, floor: Double?)] = [
            ("Pearson r", "--min-r", report.overall.pearson, minR),
            ("Spearman", "--min-spearman", report.overall.spearman, minSpearman),
            ("Pairwise order", "--min-pairwise", report.overall.pairwiseOrder, minPairwise),
        ]
        let below = floors.filter { $0.floor != nil && ($0.value ?? -1) < $0.floor! }
        for measure in below {
            Terminal.printError(
                "\(measure.name) \(AgreementReport.number(measure.value)) is below \(measure.option) \(measure.floor!); the worst disagreements above show where the rubrics and the marks part."
            )
        }
        if !below.isEmpty { throw ExitCode(ExitStatus.checkFailed) }
    }
}
