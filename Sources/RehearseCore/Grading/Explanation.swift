/// Decides whether an answer says something about a term it mentions, or only names it.
///
/// A list of buzzwords ("drift, monitoring, Kubernetes, CI/CD, MLflow, rollback") is graded 1 of 5 by
/// people, so a concept named only in a bare list or a verbless fragment earns part of its weight. The
/// test is deliberately lenient, so that answers written as ordinary sentences keep full credit: the
/// sentence around the mention counts as explaining it when it has a clause marker (a pronoun, an
/// auxiliary or modal verb, a connective such as "because" or "when"), or when it runs to five words
/// or more without being a list of short comma-separated items.
enum Explanation {
    /// The share of a concept's weight earned by naming it without explaining it.
    static let namedOnlyCredit = 0.3
    static let minimumSentenceWords = 5

    static let clauseMarkers: Set<String> = [
        "i", "we", "you", "they", "he", "she", "it", "this", "that", "these", "those", "which", "who", "there",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
        "would", "will", "can", "could", "should", "must", "might", "may", "shall",
        "because", "so", "if", "when", "then", "since", "while", "once", "before", "after", "until", "unless",
        "whenever", "by", "via", "using", "let", "lets", "means", "need", "needs", "use", "uses", "make", "makes",
        "keep", "keeps", "get", "gets", "run", "runs", "help", "helps", "compare", "compares", "check", "checks",
    ]

    /// `range` is a match in the answer as written (`original`, its UTF-8 bytes).
    static func isExplained(_ range: Range<Int>, in original: [UInt8]) -> Bool {
        let sentence = sentenceText(around: range, in: original)
        let words = Words.of(sentence)
        if words.contains(where: isClauseMarker) { return true }
        return words.count >= minimumSentenceWords && !isList(sentence)
    }

    private static func isClauseMarker(_ word: String) -> Bool {
        if clauseMarkers.contains(word) { return true }
        return ["'d", "'ll", "'re", "'ve", "'m", "'s", "n't"].contains { word.hasSuffix($0) }
    }

    /// Three or more comma-separated items, nearly all of them three words or fewer.
    private static func isList(_ sentence: String) -> Bool {
        let items = sentence.split(separator: ",").map { Words.of(String($0)).count }.filter { $0 > 0 }
        guard items.count >= 3 else { return false }
        return Double(items.filter { $0 <= 3 }.count) >= 0.75 * Double(items.count)
    }

    /// The sentence, clause or list item holding `range`: it ends at `! ? ;`, at a `.` before white space,
    /// at a blank line, or where a line starts a bullet. A single line break does not end it: people wrap
    /// long answers by hand. A colon does not either: "It's overfitting: the model fits..." explains.
    private static func sentenceText(around range: Range<Int>, in bytes: [UInt8]) -> String {
        var start = min(range.lowerBound, bytes.count)
        while start > 0, !isBoundary(at: start - 1, in: bytes) { start -= 1 }
        var end = min(range.upperBound, bytes.count)
        while end < bytes.count, !isBoundary(at: end, in: bytes) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func isBoundary(at index: Int, in bytes: [UInt8]) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"):
            return true
        case UInt8(ascii: "."):
            return index + 1 == bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A
        case UInt8(ascii: "\n"):
            return startsBlankLineOrBullet(after: index, in: bytes)
        default:
            return false
        }
    }

    private static func startsBlankLineOrBullet(after newline: Int, in bytes: [UInt8]) -> Bool {
        var next = newline + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        guard next < bytes.count else { return true }
        switch bytes[next] {
        case UInt8(ascii: "\n"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return true
        case 0xE2:  // "•" is E2 80 A2
            return next + 2 < bytes.count && bytes[next + 1] == 0x80 && bytes[next + 2] == 0xA2
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return next + 1 < bytes.count
                && (bytes[next + 1] == UInt8(ascii: ".") || bytes[next + 1] == UInt8(ascii: ")"))
        default:
            return false
        }
    }
}
