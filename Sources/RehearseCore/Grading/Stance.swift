/// Whether an answer affirms what a match says or rejects it: "I wouldn't bother with drift detection",
/// "logging every prediction is unnecessary", "autoscaling is nice, but I'd avoid it" name a practice
/// and turn it down, so they earn nothing.
///
/// The scope is the clause: a negation before the mention counts up to the clause's start, and a
/// rejection after it ("is overkill") up to its end. Clauses end at `, : ( )`, at connectives such as
/// "but", "because" or "without", and at "and" before a new subject, so in "not A but B" only B counts
/// and "never deploy without a canary" affirms the canary. A pronoun that turns the mention down later in
/// the same statement ("..., so I'd turn it off", "…, but that's overkill") rejects it too, and so does a
/// statement that comes straight after the mention's statement (or its bulleted list) and dismisses it by
/// pronoun ("None of that is needed.", "That's overkill."), or curtly answers the question it asked
/// ("Drift detection? Never."). Words inside the match never count: a misconception's own pattern may
/// say "skip the test set". The words are in `StanceLexicon.swift`.
enum Stance {
    case affirmed
    /// The words that turned the mention down.
    case rejected(cue: String)

    var isAffirmed: Bool {
        if case .affirmed = self { return true }
        return false
    }

    /// A concept is turned down by rejecting it; a misconception also by disavowing the claim.
    enum Claim { case concept, misconception }

    /// `match` is a byte range of the normalised `text`; `statement` holds it, and `following` is the
    /// statement after the mention's statement or list, if any.
    static func of(
        _ match: Range<Int>, in text: UnsafeBufferPointer<UInt8>, statement words: StatementWords,
        following: StatementWords?, claim: Claim
    ) -> Stance {
        let statement = words.range
        let before = StanceWords(words, statement.lowerBound..<max(statement.lowerBound, match.lowerBound), in: text)
        let after = StanceWords(words, min(match.upperBound, statement.upperBound)..<statement.upperBound, in: text)
        let matched = StanceWords(words, match.clamped(to: statement), in: text).words
        let matchStart = matched.first
        let mention = Mention(before: before, after: after, matchStart: matchStart, text: text, match: match)
        if claim == .concept, isReported(before.clauseTail + matched) { return .affirmed }
        if claim == .concept, let cue = othersSuggestion(before.words) ?? othersSuggestion(before.clauseTail) {
            return .rejected(cue: cue)
        }
        if let cue = mention.negation() { return .rejected(cue: cue) }
        if let cue = mention.rejectionAfter() { return .rejected(cue: cue) }
        // The next statement is read only when the mention's own statement settled nothing.
        let asked = statement.upperBound < text.count && text[statement.upperBound] == UInt8(ascii: "?")
        func next() -> StanceWords? { following.map { StanceWords($0, $0.range, in: text) } }
        switch claim {
        case .concept:
            if let cue = pronounRejection(in: after) ?? next().flatMap({ dismissal(in: $0, answering: asked) }) {
                return .rejected(cue: cue)
            }
        case .misconception:
            if let cue = disavowal(before: before.words, after: after.words)
                ?? next().flatMap({ disavowalOpening($0.openingClause.prefix(backReach)) })
            {
                return .rejected(cue: cue)
            }
        }
        return .affirmed
    }

    /// The words around one match.
    private struct Mention {
        let before: StanceWords
        let after: StanceWords
        /// The match's first word: "no worse than" affirms whether or not the match starts at "worse".
        let matchStart: String?
        let text: UnsafeBufferPointer<UInt8>
        let match: Range<Int>

        /// How long a subject after "and" may run before its verb: "and retraining on fresh data is gated".
        static let subjectReach = 6

        /// A negation in the clause before the mention, unless something after the mention settles it
        /// otherwise: "No canary, no release." is a rule, "… and rollback is one command" a new clause.
        func negation() -> String? {
            if before.clauseTail.first == "without", before.words.count > before.clauseTail.count,
                doingWithout.contains(before.words[before.words.count - before.clauseTail.count - 1])
            {
                return "do without"
            }
            guard let cue = Stance.negation(before: before.clauseTail, then: matchStart) ?? coordinatedNegation() else {
                return nil
            }
            if before.clauseTail == ["no"], startsWithComma, after.words.first == "no" { return nil }
            if let and = before.clauseTail.lastIndex(of: "and"), before.clauseTail.count - and <= 2,
                after.clauseHead.prefix(Self.subjectReach).contains(where: copulas.contains)
            {
                return Stance.negation(before: Array(before.clauseTail[..<and]), then: nil) == nil ? cue : nil
            }
            return cue
        }

