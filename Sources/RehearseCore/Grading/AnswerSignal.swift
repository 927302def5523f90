/// Something about an answer that a human grader would remark on, besides its content.
public enum AnswerSignal: String, Codable, Sendable, CaseIterable {
    case empty
    case tooShort = "too-short"
    case fillerHeavy = "filler-heavy"
    case echoesQuestion = "echoes-question"
    case noOptionChosen = "no-option-chosen"

    public var advice: String {
        switch self {
        case .empty: "No answer was given."
        case .tooShort: "Very short: an interviewer expects a few sentences with a reason or an example."
        case .fillerHeavy: "Many filler words (um, basically, you know): pause instead, and say the point."
        case .echoesQuestion: "Mostly repeats the question: answer it with what you would do and why."
        case .noOptionChosen: "No option letter was found: answer with a letter such as B."
        }
    }
}

/// Finds the answer-quality signals in an open answer.
struct AnswerSignals {
    static let shortAnswerWords = 15
    static let fillers: Set<String> = ["um", "uh", "erm", "er", "uhm", "basically", "literally", "whatever", "stuff"]
    /// Two-word fillers, as second word by first: "you know", "i mean", "sort of", "kind of", "i guess".
    static let fillerPhrases: [String: Set<String>] = [
        "you": ["know"], "i": ["mean", "guess"], "sort": ["of"], "kind": ["of"],
    ]

    static let fillerTable = WordTable(fillers)
    static let fillerPhraseTables = fillerPhrases.map { (first: Array($0.key.utf8), seconds: WordTable($0.value)) }

    /// `promptWords` are the prompt's content words (`Words.content(of: Words.of(prompt))`), which a
    /// grader computes once per question rather than once per answer.
    ///
    /// One pass over the answer's bytes: a word becomes a `String` only while the echo is undecided.
    static func detect(in answer: String, promptWords: Set<String>) -> [AnswerSignal] {
        var tally = Tally(promptWords: promptWords)
        var answer = answer
        answer.withUTF8 { bytes in Words.forEach(in: bytes) { tally.add($0) } }
        guard tally.words > 0 else { return [.empty] }
        var signals: [AnswerSignal] = []
        if tally.words < shortAnswerWords { signals.append(.tooShort) }
        if tally.isFillerHeavy { signals.append(.fillerHeavy) }
        if tally.echoes { signals.append(.echoesQuestion) }
        return signals
    }

    private struct Tally {
        let promptWords: Set<String>
        var words = 0
        /// Filler words and two-word fillers.
        var fillers = 0
        /// The second words that would make a two-word filler with the word just read.
        var phraseSeconds: WordTable?
        /// Content words (`Words.content`), those not in the prompt, and the distinct ones of those.
        var content = 0
        var new = 0
        var distinctNew: Set<String> = []

        init(promptWords: Set<String>) { self.promptWords = promptWords }

        mutating func add(_ word: UnsafeBufferPointer<UInt8>) {
            words += 1
            if fillerTable.contains(word) { fillers += 1 }
            if let phraseSeconds, phraseSeconds.contains(word) { fillers += 1 }
            phraseSeconds =
                word.contains { $0 >= 0x80 }
                ? fillerPhrases[String(decoding: word, as: UTF8.self)].map(WordTable.init)
                : fillerPhraseTables.first { $0.first.elementsEqual(word) }?.seconds
            // Four distinct new words decide that the answer does not echo the question. A word of two
            // bytes or fewer has at most two characters, so it is no content word.
            guard distinctNew.count < 4, word.count > 2 else { return }
            let text = String(decoding: word, as: UTF8.self)
            guard Words.isContent(text) else { return }
            content += 1
            if !promptWords.contains(text) {
                new += 1
                distinctNew.insert(text)
            }
        }

        var isFillerHeavy: Bool { fillers >= 3 && Double(fillers) / Double(words) > 0.06 }

        /// The answer adds almost nothing to the question's own content words.
        var echoes: Bool {
            guard content > 0 else { return false }
            return distinctNew.count < 4 && Double(new) / Double(content) < 0.4
        }
    }
}

/// Lower-cased word tokens, for the signals and checks that look at words rather than patterns.
enum Words {
    /// Works on UTF-8 bytes: ASCII letters, digits and apostrophes form words, lower-cased as they are
    /// copied; any non-ASCII byte is taken as part of a word (accented letters). Several times faster
    /// than a Character loop, and this runs on every answer. With `joiningHyphens`, a hyphen between two
    /// word characters stays inside the word: "always-on" is one word, not "always" and "on".
    static func of(_ text: String, joiningHyphens: Bool = false) -> [String] {
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            forEach(in: bytes, joiningHyphens: joiningHyphens) { words.append(String(decoding: $0, as: UTF8.self)) }
        }
        return words
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as",
        "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "we", "you",
        "they", "he", "she", "my", "our", "your", "their", "do", "does", "did", "how", "what", "why", "when",
        "would", "could", "should", "can", "will", "so", "if", "then", "than", "into", "about", "which", "who",
        "have", "has", "had", "not", "no", "also", "just", "some", "any", "all", "more", "most", "very",
    ]

    static func content(of words: [String]) -> [String] { words.filter(isContent) }

    static func isContent(_ word: String) -> Bool { word.count > 2 && !stopWords.contains(word) }

    /// Rough stems of the content words, so "drifted" and "drift", "tests" and "testing" compare equal.
    static func stems(of text: String) -> Set<String> {
        Set(content(of: of(text)).map(stem))
    }

    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
