import ArgumentParser
import Foundation
import RehearseCore

struct RubricLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rubric files and report every problem, in the file:line:column form editors annotate.",
        discussion: """
            Reports, in one run: YAML syntax errors; unknown, missing or mistyped keys; invalid patterns (with the column of PCRE2's offset); patterns that match the empty string; duplicate ids; a 'ref' to no concept; patterns that hit PCRE2's match limit on a long adversarial input (catastrophic backtracking), which every command that loads the bank refuses too; control characters in patterns (a '\\b' in double quotes is a backspace); example score ranges no score can land in; placeholders 'rubric new' wrote (TODO); question files outside a domain folder; a concept that none of its question's strong examples earns; a sample answer that scores below 80; and, as warnings, a required concept that weighs less than an optional one, a misconception no example states, a shared concept no question uses, and a question concept that has a shared concept's id. Ends with a summary line.

            Exits 1 when there are errors, 0 when there are only warnings or nothing at all.

              rehearse rubric lint
              rehearse rubric lint Rubrics/deployment
              rehearse rubric lint Rubrics/deployment/canary-vs-blue-green.yaml
              rehearse rubric lint --rubrics ~/my-bank
              rehearse rubric lint --format json     # {"problems": [{file, line, column, severity, message}], ...}
            """)

    @Argument(
        help: ArgumentHelp(
            "Only report problems in this rubric file or folder. The bank is the nearest folder above it that holds bank.yaml.",
            valueName: "path"))
    var path: String?

    @Option(name: .long, help: "Output format.")
    var format: TextOrJSON = .text

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        try reportingErrors {
            let (root, scope) = try rubricOptions.bankAndScope(for: path)
            let report = try RubricLinter().lint(root, scope: scope)
            try printOutput(format == .json ? report.json() : report.render(), terminator: "")
            if report.hasErrors { throw ExitCode(ExitStatus.checkFailed) }
        }
    }
}
