/// Whether an answer affirms what a match says or rejects it: "I wouldn't bother with drift detection",
/// "logging every prediction is unnecessary", "autoscaling is nice, but I'd avoid it" name a practice
/// and turn it down, so they earn nothing.
///
/// The scope is the clause: a negation before the mention counts up to the clause's start, and a
/// rejection after it ("is overkill") up to its end. Clauses end at `, : ( )` and at connectives such as
/// "but", "because" or "without", so in "not A but B" only B counts and "never deploy without a canary"
/// affirms the canary. A pronoun that turns the mention down later in the same statement ("..., so I'd
/// turn it off") rejects it too. Words inside the match never count: a misconception's own pattern may
/// say "skip the test set".
enum Stance {
    case affirmed
    /// The words that turned the mention down.
    case rejected(cue: String)

    var isAffirmed: Bool {
        if case .affirmed = self { return true }
        return false
    }

    /// `match` and `statement` are byte ranges of the normalised `text`.
    static func of(
        _ match: Range<Int>, in text: UnsafeBufferPointer<UInt8>, statement: Range<Int>, claim: Claim
    ) -> Stance {
        let before = StanceWords(text, statement.lowerBound..<max(statement.lowerBound, match.lowerBound))
        let after = StanceWords(text, min(match.upperBound, statement.upperBound)..<statement.upperBound)
        if let cue = negation(before: before.clauseTail, claim: claim) { return .rejected(cue: cue) }
        if let cue = rejection(after: after.clauseHead) { return .rejected(cue: cue) }
        if claim == .concept, let cue = pronounRejection(in: after.words) { return .rejected(cue: cue) }
        if claim == .misconception, let cue = disavowal(before: before.words, after: after.words) {
            return .rejected(cue: cue)
        }
        return .affirmed
    }

    /// A concept is turned down by rejecting it; a misconception also by disavowing the claim.
    enum Claim { case concept, misconception }

    // MARK: Before the mention

    static let negators: Set<String> = ["not", "never", "no", "neither", "nor", "cannot", "none", "nothing"]
    /// Words that turn down what follows. Not "remove" or "drop" (ML answers remove duplicates and drop
    /// leaky features) and not "against" (answers compare against a baseline).
    static let rejecters: Set<String> = [
        "avoid", "avoids", "avoided", "avoiding", "skip", "skips", "skipped", "skipping", "disable", "disables",
        "disabled", "disabling", "ditch", "ditched", "forgo", "forget", "abandon", "abandoned", "instead", "rather",
        "unnecessary", "overkill", "pointless", "needless",
    ]
    /// Two-word rejections: "turn off", "switch off", "get rid", "do away", "stop using".
    static let rejectingPairs: [String: Set<String>] = [
        "turn": ["off"], "turned": ["off"], "turning": ["off"], "switch": ["off"], "switched": ["off"],
        "rid": ["of"], "away": ["with"], "stop": ["using", "doing", "running"],
        "stopped": ["using", "doing", "running"],
    ]
    /// "not only X", "not just X", "no matter", "no doubt", "no worse than", "not more than": these affirm.
    static let affirmingFollowers: Set<String> = [
        "only", "just", "merely", "simply", "matter", "doubt", "exception", "worse", "better", "less", "more",
        "fewer", "later", "sooner", "earlier", "lower", "higher", "greater", "smaller", "bigger", "slower", "faster",
    ]

    private static func isNegator(_ word: String) -> Bool { negators.contains(word) || word.hasSuffix("n't") }

    /// How far back in its clause a negation reaches.
    static let scope = 8

