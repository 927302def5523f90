import PCRE2

/// Grades answers against the bank's rubrics.
///
/// Holds PCRE2 scratch space, so it is not `Sendable`: make one per thread. Grading one answer runs
/// every pattern on the answer's UTF-8 bytes in place, with no copy of the answer per pattern.
public struct Grader {
    private let patterns: PatternLibrary
    private let matcher: Matcher
    private let corrector: TypoCorrector

    private let checksExplanation: Bool
    /// Each bank question's prompt words, for the "repeats the question" signal: computed once, not per answer.
    private let promptWords: [String: Set<String>]

    /// `correctsTypos: false` grades every answer as written, and `checksExplanation: false` gives full
    /// credit to a bare mention: both only for measuring what each adds.
    public init(bank: Bank, limits: MatchLimits = .default, correctsTypos: Bool = true, checksExplanation: Bool = true)
    {
        self.patterns = bank.patterns
        self.matcher = Matcher(limits: limits)
        self.corrector = correctsTypos ? bank.typoCorrector : .disabled
        self.checksExplanation = checksExplanation
        self.promptWords = Dictionary(
            uniqueKeysWithValues: bank.questions.map { ($0.id, Self.contentWords(of: $0.prompt)) })
    }

    private static func contentWords(of prompt: String) -> Set<String> { Set(Words.content(of: Words.of(prompt))) }

    /// Grades `answer` (for a follow-up, the first answer and the follow-up answer together).
    public func grade(_ answer: String, for question: Question) throws(GradingError) -> Grade {
        if question.kind == .multipleChoice { return gradeChoice(answer, for: question) }
        let corrected = NormalizedAnswer(answer, correcting: corrector)
        let exact = corrected.corrections.isEmpty ? corrected : NormalizedAnswer(answer)
        let originalBytes = Array(answer.utf8)
        var concepts: [ConceptResult] = []
        var misconceptions: [MisconceptionResult] = []
        // Concepts that tolerate typos read the corrected text; the rest, and misconceptions (a guess at
        // what the candidate meant must never cost points), read the answer as written.
        try scanning(exact, answer: answer, originalBytes: originalBytes, for: question) { scan throws(GradingError) in
            for misconception in question.rubric.misconceptions {
                if let found = try scan.result(for: misconception) { misconceptions.append(found) }
            }
            if corrected.corrections.isEmpty {
                for concept in question.rubric.concepts { concepts.append(try scan.result(for: concept)) }
            } else {
                for concept in question.rubric.concepts where !concept.concept.toleratesTypos {
                    concepts.append(try scan.result(for: concept))
                }
            }
        }
        if !corrected.corrections.isEmpty {
            try scanning(corrected, answer: answer, originalBytes: originalBytes, for: question) {
                scan throws(GradingError) in
                for concept in question.rubric.concepts where concept.concept.toleratesTypos {
                    concepts.append(try scan.result(for: concept))
                }
            }
            let order = question.rubric.concepts.map(\.id)
            concepts.sort { order.firstIndex(of: $0.id)! < order.firstIndex(of: $1.id)! }
        }
        let score = Scoring.score(concepts: concepts, misconceptions: misconceptions, curve: question.rubric.curve)
        let missing = concepts.filter { !$0.matched }.sorted { $0.required && !$1.required }.map(\.id)
        return Grade(
            questionID: question.id, score: score, band: Band(score: score), concepts: concepts,
            missing: missing, misconceptions: misconceptions,
            signals: AnswerSignals.detect(
                in: answer, promptWords: promptWords[question.id] ?? Self.contentWords(of: question.prompt)),
            choice: nil)
    }

    private func scanning(
        _ normalized: NormalizedAnswer, answer: String, originalBytes: [UInt8], for question: Question,
        _ body: (AnswerScan) throws(GradingError) -> Void
    ) throws(GradingError) {
        var text = normalized.text
        // `withUTF8` rethrows untyped errors, so carry the typed one out in a Result.
        let result = text.withUTF8 { bytes in
            Result { () throws(GradingError) in
                try body(
                    AnswerScan(
                        bytes: bytes, normalized: normalized, original: answer, originalBytes: originalBytes,
                        question: question, patterns: patterns, matcher: matcher, checksExplanation: checksExplanation,
                        textIsASCII: !bytes.contains { $0 >= 0x80 }))
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
            choice: ChoiceResult(chosen: chosen, correct: correct))
    }
}

/// The exact scoring rule, documented in Rubrics/README.md.
public enum Scoring {
    /// 100 × curve((Σ weight × credit − Σ penalties) ÷ Σ weight), rounded; the share is clamped to 0…1
    /// and the curve is the identity (linear) or the square root.
    public static func score(
        concepts: [ConceptResult], misconceptions: [MisconceptionResult], curve: ScoringCurve = .linear
    ) -> Int {
        let total = concepts.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let earned = concepts.reduce(0) { $0 + $1.weight * $1.credit }
        let penalties = misconceptions.reduce(0) { $0 + $1.penalty }
        let share = min(1, max(0, (earned - penalties) / total))
        let curved = curve == .sqrt ? share.squareRoot() : share
        return Int((100 * curved).rounded())
    }
}

/// One answer's bytes, matched against one question's patterns.
private struct AnswerScan {
    let bytes: UnsafeBufferPointer<UInt8>
    let normalized: NormalizedAnswer
    let original: String
    let originalBytes: [UInt8]
    let question: Question
    let patterns: PatternLibrary
    let matcher: Matcher
    let checksExplanation: Bool
    /// Lets PCRE2 run each pattern's faster ASCII form; decided once per answer.
    let textIsASCII: Bool