        /// A negation before the first of two things joined by "or" turns both down, even past the usual
        /// reach: "I didn't bother running the two side by side or agreeing on a metric".
        private func coordinatedNegation() -> String? {
            guard let or = before.clauseTail.lastIndex(where: { $0 == "or" || $0 == "nor" }),
                before.clauseTail.count - or <= Stance.scope
            else { return nil }
            return Stance.negation(before: Array(before.clauseTail[..<or]), then: nil, reach: 2 * Stance.scope)
        }

        /// A rejection in the rest of the mention's clause ("is overkill"), or of a whole list whose
        /// verdict comes after its last item ("PSI, KS tests and nightly reports are all overkill"),
        /// unless a concession takes it back ("…, but when it is, …").
        func rejectionAfter() -> String? {
            let clauses = after.clauses
            if let cue = Stance.rejection(after: after.clauseHead[...]) {
                return isConceded(clauses.dropFirst()) ? nil : cue
            }
            guard startsWithComma else { return nil }
            for (index, clause) in clauses.enumerated() {
                if let copula = clause.firstIndex(where: copulas.contains) {
                    let cue = Stance.rejection(after: clause[(copula + 1)...])
                    return cue != nil && !isConceded(clauses.dropFirst(index + 1)) ? cue : nil
                }
                if clause.count > 5 { return nil }
            }
            return nil
        }

        private var startsWithComma: Bool {
            var index = match.upperBound
            while index < text.count, text[index] == 0x20 { index += 1 }
            return index < text.count && text[index] == UInt8(ascii: ",")
        }

    }

    /// Whether a later clause takes a dismissal back: "…, but when it is, it is one command", "…, but
    /// they catch bugs". Not "…, but that's overkill", itself a dismissal.
    private static func isConceded(_ clauses: ArraySlice<ArraySlice<String>>) -> Bool {
        clauses.contains { clause in
            guard let first = clause.first, concessions.contains(first),
                let second = clause.dropFirst().first, concededSubjects.contains(second)
            else { return false }
            return pronounDismissal(clause) == nil
        }
    }

    /// Someone else's view, reported: "the team felt reviews were pointless", "she thought X was only for
    /// big teams".
    private static func isReported(_ clause: [String]) -> Bool {
        clause.indices.dropFirst().contains {
            reportedViews.contains(clause[$0]) && !firstPersons.contains(clause[$0 - 1])
        }
    }

    /// "Sure, you can run KS tests on every feature", "People will suggest tagging everything": the
    /// statement opens by handing the practice to someone else, and no "but" has taken it back.
    private static func othersSuggestion(_ before: [String]) -> String? {
        let words = before.drop { $0 == "honestly" || $0 == "and" || $0 == "so" }
        guard let first = words.first, let second = words.dropFirst().first,
            othersSuggestions[first]?.contains(second) == true, !words.contains(where: turningWords.contains)
        else { return nil }
        if first == "the", !words.dropFirst(2).prefix(1).contains(where: suggestionNouns.contains) { return nil }
        return "\(first) \(second) …"
    }

    // MARK: Before the mention

    /// How far back in its clause a negation reaches.
    static let scope = 8

    static func isNegator(_ word: String) -> Bool { negators.contains(word) || word.hasSuffix("n't") }

