import PCRE2

/// Grades answers against the bank's rubrics.
///
/// Holds PCRE2 scratch space, so it is not `Sendable`: make one per thread. Grading one answer runs
/// every pattern on the answer's UTF-8 bytes in place, with no copy of the answer per pattern.
public struct Grader {
    private let patterns: QuestionPatterns
    private let matcher: Matcher
    private let corrector: TypoCorrector

    private let checksExplanation: Bool
    private let prompts = PromptWords()

    /// `correctsTypos: false` grades every answer as written, and `checksExplanation: false` gives full
    /// credit to a bare mention: both only for measuring what each adds.
    public init(bank: Bank, limits: MatchLimits = .default, correctsTypos: Bool = true, checksExplanation: Bool = true)
    {
        self.patterns = QuestionPatterns(library: bank.patterns)
        self.matcher = Matcher(limits: limits)
        self.corrector = correctsTypos ? bank.typoCorrector : .disabled
        self.checksExplanation = checksExplanation
    }

    /// Grades `answer` on its own.
    public func grade(_ answer: String, for question: Question) throws(GradingError) -> Grade {
        try grade(answer, followUps: [], for: question)
    }

    /// Grades an answer together with the answers to its follow-ups: a concept first earned in a
    /// follow-up earns `Scoring.followUpCredit` of its weight. Evidence offsets count UTF-8 bytes of
    /// `GradedText.join(answer, followUps)`.
    public func grade(_ answer: String, followUps: [String], for question: Question) throws(GradingError) -> Grade {
        if question.kind == .multipleChoice { return gradeChoice(answer, for: question) }
        let text = GradedText.join(answer, followUps)
        let corrected = NormalizedAnswer(text, correcting: corrector)
        let exact = corrected.corrections.isEmpty ? corrected : NormalizedAnswer(text)
        var searches: [String: MentionSearch] = [:]
        var misconceptions: [MisconceptionResult] = []
        var lists: [Int: ConceptAssessment.ListShape] = [:]
        let questionPatterns = patterns.of(question)
        // Concepts that tolerate typos read the corrected text; the rest, and misconceptions (a guess at
        // what the candidate meant must never cost points), read the answer as written.
        try scanning(exact, answer: text, for: question) { scan throws(GradingError) in
            for (statement, list) in scan.statements.lists.enumerated() {
                lists[list, default: .init()].add(
                    words: scan.words(ofStatement: statement), commas: scan.commas(ofStatement: statement),
                    hasClause: scan.hasClause(statement: statement))
            }
            for (misconception, compiled) in zip(question.rubric.misconceptions, questionPatterns.misconceptions) {
                let found = try scan.search(
                    misconception.patterns, compiled: compiled, owner: "misconception '\(misconception.id)'",
                    claim: .misconception)
                if let mention = found.affirmed.first {
                    misconceptions.append(
                        MisconceptionResult(
                            id: misconception.id, label: misconception.label, penalty: misconception.penalty,
                            evidence: mention.evidence, why: misconception.why))
                }
            }
            for (concept, compiled) in zip(question.rubric.concepts, questionPatterns.concepts)
            where corrected.corrections.isEmpty || !concept.concept.toleratesTypos {
                searches[concept.id] = try scan.search(
                    concept.concept.patterns, compiled: compiled, owner: "concept '\(concept.id)'", claim: .concept)
            }
        }
        if !corrected.corrections.isEmpty {
            try scanning(corrected, answer: text, for: question) { scan throws(GradingError) in
                for (concept, compiled) in zip(question.rubric.concepts, questionPatterns.concepts)
                where concept.concept.toleratesTypos {
                    searches[concept.id] = try scan.search(
                        concept.concept.patterns, compiled: compiled, owner: "concept '\(concept.id)'",
                        claim: .concept)
                }
            }
        }
        let assessment = ConceptAssessment(
            searches: searches, lists: lists, checksExplanation: checksExplanation,
            namedOnlyCredit: question.rubric.namedOnlyCredit, followUpStart: followUps.isEmpty ? nil : answer.utf8.count
        )
        let contradicted = Dictionary(
            question.rubric.misconceptions.filter { fired in misconceptions.contains { $0.id == fired.id } }
                .flatMap { misconception in misconception.contradicts.map { ($0, misconception.id) } },
            uniquingKeysWith: { first, _ in first })
        let concepts = question.rubric.concepts.map { concept in
            assessment.result(for: concept, contradictedBy: contradicted[concept.id])
        }
        let breakdown = Scoring.breakdown(
            concepts: concepts, misconceptions: misconceptions, curve: question.rubric.curve)
        let missing = concepts.filter { !$0.matched }.sorted { $0.required && !$1.required }.map(\.id)
        return Grade(
            questionID: question.id, score: breakdown.score, band: Band(score: breakdown.score), concepts: concepts,
            missing: missing, misconceptions: misconceptions,
            signals: AnswerSignals.detect(
                in: answer, promptWords: prompts.of(question.prompt).content),
            choice: nil, breakdown: breakdown, caveats: GradeCaveats.find(in: concepts, breakdown: breakdown))
    }

