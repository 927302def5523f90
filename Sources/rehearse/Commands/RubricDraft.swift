import ArgumentParser
import Foundation
import RehearseCore

struct RubricDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Print a draft rubric drafted from a sample answer, for a coach to refine.",
        discussion: """
            At most about a dozen concepts: first the shared concepts of Rubrics/concepts/ the sample answer already earns (as '- ref: ID'; for a behavioural question the STAR parts, star-situation to lesson-learned), then its key terms. A term is matched by its whole-word forms (\\b(?:retrain|retrained|retraining|retrains)\\b, never inside another word), by its group in Rubrics/synonyms.yaml (\\b{{rollback}}\\w* for 'roll back'), or as a phrase kept whole when other answers of the bank write the two words together ('root cause'). A small number matches in digits or in words ('1' or 'one'). Filler words are left out, and so are the words the question itself contains, except its main idea (the prompt's word the sample answer uses most). British spellings are folded into American ones and terms that are not everyday English weigh 2.

            The draft passes 'rehearse rubric lint' and 'rehearse rubric test' as printed: two misconceptions drafted from the key terms, and every example kind the test asks for (strong, partial, weak, wrong, negated, buzzword, and star-skeleton for a behavioural question), each checked to score in its range. The drafted examples are stand-ins: replace them with real answers. None is marked 'blind: true', since no one wrote them blind, so 'rubric test' warns until someone who never saw the rubric writes a strong one. Merge concepts that are one idea and write each 'why'.

            --style short-answer is for short factual questions answered in one line: it writes 'grading: {named_only: full, negation: ignored}' (a named term earns its whole weight, and no stance cue such as 'not', 'skip' or 'overkill' turns it down) and no negated example, keeps up to 30 terms matched with any ending, every word but the stop words among them ('once', numbers, 'N'), and scores on the sqrt curve. The default style, interview, keeps the strict named-only rule.

              rehearse rubric draft --question handle-data-drift
              rehearse rubric draft --sample-file answer.txt --prompt "Why version models?"
              rehearse rubric draft --sample-file story.txt --kind behavioural --prompt "Tell me about a conflict."
              rehearse rubric draft --sample-file answer.txt > Rubrics/deployment/new-question.yaml
              rehearse rubric draft --sample-file answer.txt --style short-answer --prompt "What is a variable?"
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --sample-file: the kind of question (technical, behavioural or multiple-choice; behavioral and mc are accepted). Default: technical, or the bank question's kind.",
            valueName: "kind"))
    var kind: QuestionKind?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "interview (the default: a term named without an explanation earns part credit) or short-answer (one-line answers to short factual questions: 'grading: {named_only: full, negation: ignored}', more terms, every word of them, each matched with any ending, on the sqrt curve).",
            valueName: "style"))
    var style: DraftStyle = .interview

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        if (question == nil) == (sampleFile == nil) {
            throw ValidationError("Give either --question ID or --sample-file FILE.")
        }
    }

    func run() throws {
        try reportingErrors {
            let bank = try rubricOptions.loadBank()
            let drafter = RubricDrafter(synonyms: bank.synonyms, options: style.options, bank: bank)
            var draft: RubricDraft
            if let question {
                let source = try bank.question(id: question)
                draft = drafter.draft(
                    id: source.id, domain: source.domain, kind: kind ?? source.kind, prompt: source.prompt,
                    sampleAnswer: source.sampleAnswer)
                draft.options = source.options
            } else {
                let sample = try AnswerText.decode(
                    try readInput(sampleFile, limit: AnswerText.maximumBytes, what: "a sample answer"))
                draft = drafter.draft(
                    id: id, domain: domain, kind: kind ?? .technical, prompt: prompt ?? "", sampleAnswer: sample)
            }
            if draft.kind == .multipleChoice, draft.options.isEmpty {
                throw ValidationError(
                    "A multiple-choice draft needs the question's options: draft one with --question ID, or start from 'rehearse rubric new --kind multiple-choice'."
                )
            }
            draft = DraftCompletion(bank: bank).complete(draft)
            try printOutput(draft.yaml(), terminator: "")
        }
    }
}

/// Which preset of the drafter's choices `rubric draft --style` uses.
enum DraftStyle: String, CaseIterable, ExpressibleByArgument {
    case interview
    case shortAnswer = "short-answer"

    var options: RubricDrafter.Options {
        switch self {
        case .interview: RubricDrafter.Options()
        case .shortAnswer: .shortAnswer
        }
    }
}