    func result(for rubricConcept: RubricConcept) throws(GradingError) -> ConceptResult {
        let concept = rubricConcept.concept
        let found = try firstMention(
            of: concept.patterns, owner: "concept '\(concept.id)'", preferExplained: checksExplanation)
        let credit = found.affirmed == nil ? 0 : (found.explained ? 1 : Explanation.namedOnlyCredit)
        return ConceptResult(
            id: concept.id, label: concept.label, weight: rubricConcept.weight, required: rubricConcept.required,
            matched: found.affirmed != nil, credit: credit, evidence: found.affirmed,
            negatedMention: found.affirmed == nil ? found.negated : nil, why: concept.why, followUp: concept.followUp,
            namedOnly: found.affirmed != nil && !found.explained ? true : nil)
    }

    func result(for misconception: Misconception) throws(GradingError) -> MisconceptionResult? {
        let found = try firstMention(
            of: misconception.patterns, owner: "misconception '\(misconception.id)'", preferExplained: false)
        guard let evidence = found.affirmed else { return nil }
        return MisconceptionResult(
            id: misconception.id, label: misconception.label, penalty: misconception.penalty, evidence: evidence,
            why: misconception.why)
    }

    private func nextMatch(of pattern: Pattern, from start: Int, owner: String) throws(GradingError) -> Range<Int>? {
        do {
            return try matcher.firstMatch(of: pattern, in: bytes, from: start, textIsASCII: textIsASCII)
        } catch {
            switch error {
            case .matchLimitExceeded, .depthLimitExceeded:
                throw .patternTooExpensive(question: question.id, owner: owner, pattern: pattern.source)
            default:
                throw .matchFailed(question: question.id, error)
            }
        }
    }

    /// The first match, in pattern order, that is not negated (with `preferExplained`, the first whose
    /// sentence explains it, else the first bare mention); and the first negated one, if any.
    private func firstMention(
        of sources: [String], owner: String, preferExplained: Bool
    ) throws(GradingError) -> (affirmed: Evidence?, explained: Bool, negated: Evidence?) {
        var negated: Evidence?
        var namedOnly: Evidence?
        for source in sources {
            guard let pattern = patterns[source] else {
                throw .patternNotCompiled(question: question.id, pattern: source)
            }
            var start = 0
            while let range = try nextMatch(of: pattern, from: start, owner: owner) {
                let originalRange = normalized.originalRange(of: range)
                var evidence = EvidenceQuote.make(
                    range, in: bytes, original: originalRange, of: original, pattern: source)
                let corrections = normalized.corrections(within: originalRange)
                if !corrections.isEmpty { evidence.corrections = corrections }
                if Negation.isNegated(before: range.lowerBound, in: bytes) {
                    negated = negated ?? evidence
                } else if !preferExplained || Explanation.isExplained(originalRange, in: originalBytes) {
                    return (evidence, true, nil)
                } else {
                    namedOnly = namedOnly ?? evidence
                }
                // The loader rejects patterns that match the empty string, so a match always advances.
                guard !range.isEmpty, range.upperBound < bytes.count else { break }
                start = range.upperBound
            }
        }
        return (namedOnly, false, namedOnly == nil ? negated : nil)
    }
}

/// Cuts the quote and its context out of the answer's bytes, on character boundaries.
enum EvidenceQuote {
    static let contextBytes = 40

    /// `range` is in the normalised `bytes`; `originalRange` is where the same words stand in `original`.
    static func make(
        _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, original originalRange: Range<Int>,
        of original: String, pattern: String
    ) -> Evidence {
        var lower = max(0, range.lowerBound - contextBytes)
        var upper = min(bytes.count, range.upperBound + contextBytes)
        // Widen to whole words so the context does not start or end mid-word.
        while lower > 0, !isSpace(bytes[lower - 1]), range.lowerBound - lower < contextBytes + 20 { lower -= 1 }
        while upper < bytes.count, !isSpace(bytes[upper]), upper - range.upperBound < contextBytes + 20 { upper += 1 }
        lower = characterStart(lower, in: bytes)
        upper = characterStart(upper, in: bytes)
        let utf8 = original.utf8
        let quote =
            String(
                utf8[
                    utf8.index(
                        utf8.startIndex, offsetBy: originalRange.lowerBound)..<utf8.index(
                            utf8.startIndex, offsetBy: originalRange.upperBound)]) ?? ""
        let context = (lower > 0 ? "…" : "") + text(bytes, lower..<upper) + (upper < bytes.count ? "…" : "")
        return Evidence(
            quote: quote, context: context, start: originalRange.lowerBound, end: originalRange.upperBound,
            pattern: pattern)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private static func characterStart(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = offset
        while offset > 0, offset < bytes.count, bytes[offset] & 0b1100_0000 == 0b1000_0000 { offset -= 1 }
        return offset
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension String {
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
