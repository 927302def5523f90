/// Decides whether a match is negated by the words just before it in the same clause:
/// "I would not roll back" must not earn the rollback concept. "without" and "avoid" are not cues:
/// "without monitoring, accuracy decays unnoticed" argues for monitoring.
enum Negation {
    static let cues: Set<String> = [
        "not", "never", "no", "neither", "nor", "dont", "cannot",
    ]
    /// "not only X but Y" and "not just X" affirm X.
    static let affirmingFollowers: Set<String> = ["only", "just", "merely", "simply"]
    static let clauseBreaks: Set<UInt8> = Array(".;:!?\n,()").reduce(into: []) { $0.insert($1.asciiValue!) }
    static let window = 2

    /// `text` is the whole answer's UTF-8; `start` the byte offset where the match begins.
    static func isNegated(before start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var clauseStart = start
        while clauseStart > 0, !clauseBreaks.contains(text[clauseStart - 1]), start - clauseStart < 80 {
            clauseStart -= 1
        }
        let preceding = String(decoding: UnsafeBufferPointer(rebasing: text[clauseStart..<start]), as: UTF8.self)
        // The normalised answer already has straight apostrophes.
        let words = Words.of(preceding)
        let recent = Array(words.suffix(window))
        for (index, word) in recent.enumerated() where cues.contains(word) || word.hasSuffix("n't") {
            let next = index + 1 < recent.count ? recent[index + 1] : nil
            if let next, affirmingFollowers.contains(next) { continue }
            if word == "no", let next, ["matter", "doubt", "longer"].contains(next) { continue }
            return true
        }
        return false
    }
}
