/// Multiple-choice options in an order of the session's own, so the correct answer's place (or its being
/// the first, or the longest) gives nothing away between sessions. Seeded by the plan's seed and the
/// question id: the same session shows the same order again when resumed.
public enum OptionShuffle {
    /// The question with its options shuffled and relabelled A, B, C… in the order shown (each keeps its
    /// text, correctness and explanation), and the bank letters in that order.
    public static func shuffled(_ question: Question, seed: UInt64) -> (question: Question, order: [String])? {
        guard question.kind == .multipleChoice, question.options.count > 1 else { return nil }
        var generator = SeededGenerator(seed: seed ^ fnv1a(question.id))
        let shown = generator.shuffle(question.options)
        var result = question
        result.options = zip(question.options.map(\.letter), shown).map { letter, option in
            ChoiceOption(letter: letter, text: option.text, correct: option.correct, why: option.why)
        }
        return (result, shown.map(\.letter))
    }

    /// The question as a transcript entry showed it: its recorded options in place of the bank's.
    public static func asShown(_ question: Question, options: [ChoiceOption]) -> Question {
        var result = question
        result.options = options
        return result
    }

    /// A hash that is the same on every machine and run (Swift's `Hasher` is seeded per process).
    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// Tells a multiple-choice answer that names one option from one that hedges between several ("A or
/// C", "C or maybe B"), which is asked again rather than graded by its first letter.
enum ChoiceAmbiguity {
    /// The distinct option letters standing alone in `line`; a lower-case "a" is read as the article.
    static func lettersNamed(in line: String, among letters: [String]) -> [String] {
        var found: [String] = []
        for word in line.split(whereSeparator: { !$0.isLetter }) where word.count == 1 {
            if word == "a" || word == "I" { continue }
            let upper = word.uppercased()
            if letters.contains(upper), !found.contains(upper) { found.append(upper) }
        }
        return found
    }

    static func isAmbiguous(_ line: String, among letters: [String]) -> Bool {
        lettersNamed(in: line, among: letters).count > 1
    }
}
