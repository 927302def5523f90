import Foundation

/// Drafts a rubric from a sample answer, for a coach to refine: one concept per key term, matched by
/// its stem with any ending (`\bretrain\w*`), or by its synonym group (`\b{{deploy}}\w*`).
///
/// Words the question itself contains are left out (candidates echo the question, so they tell good
/// answers from poor ones no better than chance), British spellings are mapped to American ones before
/// stemming, terms that are not plain English words (MLflow, Kubernetes) weigh twice as much as common
/// ones, and the draft scores on the square-root curve, as graders give partial answers more than their
/// share of the terms.
public struct RubricDrafter {
    public struct Options: Sendable {
        public var leavesOutQuestionWords = true
        public var weighsKeyTerms = true
        public var scoring: ScoringCurve = .sqrt

        public init() {}
    }

    private let synonyms: SynonymTable
    private let wordList: WordList
    private let stemmer: Stemmer
    private let options: Options

    public init(synonyms: SynonymTable, wordList: WordList = .system, options: Options = Options()) {
        self.synonyms = synonyms
        self.wordList = wordList
        self.stemmer = Stemmer(wordList: wordList)
        self.options = options
    }

    public func draft(id: String, domain: String, prompt: String, sampleAnswer: String) -> RubricDraft {
        let promptStems = Set(Words.of(prompt).map(stemmer.stem))
        var concepts = terms(of: sampleAnswer, excluding: options.leavesOutQuestionWords ? promptStems : [])
        if concepts.isEmpty { concepts = terms(of: sampleAnswer, excluding: []) }
        return RubricDraft(
            id: id, domain: domain, prompt: prompt, sampleAnswer: sampleAnswer, concepts: concepts,
            scoring: options.scoring)
    }

    private func terms(of answer: String, excluding excluded: Set<String>) -> [DraftConcept] {
        var concepts: [DraftConcept] = []
        var seen = Set<String>()
        for word in Words.of(answer).map(Self.droppingPossessive) where isContentWord(word) {
            let stem = stemmer.stem(word)
            guard !excluded.contains(stem) else { continue }
            let american = Spelling.american(word, isKnownWord: wordList.contains)
            if let group = synonyms.group(containing: word) ?? synonyms.group(containing: american) {
                guard seen.insert("{{\(group)}}").inserted else { continue }
                concepts.append(
                    DraftConcept(
                        id: Self.identifier(group), term: word, pattern: "\\b{{\(group)}}\\w*",
                        weight: weight(of: american)))
                continue
            }
            guard seen.insert(stem).inserted else { continue }
            concepts.append(
                DraftConcept(
                    id: Self.identifier(american), term: word, pattern: "\\b\(Self.prefix(stem: stem, word: word))\\w*",
                    weight: weight(of: american)))
        }
        return Self.uniqueIdentifiers(concepts)
    }

    /// "parameters'" → "parameters", "model's" → "model".
    static func droppingPossessive(_ word: String) -> String {
        var word = Substring(word)
        if word.hasSuffix("'s") { word = word.dropLast(2) }
        return String(word.trimmingCharacters(in: CharacterSet(charactersIn: "'")))
    }

    private func isContentWord(_ word: String) -> Bool {
        // Only the stop words: a longer list ("first", "one", "make") cost agreement on the dev set, as
        // those words often carry the point ("the first element").
        word.count > 2 && word.allSatisfy(\.isLetter) && !Words.stopWords.contains(word)
    }

    private func weight(of word: String) -> Double {
        guard options.weighsKeyTerms, !wordList.isEmpty else { return 1 }
        return wordList.contains(word) ? 1 : 2
    }

    /// What the pattern matches from: the stem when it begins the word (retraining → retrain), else the
    /// part the stem and word share (study → studi → "stud").
    static func prefix(stem: String, word: String) -> String {
        if word.hasPrefix(stem) { return stem }
        let shared = String(zip(stem, word).prefix { $0 == $1 }.map(\.0))
        return shared.count >= 3 ? shared : word
    }

    static func identifier(_ word: String) -> String {
        String(word.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    private static func uniqueIdentifiers(_ concepts: [DraftConcept]) -> [DraftConcept] {
        var used = Set<String>()
        return concepts.map { concept in
            var concept = concept
            var candidate = concept.id
            var suffix = 2
            while !used.insert(candidate).inserted {
                candidate = "\(concept.id)-\(suffix)"
                suffix += 1
            }
            concept.id = candidate
            return concept
        }
    }
}

/// One drafted concept: a key term of the sample answer and the pattern that finds it.
public struct DraftConcept: Sendable, Hashable {
    public var id: String
    /// The word as the sample answer wrote it.
    public var term: String
    public var pattern: String
    public var weight: Double
}

/// A drafted question file, printed as YAML for a coach to refine.
public struct RubricDraft: Sendable {
    public var id: String
    public var domain: String
    public var prompt: String
    public var sampleAnswer: String
    public var concepts: [DraftConcept]
    public var scoring: ScoringCurve

    public func yaml() -> String {
        var out = """
            # Drafted by 'rehearse rubric draft' from the sample answer: one concept per key term.
            # Merge concepts that are one idea, add the ways people say it, write a 'why' for each, and
            # replace the examples with real answers; then run 'rehearse rubric test'.
            id: \(id)
            domain: \(domain)
            kind: technical
            scoring: \(scoring.rawValue)
            prompt: \(Self.block(prompt))
            sample_answer: \(Self.block(sampleAnswer))
            concepts:

            """
        for concept in concepts {
            out += "  - id: \(concept.id)\n"
            out += "    label: Mentions \(Self.quoted(concept.term))\n"
            out += "    weight: \(concept.weight.formatted)\n"
            out += "    patterns: [\(Self.quoted(concept.pattern))]\n"
            out += "    why: \(Self.quoted("A key term of the sample answer; say why it matters."))\n"
        }
        out += "examples:\n"
        out += "  - level: strong\n    answer: \(Self.block(sampleAnswer, indent: 6))\n"
        if let first = concepts.first {
            out += "  - level: weak\n    answer: I am not sure.\n    expect: {missing: [\(first.id)]}\n"
        }
        return out
    }

    /// A literal block scalar, so any text survives without escaping.
    static func block(_ text: String, indent: Int = 2) -> String {
        let padding = String(repeating: " ", count: indent)
        let lines = text.trimmingTrailingWhitespace.split(separator: "\n", omittingEmptySubsequences: false)
        return "|-\n" + lines.map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
    }

    /// A single-quoted YAML scalar: backslashes stay as written, a quote is doubled.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