    /// A negation in the clause before the mention. Two negations cancel: "I'd never skip the canary",
    /// "I would not ship a model that hasn't passed the gate". A negation in a condition ("if you don't
    /// version the data, …") and a rejection called a mistake ("it's a mistake to skip the canary")
    /// turn nothing down; "we can do without X" does.
    private static func negation(before clause: [String], then matchStart: String?, reach: Int = scope) -> String? {
        var cues: [String] = []
        let words = Array(clause.suffix(reach))
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : matchStart
            let earlier = words[..<index]
            if earlier.contains(where: conditions.contains) { continue }
            if isNegator(word) {
                if let next, affirmingFollowers.contains(next) { continue }
                cues.append(word)
            } else if rejecters.contains(word) {
                if earlier.suffix(4).contains(where: blame.contains) { continue }
                cues.append(word)
            } else if let next, rejectingPairs[word]?.contains(next) == true {
                if earlier.suffix(4).contains(where: blame.contains) { continue }
                cues.append("\(word) \(next)")
            }
        }
        guard cues.count % 2 == 1 else { return nil }
        return cues.joined(separator: " … ")
    }

    // MARK: After the mention

    /// How far into its clause a rejection after a mention reaches: past a noun phrase such as "on the
    /// last few weeks of labelled data".
    static let reach = 12

    /// A rejection at the start of what follows a mention: "is overkill", "isn't needed", "doesn't tell
    /// you much", "is too much effort", "can wait", "adds nothing". A rejecting word after a negation
    /// affirms: "is not optional". A cost scoped to something else is no dismissal: "doesn't add anything
    /// to latency", "isn't worth throttling internal callers", "none of it matters to the data scientists".
    private static func rejection(after words: ArraySlice<String>, aimedBack: Bool = false) -> String? {
        let reasons = aimedBack ? backReferenceReasons : rejectingAfterNegation
        let words = Array(words.prefix(reach))
        for (index, word) in words.enumerated() {
            if let phrases = rejectingPhrasesByFirstWord[word],
                let phrase = phrases.first(where: { words[index...].starts(with: $0) })
            {
                return phrase.joined(separator: " ")
            }
            if rejectingWords.contains(word) {
                if words[max(0, index - 3)..<index].contains(where: isNegator) { continue }
                return word
            }
            if word == "too", index + 1 < words.count, words[index + 1] == "much",
                let cost = words[(index + 2)...].prefix(2).first(where: costs.contains)
            {
                return "too much \(cost)"
            }
            if word == "nothing", index > 0, givingVerbs.contains(words[index - 1]),
                words.dropFirst(index + 1).first.map(scopingWords.contains) != true
            {
                return "\(words[index - 1]) \(word)"
            }
            let isWeak = weakNegators.contains(word)
            guard isNegator(word) || isWeak else { continue }
            let rest = words[(index + 1)...].prefix(4)
            if let reasonIndex = rest.firstIndex(where: (isWeak ? weakReasons : reasons).contains) {
                let following = words.dropFirst(reasonIndex + 1).first
                if aimedBack, words[reasonIndex] == "worth", following?.hasSuffix("ing") == true { continue }
                if words[reasonIndex].hasPrefix("matter"), following.map(scopingWords.contains) == true { continue }
                return "\(word) … \(words[reasonIndex])"
            }
            guard !isWeak else { continue }
            for (offset, verb) in rest.enumerated() {
                guard let objects = dismissingAfterNegation[verb] else { continue }
                let start = index + 2 + offset
                let window = words[min(start, words.count)...].prefix(2)
                guard let objectIndex = window.firstIndex(where: objects.contains) else { continue }
                if verb == "add", words.dropFirst(objectIndex + 1).prefix(2).contains("to") { continue }
                return "\(word) \(verb) … \(words[objectIndex])"
            }
        }
        return nil
    }

    /// How many words of the next statement can dismiss the mention before it.
    static let backReach = 10

    /// "…, so I'd turn it off", "…, but I'd avoid it", "…, but that's overkill", "…: none of that is
    /// needed": a rejection aimed back at the mention.
    private static func pronounRejection(in after: StanceWords) -> String? {
        let words = after.words
        for index in words.indices {
            if let cue = turnedDown(at: index, in: words) ?? noneOrNoNeed(at: index, in: words[...]) { return cue }
        }
        if let cue = after.clauses.dropFirst().lazy.compactMap(pronounDismissal).first { return cue }
        return after.clauses.dropFirst().contains(where: isWhyBother) ? "why bother" : nil
    }

    /// "…, so why bother?": a rhetorical question that dismisses what came before.
    private static func isWhyBother(_ clause: ArraySlice<String>) -> Bool {
        clause.drop { connectives.contains($0) }.starts(with: ["why", "bother"])
    }

    /// "avoid it", "turn it off", "get rid of them", "threw it all away".
    private static func turnedDown(at index: Int, in words: [String]) -> String? {
        guard index + 1 < words.count else { return nil }
        let (word, next) = (words[index], words[index + 1])
        // Every form below has a pronoun next or "on"/"with" after the particle: two comparisons and one
        // lookup rule out most words, where the checks below cost three lookups a word.
        let onOrWith = index + 2 < words.count && (words[index + 2] == "on" || words[index + 2] == "with")
        guard onOrWith || pronouns.contains(next) else { return nil }
        // "gave up on it", "did away with them"
        if onOrWith, rejectingPairs[word]?.contains(next) == true, index + 3 < words.count,
            pronouns.contains(words[index + 3])
        {
            return "\(word) \(next) \(words[index + 2]) \(words[index + 3])"
        }
        if pronounRejecters.contains(word), pronouns.contains(next) {
            let object = words.dropFirst(index + 2).first
            if !demonstratives.contains(next) || object.map(afterObject.contains) ?? true { return "\(word) \(next)" }
        }
        guard pronouns.contains(next), let particles = rejectingPairs[word] ?? (word == "get" ? ["rid"] : nil) else {
            return nil
        }
        let tail = words.dropFirst(index + 2).prefix(2)
        if let third = tail.first, particles.contains(third) { return "\(word) \(next) \(third)" }
        if tail.first == "all", let third = tail.dropFirst().first, particles.contains(third) {
            return "\(word) \(next) all \(third)"
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
        let tail = ["none"] + words[(rest.startIndex + 3)...].prefix(4)
        return rejection(after: tail[...], aimedBack: true)
            .map { _ in "none of \(rest[rest.startIndex + 2])" }
    }

    /// A clause that opens with a pronoun and turns it down: "that's overkill", "which isn't needed",
    /// "but this doesn't tell you much", "all overkill". Not "so that …" (a purpose), which the
    /// connective rule skips.
    private static func pronounDismissal(_ clause: ArraySlice<String>) -> String? {
        var words = clause.drop { connectives.contains($0) }
        guard let pronoun = words.first, openingPronouns.contains(pronoun) else { return nil }
        if clause.first == "so", pronoun == "that" { return nil }
        words = words.dropFirst()
        if pronoun == "all" {
            if words.first == "of" { words = words.dropFirst() }
            if let next = words.first, pronouns.contains(next) { words = words.dropFirst() }
        }
        return rejection(after: words.prefix(5), aimedBack: true).map { "\(pronoun) … \($0)" }
    }

    /// The next statement, when it dismisses what came before: "None of that is needed.", "That's
    /// overkill.", "Not worth it.", "Overkill for one model.", "No need for that.", "We threw it all
    /// away.", "We've never needed any of it.", or, after a question, "Never." and "Not for us."
    private static func dismissal(in next: StanceWords, answering asked: Bool) -> String? {
        if isConceded(next.clauses.dropFirst()[...]) { return nil }
        let words = next.openingClause.prefix(backReach)
        if isWhyBother(words) { return "why bother" }
        if let cue = pronounDismissal(words) ?? noneOrNoNeed(at: words.startIndex, in: words) { return cue }
        let opening = Array(words)
        if let cue = opening.indices.lazy.compactMap({ turnedDown(at: $0, in: opening) }).first { return cue }
        if let cue = negatedWhole(Array(next.words.prefix(backReach))) { return cue }
        if asked, next.words.count <= shortAnswer, let cue = rejection(after: next.words[...]) { return cue }
        if let cue = nobodyUses(next.words) { return cue }
        if asked, next.words.count <= 4, next.words.first.map(curtAnswers.contains) == true,
            next.words.allSatisfy(curtWords.contains)
        {
            return next.words.joined(separator: " ")
        }
        guard let first = words.first else { return nil }
        if rejectingWords.contains(first) { return first }
        if isNegator(first), let second = words.dropFirst().first, backReferenceReasons.contains(second) {
            return "\(first) \(second)"
        }
        return nil
    }

    /// How long an answer to the answer's own question can be and still be read whole as one: "Drift
    /// detection? We've got better things to do."
    static let shortAnswer = 8

    /// "In practice nobody looks at it.": a dismissive "nobody" opening the statement, whose object is what
    /// came before. Not "…: models nobody uses still cost money", a problem named.
    private static func nobodyUses(_ words: [String]) -> String? {
        let index = words.indices.dropLast().prefix(3).first {
            (words[$0] == "nobody" || words[$0] == "no-one") && dismissiveVerbs.contains(words[$0 + 1])
        }
        guard let index,
            words.dropFirst(index + 2).prefix(2).last.map(pronouns.contains) == true
                || words.dropFirst(index + 2).first.map(pronouns.contains) == true
        else { return nil }
        return "\(words[index]) \(words[index + 1])"
    }

    /// "We've never needed any of it.", "We don't use any of them.": a negated verb whose object is
    /// the whole of what came before. Not "I never skipped any of them", two negations.
    private static func negatedWhole(_ words: [String]) -> String? {
        guard let negator = words.first(where: isNegator), !words.contains(where: rejecters.contains) else {
            return nil
        }
        let whole = words.indices.dropLast(2).first { index in
            ["any", "all"].contains(words[index]) && words[index + 1] == "of" && pronouns.contains(words[index + 2])
        }
        return whole.map { "\(negator) … \(words[$0]) of \(words[$0 + 2])" }
    }

    // MARK: Misconceptions

    /// The next statement disavows the claim before it: "That's a myth.", "This is wrong."
    private static func disavowalOpening(_ words: ArraySlice<String>) -> String? {
        let words = words.drop { connectives.contains($0) }
        guard let pronoun = words.first, openingPronouns.contains(pronoun) else { return nil }
        return words.dropFirst().prefix(3).first(where: disavowals.contains).map { "\(pronoun) … \($0)" }
    }

    private static func disavowal(before: [String], after: [String]) -> String? {
        if let word = before.first(where: disavowals.contains) { return word }
        if let index = before.firstIndex(where: reportingVerbs.contains), index > 0,
            reporters.contains(before[index - 1])
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