    /// A negation in the clause before the mention. Two negations cancel: "I'd never skip the canary",
    /// "I would not ship a model that hasn't passed the gate".
    private static func negation(before clause: [String], claim: Claim) -> String? {
        var cues: [String] = []
        let words = Array(clause.suffix(scope))
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : nil
            if isNegator(word) {
                if let next, affirmingFollowers.contains(next) { continue }
                cues.append(word)
            } else if rejecters.contains(word) {
                cues.append(word)
            } else if let next, rejectingPairs[word]?.contains(next) == true {
                cues.append("\(word) \(next)")
            }
        }
        guard cues.count % 2 == 1 else { return nil }
        return cues.joined(separator: " … ")
    }

    // MARK: After the mention

    /// Words that, following a mention in its clause, turn it down: "X is overkill", "X isn't needed".
    static let rejectingWords: Set<String> = [
        "unnecessary", "overkill", "pointless", "useless", "needless", "overrated", "waste", "optional",
        "formality", "nice-to-have", "distraction",
    ]
    static let rejectingAfterNegation: Set<String> = [
        "needed", "necessary", "required", "worth", "matter", "matters", "help", "helps", "problem", "issue",
        "concern", "important", "useful", "bother", "need", "needs",
    ]

    private static func rejection(after words: [String]) -> String? {
        for (index, word) in words.prefix(8).enumerated() {
            if rejectingWords.contains(word) { return word }
            guard isNegator(word) else { continue }
            let rest = words[(index + 1)...].prefix(4)
            if let reason = rest.first(where: rejectingAfterNegation.contains) { return "\(word) … \(reason)" }
        }
        return nil
    }

    static let pronouns: Set<String> = ["it", "them", "that", "this", "those", "these"]

    /// "…, so I'd turn it off", "…, but I'd avoid it": a rejection aimed back at the mention.
    private static func pronounRejection(in words: [String]) -> String? {
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let next = words[index + 1]
            if rejecters.contains(word), pronouns.contains(next) { return "\(word) \(next)" }
            if index + 2 < words.count, rejectingPairs[word] != nil || ["get"].contains(word) {
                let third = words[index + 2]
                if pronouns.contains(next), rejectingPairs[word]?.contains(third) == true {
                    return "\(word) \(next) \(third)"
                }
            }
        }
        return nil
    }

    // MARK: Misconceptions

    /// Words that report a wrong claim rather than make it: "a common mistake is ...", "... is a myth".
    static let disavowals: Set<String> = [
        "myth", "mistake", "misconception", "fallacy", "pitfall", "trap", "tempting", "naive", "naively",
        "wrong", "false", "untrue", "incorrect", "misleading",
    ]
    static let reportingVerbs: Set<String> = ["think", "thinks", "assume", "assumes", "believe", "believes", "claim"]

    private static func disavowal(before: [String], after: [String]) -> String? {
        if let word = before.first(where: disavowals.contains) { return word }
        if let index = before.firstIndex(where: reportingVerbs.contains), index > 0,
            ["people", "teams", "some", "many", "often", "folks", "everyone"].contains(before[index - 1])
        {
            return "\(before[index - 1]) \(before[index])"
        }
        if let word = after.first(where: disavowals.contains) { return word }
        // "... right most of the time, but not always"
        for (index, word) in after.enumerated() where isNegator(word) && index + 1 < after.count {
            if ["always", "true", "so", "necessarily", "quite"].contains(after[index + 1]) {
                return "\(word) \(after[index + 1])"
            }
        }
        return nil
    }
}

/// The words of part of a statement, and where its clauses begin.
struct StanceWords {
    /// Lower-cased words, straight apostrophes.
    let words: [String]
    /// Indices into `words` where a clause begins (after a clause break).
    private let clauseStarts: [Int]

    static let breakingBytes: Set<UInt8> = Set(",:()\"".utf8)
    static let breakingWords: Set<String> = [
        "but", "however", "whereas", "although", "though", "yet", "because", "unless", "until", "without",
        "otherwise", "except", "which", "so", "then", "before", "after", "once", "since", "while",
    ]

    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var words: [String] = []
        var starts: [Int] = [0]
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            if Self.breakingWords.contains(word), !words.isEmpty { starts.append(words.count) }
            words.append(word)
            current.removeAll(keepingCapacity: true)
        }
        for byte in UnsafeBufferPointer(rebasing: text[range]) {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"),
                0x80...:
                current.append(byte)
            default:
                flush()
                if Self.breakingBytes.contains(byte) { starts.append(words.count) }
            }
        }
        flush()
        self.words = words
        self.clauseStarts = starts
    }

    /// The words of the last clause: those nearest a mention that follows.
    var clauseTail: [String] {
        let start = clauseStarts.last { $0 <= words.count } ?? 0
        return Array(words[start...])
    }

    /// The words of the first clause: those nearest a mention that precedes.
    var clauseHead: [String] {
        let end = clauseStarts.first { $0 > 0 } ?? words.count
        return Array(words[..<end])
    }
}
