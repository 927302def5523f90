/// Whether an answer affirms what a match says or rejects it: "I wouldn't bother with drift detection",
/// "logging every prediction is unnecessary", "autoscaling is nice, but I'd avoid it" name a practice
/// and turn it down, so they earn nothing.
///
/// The scope is the clause: a negation before the mention counts up to the clause's start, and a
/// rejection after it ("is overkill") up to its end. Clauses end at `, : ( )` and at connectives such as
/// "but", "because" or "without", so in "not A but B" only B counts and "never deploy without a canary"
/// affirms the canary. A pronoun that turns the mention down later in the same statement ("..., so I'd
/// turn it off", "…, but that's overkill") rejects it too, and so does a statement that comes straight
/// after the mention's statement (or its bulleted list) and dismisses it by pronoun ("None of that is
/// needed.", "That's overkill."). Words inside the match never count: a misconception's own pattern may
/// say "skip the test set".
enum Stance {
    case affirmed
    /// The words that turned the mention down.
    case rejected(cue: String)

    var isAffirmed: Bool {
        if case .affirmed = self { return true }
        return false
    }

    /// `match`, `statement` and `following` (the statement after the mention's statement or list, if
    /// any) are byte ranges of the normalised `text`.
    static func of(
        _ match: Range<Int>, in text: UnsafeBufferPointer<UInt8>, statement: Range<Int>, following: Range<Int>?,
        claim: Claim
    ) -> Stance {
        let before = StanceWords(text, statement.lowerBound..<max(statement.lowerBound, match.lowerBound))
        let after = StanceWords(text, min(match.upperBound, statement.upperBound)..<statement.upperBound)
        let matchStart = StanceWords(text, match.lowerBound..<min(match.upperBound, match.lowerBound + 24)).words.first
        if let cue = negation(before: before.clauseTail, then: matchStart) { return .rejected(cue: cue) }
        if let cue = rejection(after: after.clauseHead[...]) { return .rejected(cue: cue) }
        // The next statement is read only when the mention's own statement settled nothing.
        func next() -> ArraySlice<String>? { following.map { StanceWords(text, $0).openingClause.prefix(backReach) } }
        switch claim {
        case .concept:
            if let cue = pronounRejection(in: after) ?? next().flatMap(dismissalOpening) { return .rejected(cue: cue) }
        case .misconception:
            if let cue = disavowal(before: before.words, after: after.words) ?? next().flatMap(disavowalOpening) {
                return .rejected(cue: cue)
            }
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
    /// "I would not ship a model that hasn't passed the gate". `matchStart`, the mention's first word,
    /// follows the last word: "no worse than" affirms whether or not the match starts at "worse".
    private static func negation(before clause: [String], then matchStart: String?) -> String? {
        var cues: [String] = []
        let words = Array(clause.suffix(scope))
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : matchStart
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
        "formality", "nice-to-have", "distraction", "superfluous", "unneeded", "anecdotal", "bureaucracy",
        "hassle", "confuse", "confuses", "undermine", "undermines", "whack",
    ]
    static let rejectingAfterNegation: Set<String> = [
        "needed", "necessary", "required", "worth", "matter", "matters", "help", "helps", "problem", "issue",
        "concern", "important", "useful", "bother", "need", "needs", "translate", "translates",
    ]
    /// The reasons a pronoun's negation must give to dismiss what came before: "that isn't needed",
    /// "none of it matters". Not "it's not a problem" or "it never needs a human", which affirm.
    static let backReferenceReasons = rejectingAfterNegation.subtracting([
        "problem", "issue", "concern", "need", "needs", "bother",
    ])
    /// "doesn't tell you much", "won't add any value", "doesn't pay off", "doesn't make sense": a verb
    /// after a negation, and what it must be followed by (within two words) to dismiss.
    static let dismissingAfterNegation: [String: Set<String>] = [
        "tell": ["much", "anything"], "add": ["value", "anything"], "pay": ["off"], "make": ["sense", "difference"],
        "buy": ["much", "anything"], "give": ["much", "anything"],
    ]
    /// "too much effort", "too much engineering work": what "too much" dismisses.
    static let costs: Set<String> = [
        "effort", "work", "hassle", "trouble", "engineering", "bureaucracy", "complexity", "overhead", "paperwork",
        "ceremony", "process",
    ]

    /// How far into its clause a rejection after a mention reaches: past a noun phrase such as "on the
    /// last few weeks of labelled data".
    static let reach = 12

    /// A rejection at the start of what follows a mention: "is overkill", "isn't needed", "doesn't tell
    /// you much", "is too much effort". A rejecting word after a negation affirms: "is not optional".
    private static func rejection(
        after words: ArraySlice<String>, reasons: Set<String> = rejectingAfterNegation
    ) -> String? {
        let words = Array(words.prefix(reach))
        for (index, word) in words.enumerated() {
            if rejectingWords.contains(word) {
                if words[max(0, index - 3)..<index].contains(where: isNegator) { continue }
                return word
            }
            if word == "too", index + 1 < words.count, words[index + 1] == "much",
                let cost = words[(index + 2)...].prefix(2).first(where: costs.contains)
            {
                return "too much \(cost)"
            }
            guard isNegator(word) else { continue }
            let rest = words[(index + 1)...].prefix(4)
            if let reason = rest.first(where: reasons.contains) { return "\(word) … \(reason)" }
            for (offset, verb) in rest.enumerated() {
                guard let objects = dismissingAfterNegation[verb] else { continue }
                let start = index + 2 + offset
                if let object = words[min(start, words.count)...].prefix(2).first(where: objects.contains) {
                    return "\(word) \(verb) … \(object)"
                }
            }
        }
        return nil
    }

    static let pronouns: Set<String> = ["it", "them", "that", "this", "those", "these"]
    /// Pronouns that open a clause about what came before: "that's overkill", "which isn't needed".
    static let openingPronouns: Set<String> = [
        "it", "that", "this", "those", "these", "which", "it's", "that's", "this's", "all",
    ]
    /// Words that may open a clause before its pronoun: "but that's overkill", "so none of that".
    static let connectives: Set<String> = ["but", "so", "and", "then", "though", "honestly", "frankly", "really"]
    /// How many words of the next statement can dismiss the mention before it.
    static let backReach = 10

    /// "…, so I'd turn it off", "…, but I'd avoid it", "…, but that's overkill", "…: none of that is
    /// needed": a rejection aimed back at the mention.
    private static func pronounRejection(in after: StanceWords) -> String? {
        let words = after.words
        for index in words.indices {
            if let cue = turnedDown(at: index, in: words) ?? noneOrNoNeed(at: index, in: words[...]) { return cue }
        }
        return after.clauses.dropFirst().lazy.compactMap(pronounDismissal).first
    }

    /// "avoid it", "turn it off", "get rid of them".
    private static func turnedDown(at index: Int, in words: [String]) -> String? {
        guard index + 1 < words.count else { return nil }
        let (word, next) = (words[index], words[index + 1])
        if rejecters.contains(word), pronouns.contains(next) { return "\(word) \(next)" }
        if index + 2 < words.count, rejectingPairs[word] != nil || word == "get" {
            let third = words[index + 2]
            if pronouns.contains(next), rejectingPairs[word]?.contains(third) == true {
                return "\(word) \(next) \(third)"
            }
        }
        return nil
    }

    /// "none of that is needed", "none of it matters", "no need for that", and "no need" ending its words.
    private static func noneOrNoNeed(at index: Int, in words: ArraySlice<String>) -> String? {
        let rest = words[index...].prefix(4)
        guard rest.count >= 2 else { return rest == ["no", "need"] ? "no need" : nil }
        let (first, second) = (rest[rest.startIndex], rest[rest.startIndex + 1])
        if first == "no", second == "need" {
            if rest.count == 2 { return "no need" }
            let third = rest[rest.startIndex + 2]
            if third == "for", rest.count > 3, pronouns.contains(rest[rest.startIndex + 3]) || rest.last == "any" {
                return "no need for \(rest[rest.startIndex + 3])"
            }
            return nil
        }
        guard first == "none", second == "of", rest.count > 2, pronouns.contains(rest[rest.startIndex + 2]) else {
            return nil
        }
        let tail = words[(rest.startIndex + 3)...].prefix(4)
        if let reason = tail.first(where: backReferenceReasons.contains) {
            return "none of \(rest[rest.startIndex + 2]) … \(reason)"
        }
        return nil
    }

    /// A clause that opens with a pronoun and turns it down: "that's overkill", "which isn't needed",
    /// "but this doesn't tell you much". Not "so that …" (a purpose), which the connective rule skips.
    private static func pronounDismissal(_ clause: ArraySlice<String>) -> String? {
        var words = clause.drop { connectives.contains($0) }
        guard let pronoun = words.first, openingPronouns.contains(pronoun) else { return nil }
        if clause.first == "so", pronoun == "that" { return nil }
        words = words.dropFirst()
        if pronoun == "all" {
            if words.first == "of" { words = words.dropFirst() }
            guard let next = words.first, pronouns.contains(next) else { return nil }
            words = words.dropFirst()
        }
        return rejection(after: words.prefix(5), reasons: backReferenceReasons).map { "\(pronoun) … \($0)" }
    }

    /// The opening of the next statement, when it dismisses what came before: "None of that is needed.",
    /// "That's overkill.", "Not worth it.", "Overkill for one model.", "No need for that."
    private static func dismissalOpening(_ words: ArraySlice<String>) -> String? {
        if let cue = pronounDismissal(words) ?? noneOrNoNeed(at: words.startIndex, in: words) { return cue }
        guard let first = words.first else { return nil }
        if rejectingWords.contains(first) { return first }
        if isNegator(first), let second = words.dropFirst().first, backReferenceReasons.contains(second) {
            return "\(first) \(second)"
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

    /// The next statement disavows the claim before it: "That's a myth.", "This is wrong."
    private static func disavowalOpening(_ words: ArraySlice<String>) -> String? {
        let words = words.drop { connectives.contains($0) }
        guard let pronoun = words.first, openingPronouns.contains(pronoun) else { return nil }
        return words.dropFirst().prefix(3).first(where: disavowals.contains).map { "\(pronoun) … \($0)" }
    }

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
    var clauseHead: ArraySlice<String> {
        let end = clauseStarts.first { $0 > 0 } ?? words.count
        return words[..<min(end, words.count)]
    }

    /// The first clause with more than connectives in it: "that's overkill" in "Honestly, that's overkill".
    var openingClause: ArraySlice<String> {
        clauses.first { !$0.allSatisfy(Stance.connectives.contains) } ?? []
    }

    /// The words of each clause, in order; a clause break with no words between gives no clause.
    var clauses: [ArraySlice<String>] {
        let bounds = clauseStarts.map { min($0, words.count) } + [words.count]
        return zip(bounds, bounds.dropFirst()).compactMap { $0 < $1 ? words[$0..<$1] : nil }
    }
}
