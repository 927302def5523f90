/// Decides whether an answer says something about a term it mentions, or only names it.
///
/// People grade a list of buzzwords ("drift detection, monitoring, alerting, retraining") 1 of 5 however
/// it is wrapped, so a concept earns only `namedOnlyCredit` of its weight when its statement
/// - is a fragment of three words or fewer, with no number or name ("- drift detection", "Canary."),
/// - makes only a vague claim: it holds a vague word ("X is key", "I'd definitely think about X",
///   "we follow best practices") and nothing specific (no number, no condition or comparison, no name), or
/// - packs three or more of the rubric's concepts into fewer than `wordsPerConcept` words each (or
///   `listWordsPerConcept` when it is shaped as a list), and the list item holding this one says nothing
///   specific about it.
///
/// "Specific" is deliberately an idea, not a vocabulary: a number, a comparison or condition ("against
/// training", "per feature", "when labels arrive", "at the operating threshold"), or a cause.
enum Explanation {
    /// The share of a concept's weight earned by naming it without explaining it.
    static let namedOnlyCredit = 0.3
    /// A statement this short only names things.
    static let fragmentWords = 3
    /// A statement with three or more concepts and fewer words than this per concept is a list; one
    /// shaped as a list (two or more commas, or bullets) up to `listWordsPerConcept`.
    static let wordsPerConcept = 5
    static let listWordsPerConcept = 8
    static let listConcepts = 3

    /// Words that relate a term to something: a comparison, a condition, a measure, a cause.
    static let relationWords: Set<String> = [
        "against", "versus", "vs", "compared", "compare", "compares", "comparing", "per", "each", "every", "when",
        "whenever", "if", "unless", "until", "before", "after", "once", "because", "since", "otherwise", "instead",
        "than", "between", "below", "above", "within", "threshold", "thresholds", "whether", "means", "while",
    ]