    private func scanning(
        _ normalized: NormalizedAnswer, answer: String, for question: Question,
        _ body: (AnswerScan) throws(GradingError) -> Void
    ) throws(GradingError) {
        var text = normalized.text
        // `withUTF8` rethrows untyped errors, so carry the typed one out in a Result.
        let result = text.withUTF8 { bytes in
            Result { () throws(GradingError) in
                try body(
                    AnswerScan(
                        bytes: bytes, normalized: normalized, original: answer, question: question,
                        promptStems: prompts.of(question.prompt).stems, matcher: matcher))
            }
        }
        try result.get()
    }

    private func gradeChoice(_ answer: String, for question: Question) -> Grade {
        let letters = question.options.map(\.letter)
        let chosen = ChoiceParser.letter(in: answer, among: letters)
        let correct = question.correctOption?.letter ?? ""
        let score = chosen == correct ? 100 : 0
        return Grade(
            questionID: question.id, score: score, band: Band(score: score), concepts: [], missing: [],
            misconceptions: [], signals: chosen == nil ? [.noOptionChosen] : [],
            choice: ChoiceResult(chosen: chosen, correct: correct), breakdown: nil, caveats: nil)
    }
}

/// Reads the option letter out of a multiple-choice answer: "C", "c)", "(b)", "Answer: B", "option d".
enum ChoiceParser {
    static let cueWords: Set<String> = ["OPTION", "ANSWER", "CHOICE", "PICK", "CHOOSE", "LETTER"]

    static func letter(in answer: String, among letters: [String]) -> String? {
        let original = answer.split { !$0.isLetter }.map(String.init)
        let upper = original.map { $0.uppercased() }
        // A bare letter: "c", "(B)", "D."
        if upper.count == 1, letters.contains(upper[0]) { return upper[0] }
        // A letter after a cue word: "the answer is b", "option C".
        for (index, word) in upper.enumerated() where cueWords.contains(word) {
            if let letter = upper[(index + 1)...].prefix(2).first(where: { $0.count == 1 && letters.contains($0) }) {
                return letter
            }
        }
        // Otherwise a capital letter standing alone; "a" in lower case is an article.
        return original.first { $0.count == 1 && $0 == $0.uppercased() && letters.contains($0) && $0 != "I" }
    }
}

/// The words and stems of each prompt a grader has met, for the "repeats the question" signal and the
/// named-only rule (a mention made only of the question's own words): worked out once per prompt, the
/// first time one of its answers is graded, so grading one answer does not pay for every prompt of the
/// bank. Owned by one `Grader`, which is used on one thread.
private final class PromptWords {
    struct Entry {
        var content: Set<String>
        var stems: Set<String>
    }

    private var known: [String: Entry] = [:]

    func of(_ prompt: String) -> Entry {
        if let words = known[prompt] { return words }
        let words = Entry(content: Set(Words.content(of: Words.of(prompt))), stems: Words.stems(of: prompt))
        known[prompt] = words
        return words
    }
}
