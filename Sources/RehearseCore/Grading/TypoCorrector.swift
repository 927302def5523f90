/// One word of an answer that grading read as another: a typo or a British spelling.
public struct Correction: Codable, Sendable, Hashable {
    /// What the candidate wrote.
    public var read: String
    /// The bank's word it was taken for.
    public var takenAs: String
    /// UTF-8 byte offsets of the word in the answer as written.
    public var start: Int
    public var end: Int
}

/// Corrects an answer's misspelt key terms against the bank's own vocabulary, so that "retrian the
/// modle" earns the retraining concept while PCRE2 still does all the matching.
///
/// A word is corrected only when it is at least five letters long, is neither a word of the bank nor an
/// English word (so "cache" is never read as "catch", nor "modal" as "model"), and exactly one bank word
/// is closest to it: one edit away (two for words of nine letters or more), a swapped pair of letters
/// counting as one. British spellings are read as the American form the bank uses.
public struct TypoCorrector: Sendable {
    /// Words shorter than this are never corrected: too many real words lie one edit apart.
    static let minimumLength = 5
    static let longWordLength = 9
    /// Endings tried when a misspelt word is an inflection of a bank word: "retrianing" → "retraining".
    static let suffixes = ["s", "es", "ed", "d", "ing", "er", "ers", "ly", "ment", "ments", "ion", "ions"]

    private let vocabulary: Set<String>
    private let vocabularyByLength: [Int: [String]]
    private let wordList: WordList

    public init(vocabulary: some Sequence<String>, wordList: WordList) {
        let words = Set(vocabulary.map { $0.lowercased() }.filter { $0.count >= Self.minimumLength })
        self.vocabulary = words
        self.vocabularyByLength = Dictionary(grouping: words, by: \.count)
        self.wordList = wordList
    }

    public static let disabled = TypoCorrector(vocabulary: [], wordList: .empty)

    public var isEmpty: Bool { vocabulary.isEmpty }

    /// The bank words it corrects towards, for `BankCache` to store.
    var vocabularyWords: Set<String> { vocabulary }

    /// The bank word that `word` (lower case, letters only) should be read as, or nil to leave it.
    public func correction(for word: String) -> String? {
        guard word.count >= Self.minimumLength, !isKnown(word) else { return nil }
        let american = Spelling.american(word, isKnownWord: wordList.contains)
        if american != word, isKnown(american) { return american }
        if let direct = closestVocabularyWord(to: word) { return direct }
        for suffix in Self.suffixes where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count))
            if isKnown(stem) { return nil }
            if stem.count >= Self.minimumLength, let corrected = closestVocabularyWord(to: stem) {
                return corrected + suffix
            }
        }
        return nil
    }

    private func isKnown(_ word: String) -> Bool { vocabulary.contains(word) || wordList.contains(word) }

    /// The single bank word nearest to `word` within the allowed distance; nil when none or a tie.
    private func closestVocabularyWord(to word: String) -> String? {
        let allowed = word.count >= Self.longWordLength ? 2 : 1
        var best: (word: String, distance: Int)?
        var tied = false
        for length in (word.count - allowed)...(word.count + allowed) {
            // People rarely mistype a word's first letter; checking only those candidates keeps this cheap.
            for candidate in vocabularyByLength[length] ?? [] where candidate.first == word.first {
                let distance = editDistance(word, candidate)
                guard distance <= allowed else { continue }
                if let current = best, distance >= current.distance {
                    if distance == current.distance { tied = true }
                    continue
                }
                best = (candidate, distance)
                tied = false
            }
        }
        return tied ? nil : best?.word
    }
}

extension TypoCorrector {
    /// The words a bank uses, to correct answers towards: every run of letters written literally in a
    /// pattern (not a `\w` or `\b` escape), and the words of labels, prompts, sample and example answers.
    static func vocabulary(patterns: [String], texts: [String]) -> Set<String> {
        var words = Set<String>()
        for pattern in patterns { words.formUnion(literalWords(in: pattern)) }
        for text in texts { words.formUnion(Words.of(text).filter(isLowercaseASCIIWord)) }
        return words
    }

    /// Runs of ASCII letters in a pattern, lower-cased, skipping the letter after each backslash
    /// (`\bre-?train\w*` gives "re", "train"). Bytes, not Characters: this runs over every pattern at load.
    static func literalWords(in pattern: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in pattern.utf8 {
            if escaped {
                escaped = false
                continue
            }
            if byte == UInt8(ascii: "\\") { escaped = true }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            default:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func isLowercaseASCIIWord(_ word: String) -> Bool {
        word.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }
}