    /// Numbers in words count as numbers: "at least two instances", "half the traffic", but in a list item
    /// only outside the match, so a rubric's own "two identical environments" named in a list stays named.
    /// Not "one", as often a pronoun ("the old one") as a number.
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen",
        "dozens", "half", "twice", "double", "triple",
    ]

    /// The narrower markers that make a sentence concrete even when it holds a vague word: a
    /// comparison, a measure, a limit. ("before making a decision" does not.)
    static let concreteWords: Set<String> = [
        "against", "versus", "vs", "compared", "compare", "compares", "comparing", "per", "threshold",
        "thresholds", "than", "between", "below", "above", "within", "instead", "unless", "until", "whenever",
        "each", "every", "like", "such", "e.g", "example", "say",
    ]

    /// Words of vague, claim-free prose.
    static let vagueWords: Set<String> = [
        "important", "key", "crucial", "essential", "critical", "vital", "paramount", "robust", "seamless",
        "seamlessly", "holistic", "holistically", "proactive", "proactively", "leverage", "leveraging",
        "synergy", "synergies", "alignment", "aligned", "best", "ensure", "ensuring", "consider", "considering",
        "focus", "mindful", "learnings", "end-to-end", "cutting-edge", "state-of-the-art", "world-class",
        "closely", "ownership", "transparent", "happy", "successfully", "smoothly", "value", "lifecycle",
        "continuous", "improvement", "relevant", "appropriate", "properly", "necessary", "various", "overall",
        "definitely", "really", "always", "basically", "rigour", "rigor", "data-driven", "impactful",
        "best-in-class", "next-generation", "industry-standard", "enterprise-grade", "production-grade",
        "future-proof", "game-changing", "mission-critical",
    ]

    /// What the statement holding a mention is like, decided once per statement.
    struct Shape {
        var words: Int
        /// Commas in the statement: "a, b and c" has one, a list of names usually more.
        var commas: Int
        /// Whether it has a subject or a verb of its own ("we", "would", "I'd"): a claim, not a list.
        var hasClause: Bool
        var isFragment: Bool
        var isVague: Bool
        var namesOnly: Bool { isFragment || isVague }
    }

    static let concreteTable = WordTable(concreteWords)
    static let vagueTable = WordTable(vagueWords)
    static let numberTable = WordTable(numberWords)
    static let clauseMarkerTable = WordTable(clauseMarkers)

    /// One pass over the statement's bytes; a word becomes a `String` only when it is not ASCII.
    static func shape(of statement: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Shape {
        var words = 0
        var hasNumber = false, concrete = false, vague = false, hasClause = false
        var previous: [UInt8] = []
        Words.forEach(in: UnsafeBufferPointer(rebasing: bytes[statement])) { word in
            words += 1
            let text = word.contains { $0 >= 0x80 } ? String(decoding: word, as: UTF8.self) : nil
            if !hasNumber {
                hasNumber =
                    text.map { $0.contains(where: \.isNumber) } ?? word.contains { 0x30...0x39 ~= $0 }
                    || numberTable.contains(word)
            }
            if !concrete { concrete = concreteTable.contains(word) }
            if !hasClause { hasClause = text.map(isClauseMarker) ?? isClauseMarker(ascii: word) }
            if !vague {
                vague = isVaguePhrase(previous, word)
                previous.removeAll(keepingCapacity: true)
                previous.append(contentsOf: word)
            }
        }
        // Whole compounds: "always-on" is not the vague "always", "end-to-end" is vague as one word.
        if !vague {
            Words.forEach(in: UnsafeBufferPointer(rebasing: bytes[statement]), joiningHyphens: true) { word in
                if !vague { vague = vagueTable.contains(word) }
            }
        }
        let named = hasName(statement, in: bytes)
        let specific = hasNumber || named || concrete
        let commas = bytes[statement].filter { $0 == UInt8(ascii: ",") }.count
        return Shape(
            words: words, commas: commas, hasClause: hasClause,
            isFragment: words <= fragmentWords && !hasNumber && !named,
            isVague: vague && !specific)
    }

    /// Whether the list item around `match` (between commas, semicolons, "and", "or" and slashes) says
    /// something about the term: a relation word or a number.
    static func itemIsSpecific(_ match: Range<Int>, statement: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        var start = match.lowerBound
        while start > statement.lowerBound, !isItemSeparator(start - 1, in: bytes) { start -= 1 }
        var end = match.upperBound
        while end < statement.upperBound, !isItemSeparator(end, in: bytes) { end += 1 }
        // A one-word mention ("F1", "thresholds") says nothing about itself; a longer one may ("compare the
        // live distributions", "restored 2 days of data").
        let own = words(bytes, match)
        if own.contains(where: { $0.first?.isNumber == true }) { return true }
        let outside =
            words(bytes, start..<match.lowerBound) + words(bytes, match.upperBound..<max(match.upperBound, end))
        if outside.contains(where: numberWords.contains) { return true }
        let around = outside + (own.count > 1 ? own : [])
        return around.contains { relationWords.contains($0) || $0.contains(where: \.isNumber) }
    }

    private static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String] {
        Words.of(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            .filter { $0 != "and" && $0 != "or" }
    }

    private static func isItemSeparator(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "&"): true
        default: false
        }
    }

    /// A capitalised word that does not start the statement: a product, a team, a place.
    private static func hasName(_ statement: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = statement.lowerBound
        var atWordStart = true
        var first = true
        while index < statement.upperBound {
            let byte = bytes[index]
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            if atWordStart, isLetter {
                // "Prometheus", "SageMaker": a capital then a lower-case letter. Acronyms (KPIs, CI/CD)
                // are as often jargon as names, and "I" is no name.
                let isCapital = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                let nextIsLower =
                    index + 1 < statement.upperBound
                    && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index + 1])
                if isCapital, nextIsLower, !first { return true }
                first = false
            }
            atWordStart = !isWordByte(byte)
            index += 1
        }
        return false
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "'") || byte >= 0x80
    }

    static let clauseMarkers: Set<String> = [
        "i", "we", "you", "they", "he", "she", "it", "is", "are", "was", "were", "be", "do", "does", "did", "have",
        "has", "had", "would", "will", "can", "could", "should", "must", "might", "may",
    ]

    static let clauseSuffixes = ["'d", "'ll", "'re", "'ve", "'m", "'s", "n't"]
    private static let clauseSuffixBytes = clauseSuffixes.map { Array($0.utf8) }

    private static func isClauseMarker(_ word: String) -> Bool {
        clauseMarkers.contains(word) || clauseSuffixes.contains { word.hasSuffix($0) }
    }

    /// `isClauseMarker` for an ASCII word's bytes, where a suffix of bytes is a suffix of characters.
    private static func isClauseMarker(ascii word: UnsafeBufferPointer<UInt8>) -> Bool {
        clauseMarkerTable.contains(word)
            || clauseSuffixBytes.contains { $0.count <= word.count && word.suffix($0.count).elementsEqual($0) }
    }

    /// Two-word vague phrases: "make sure", "think about", "a lot", ...
    static let vaguePhrases: [(String, String)] = [
        ("make", "sure"), ("made", "sure"), ("think", "about"), ("thinking", "about"), ("all", "about"), ("a", "lot"),
        ("stay", "on"), ("keep", "track"), ("took", "ownership"), ("worked", "closely"), ("it's", "about"),
        ("is", "about"), ("its", "about"), ("the", "right"),
    ]
    private static let vaguePhraseBytes = vaguePhrases.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Whether `first` then `second` (lower-cased bytes of two words) is a vague phrase; as Strings when
    /// either is not ASCII, since String equality is canonical equivalence.
    private static func isVaguePhrase(_ first: [UInt8], _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !first.isEmpty else { return false }
        if first.contains(where: { $0 >= 0x80 }) || second.contains(where: { $0 >= 0x80 }) {
            let pair = (String(decoding: first, as: UTF8.self), String(decoding: second, as: UTF8.self))
            return vaguePhrases.contains { $0 == pair }
        }
        return vaguePhraseBytes.contains { $0.0 == first && $0.1.elementsEqual(second) }
    }
}
