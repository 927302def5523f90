import Foundation

/// Answers derived from a rubric that a candidate could bluff with, and that must score low: the
/// rubric's own key terms as a list, its sample answer with the required points turned down, the
/// prompt read back, and another question's sample answer. `rubric test` grades them, so no coach
/// writes these by hand.
public struct RubricMutation: Sendable, Hashable {
    public var name: String
    public var answer: String

    /// The most any mutation may score.
    public static let maximumScore = 25

    /// `sampleGrade` is the grade of the question's own sample answer; `others` are the bank's questions.
    /// `grading` regrades a mutated answer, to find a required point mentioned again elsewhere.
    public static func all(
        for question: Question, sampleGrade: Grade, others: [Question], grading: (String) -> Grade?
    ) -> [RubricMutation] {
        let terms = sampleGrade.concepts.compactMap { $0.matched ? $0.evidence.flatMap { keyTerm($0.quote) } : nil }
        var mutations: [RubricMutation] = []
        // A rubric that gives a bare mention full credit (`named_only: full`) accepts a list of its
        // terms by design, so the list bluffs would only test that choice.
        if terms.count >= 3, question.rubric.namedOnly != .full {
            let list = terms.dropLast().joined(separator: ", ") + " and " + terms.last!
            mutations += [
                RubricMutation(name: "key terms as a bare list", answer: list + "."),
                RubricMutation(name: "key terms after 'We use'", answer: "We use " + list + "."),
                RubricMutation(name: "key terms as bullets", answer: terms.map { "- " + $0 }.joined(separator: "\n")),
            ]
        }
        // Under `negation: ignored` a refusal earns what it names by design, as a list does above.
        if question.rubric.negationTurnsConceptsDown,
            let negated = negatingRequiredPoints(of: question.sampleAnswer, grade: sampleGrade, grading: grading)
        {
            mutations.append(
                RubricMutation(name: "sample answer with its required points turned down", answer: negated))
        }
        mutations.append(RubricMutation(name: "the prompt read back", answer: question.prompt))
        if let other = offTopic(for: question, among: others) {
            mutations.append(
                RubricMutation(name: "the sample answer of '\(other.id)' (off-topic)", answer: other.sampleAnswer))
        }
        return mutations
    }

    /// The words of a quote that name the idea: up to three, without the small words and the relations
    /// ("on each pull request" → "pull request") that would say something about it.
    static func keyTerm(_ quote: String) -> String? {
        let words = quote.split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "/" }.map(String.init)
            .filter { word in
                let lower = word.lowercased()
                return !Words.stopWords.contains(lower) && !Explanation.relationWords.contains(lower)
                    && !lower.contains(where: \.isNumber)
            }
        return words.isEmpty ? nil : words.prefix(3).joined(separator: " ")
    }

    /// The sample answer with every sentence that earns a required concept replaced by a refusal of it,
    /// repeated while a required concept is still earned somewhere else.
    static func negatingRequiredPoints(of sample: String, grade: Grade, grading: (String) -> Grade?) -> String? {
        guard grade.concepts.contains(where: { $0.required && $0.matched }) else { return nil }
        var answer = sample
        var current = grade
        for _ in 0..<5 {
            let required = current.concepts.filter { $0.required && $0.matched }.compactMap(\.evidence)
            guard !required.isEmpty else { break }
            answer = refusing(required, in: answer)
            guard let next = grading(answer) else { break }
            current = next
        }
        return answer
    }

    private static func refusing(_ required: [Evidence], in sample: String) -> String {
        let bytes = Array(sample.utf8)
        var sentences: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated()
        where [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(byte) {
            if index + 1 == bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A {
                sentences.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < bytes.count { sentences.append(start..<bytes.count) }
        let parts = sentences.map { sentence -> String in
            let quotes = required.filter { sentence.contains($0.start) }.map(\.quote.collapsingWhitespace)
            guard !quotes.isEmpty else { return String(decoding: bytes[sentence], as: UTF8.self) }
            return " I wouldn't bother with " + quotes.joined(separator: " or ") + "; it is unnecessary."
        }
        return parts.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The question in another domain whose rubric shares the fewest concepts with this one.
    static func offTopic(for question: Question, among others: [Question]) -> Question? {
        let own = Set(question.rubric.concepts.map(\.id))
        return others.filter { $0.domain != question.domain && $0.kind != .multipleChoice }
            .min { shared($0, own) < shared($1, own) || (shared($0, own) == shared($1, own) && $0.id < $1.id) }
    }

    private static func shared(_ question: Question, _ concepts: Set<String>) -> Int {
        question.rubric.concepts.filter { concepts.contains($0.id) }.count
    }
}
