import ArgumentParser
import Foundation
import RehearseCore

struct RubricDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Print a draft rubric drafted from a sample answer, for a coach to refine.",
        discussion: """
            One concept per key term of the sample answer, matched by its stem with any ending (\\bretrain\\w* for retraining) or by its group in Rubrics/synonyms.yaml (\\b{{deploy}}\\w*). Words the question itself contains are left out, British spellings are folded into American ones, terms that are not everyday English weigh 2, and the draft scores on the square-root curve (scoring: sqrt). Merge concepts that are one idea, write each 'why', and replace the examples before 'rehearse rubric test'.

              rehearse rubric draft --question handle-data-drift
              rehearse rubric draft --sample-file answer.txt --prompt "Why version models?"
              rehearse rubric draft --sample-file answer.txt > Rubrics/deployment/new-question.yaml
            """)

    @Option(
        name: .long, help: ArgumentHelp("Draft from this bank question's prompt and sample answer.", valueName: "id"))
    var question: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Draft from the sample answer in this file ('-' reads standard input).", valueName: "file"))
    var sampleFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp("With --sample-file: the question's prompt (its words are left out).", valueName: "text"))
    var prompt: String?

    @Option(name: .long, help: ArgumentHelp("With --sample-file: the new question's id.", valueName: "id"))
    var id = "new-question"

    @Option(
        name: .long, help: ArgumentHelp("With --sample-file: the domain folder it will live in.", valueName: "domain"))
    var domain = "general-mlops"

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if (question == nil) == (sampleFile == nil) {
            throw ValidationError("Give either --question ID or --sample-file FILE.")
        }
    }

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let drafter = RubricDrafter(synonyms: bank.synonyms)
            let draft: RubricDraft
            if let question {
                let source = try bank.question(id: question)
                draft = drafter.draft(
                    id: source.id, domain: source.domain, prompt: source.prompt, sampleAnswer: source.sampleAnswer)
            } else {
                let sample = try AnswerText.decode(
                    try readInput(sampleFile, limit: AnswerText.maximumBytes, what: "a sample answer"))
                draft = drafter.draft(id: id, domain: domain, prompt: prompt ?? "", sampleAnswer: sample)
            }
            print(draft.yaml(), terminator: "")
        }
    }
}
