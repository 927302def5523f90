import Foundation

/// Drafts a rubric from a sample answer, for a coach to refine: at most `maximumConcepts` concepts,
/// the shared concepts of the bank the sample already earns (`ref:`) first, then its key terms, each
/// matched by its whole-word forms (`\b(?:retrain|retrains|retrained|retraining)\b`), a phrase the bank
/// writes together ("root cause") as one term, and a synonym group (`\b{{rollback}}\w*`) as one.
///
/// Words the question itself contains are left out (candidates echo the question), except its main
/// idea: the prompt's word the sample answer uses most. British spellings are mapped to American ones
/// before stemming, and terms that are not plain English words (MLflow, Kubernetes) weigh twice as
/// much as common ones.
public struct RubricDrafter {
    public struct Options: Sendable, Hashable {
        public var leavesOutQuestionWords = true
        public var keepsMainIdea = true
        public var weighsKeyTerms = true
        /// `\b(?:retrain|retrained|retrains)\b`; false: the stem with any ending, `\bretrain\w*`.
        public var matchesWholeWords = true
        public var maximumConcepts = 12
        public var scoring: ScoringCurve = .calibrated
        /// Written as `grading: {...}` where a rule is not the default.
        public var grading = GradingRules()
        /// Keeps the words an interview answer pads with ("once", "first", "each") and numbers and
        /// one- or two-letter names: in a one-line answer "at least once" or "N operations" is the point.
        public var keepsEveryWord = false

        public init() {}

        /// `rubric draft --style short-answer`: for one-line answers to short factual questions, the
        /// choices 5-fold cross-validation by question picked on the short-answer development set
        /// (Benchmarks/README.md): a named term earns full credit, a negation does not turn it down ("it
        /// does not need to search" is a right answer there), and the draft keeps more terms, every word
        /// of them.
        public static let shortAnswer: Options = {
            var options = Options()
            options.scoring = .sqrt
            options.maximumConcepts = 30
            options.grading = GradingRules(namedOnly: .full, negation: .ignored)
            options.matchesWholeWords = false
            options.keepsEveryWord = true
            return options
        }()
    }

    private let synonyms: SynonymTable
    private let wordList: WordList
    private let stemmer: Stemmer
    private let options: Options
    private let bank: Bank?
    private let phrases: Set<String>
    /// How many of the bank's answers use each stem, and how many answers there are: a term most
    /// answers use tells this question's answers apart less than one few use.
    private let documentFrequency: [String: Int]
    private let documentCount: Int

    /// With a `bank`, the draft refers to its shared concepts and treats the word pairs its answers
    /// write together as phrases.
    public init(
        synonyms: SynonymTable, wordList: WordList = .system, options: Options = Options(), bank: Bank? = nil
    ) {
        self.synonyms = synonyms
        self.wordList = wordList
        let stemmer = Stemmer(wordList: wordList)
        self.stemmer = stemmer
        self.options = options
        self.bank = bank
        let documents = bank?.questions.flatMap { [$0.sampleAnswer] + $0.examples.map(\.answer) } ?? []
        let finder = DraftTermFinder(
            synonyms: synonyms, wordList: wordList, stemmer: stemmer, phrases: [], weighsKeyTerms: false,
            matchesWholeWords: true)
        self.phrases = DraftTermFinder.phrases(in: documents, stemmer: stemmer, isContentWord: finder.isContentWord)
        var frequency: [String: Int] = [:]
        for document in documents {
            for stem in Set(Words.of(document).map(stemmer.stem)) { frequency[stem, default: 0] += 1 }
        }
        self.documentFrequency = frequency
        self.documentCount = documents.count
    }

    public func draft(
        id: String, domain: String, kind: QuestionKind = .technical, prompt: String, sampleAnswer: String
    ) -> RubricDraft {
        let refs = sharedConcepts(earnedBy: sampleAnswer, kind: kind)
        let finder = DraftTermFinder(
            synonyms: synonyms, wordList: wordList, stemmer: stemmer, phrases: phrases,
            weighsKeyTerms: options.weighsKeyTerms, matchesWholeWords: options.matchesWholeWords,
            keepsEveryWord: options.keepsEveryWord)
        let all = finder.terms(of: sampleAnswer)
        let covered = refs.map { $0.quote.lowercased() }
        let fresh = all.filter { term in !covered.contains { $0.contains(term.text) } }
        let chosen = choose(fresh, prompt: prompt, room: max(1, options.maximumConcepts - refs.count))
        var used = Set(bank?.concepts.keys.map { $0 } ?? [])
        var concepts = refs.map { DraftConcept.ref($0.id, weight: 2) }
        used.formUnion(refs.map(\.id))
        for term in chosen {
            concepts.append(
                .term(
                    id: Self.unique(
                        Self.identifier(term.group ?? Spelling.american(term.text, isKnownWord: wordList.contains)),
                        in: &used), text: term.text,
                    pattern: term.pattern, core: term.core, weight: term.weight))
        }
        return RubricDraft(
            id: id, domain: domain, kind: kind, prompt: prompt, sampleAnswer: sampleAnswer, concepts: concepts,
            scoring: options.scoring, grading: options.grading)
    }

    /// The terms worth a concept: the prompt's words left out but for its main idea, then the most
    /// weighty and most repeated, in the order the sample answer uses them.
    private func choose(_ terms: [DraftTerm], prompt: String, room: Int) -> [DraftTerm] {
        let promptStems = Set(Words.of(prompt).map(stemmer.stem))
        func echoes(_ term: DraftTerm) -> Bool { term.stems.allSatisfy(promptStems.contains) }
        let kept = options.leavesOutQuestionWords ? terms.filter { !echoes($0) } : terms
        var main: DraftTerm?
        if options.leavesOutQuestionWords, options.keepsMainIdea {
            main = terms.filter(echoes).max { ($0.count, -$0.position) < ($1.count, -$1.position) }
            if let found = main, found.count < 2, !kept.isEmpty { main = nil }
        }
        let pool = kept.isEmpty && main == nil ? terms : kept
        let ranked = pool.sorted { (salience($0), -$0.position) > (salience($1), -$1.position) }
        let chosen = (main.map { [$0] } ?? []) + ranked.prefix(room - (main == nil ? 0 : 1))
        return chosen.sorted { $0.position < $1.position }
    }

    /// Weight × uses × inverse document frequency over the bank's answers (1 without a bank).
    private func salience(_ term: DraftTerm) -> Double {
        let rarity =
            term.stems.map { stem in
                log(Double(documentCount + 1) / Double(documentFrequency[stem, default: 0] + 1)) + 1
            }.max() ?? 1
        return term.weight * Double(term.count) * rarity
    }

    /// The bank's shared concepts the sample answer earns, with what earned each; for a behavioural
    /// question the STAR parts first.
    private func sharedConcepts(earnedBy sample: String, kind: QuestionKind) -> [(id: String, quote: String)] {
        guard let bank, !bank.concepts.isEmpty else { return [] }
        let ids = bank.concepts.keys.sorted().filter { id in
            bank.concepts[id]!.patterns.allSatisfy { bank.patterns[$0] != nil }
                && (kind == .behavioural || !Self.starConcepts.contains(id))
        }
        let probe = Question(
            id: "draft-probe", domain: "draft", kind: .technical, prompt: "", sampleAnswer: sample,
            rubric: Rubric(concepts: ids.map { RubricConcept(concept: bank.concepts[$0]!) }),
            source: SourceLocation(file: "draft", line: 1, column: 1))
        guard let grade = try? Grader(bank: bank, correctsTypos: false).grade(sample, for: probe) else { return [] }
        let earned = grade.concepts.filter { $0.matched && !$0.isNamedOnly }.compactMap { result in
            result.evidence.map { (id: result.id, quote: $0.quote, start: $0.start) }
        }
        let star = Self.starConcepts.compactMap { id in earned.first { $0.id == id } }
        let others = earned.filter { !Self.starConcepts.contains($0.id) }.sorted { $0.start < $1.start }
        let room = kind == .behavioural ? Self.maximumRefs + star.count : Self.maximumRefs
        return Array((star + others).prefix(room)).map { ($0.id, $0.quote) }
    }

    /// The shared concepts of a STAR answer (concepts/behavioural.yaml), in story order.
    public static let starConcepts = ["star-situation", "star-task", "star-action", "star-result", "lesson-learned"]
    /// Shared concepts are broad; more than a few would crowd out the question's own terms.
    static let maximumRefs = 3

    /// "parameters'" → "parameters", "model's" → "model".
    static func droppingPossessive(_ word: String) -> String {
        var word = Substring(word)
        if word.hasSuffix("'s") { word = word.dropLast(2) }
        return String(word.trimmingCharacters(in: CharacterSet(charactersIn: "'")))
    }

    static func identifier(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func unique(_ id: String, in used: inout Set<String>) -> String {
        var candidate = id
        var suffix = 2
        while !used.insert(candidate).inserted {
            candidate = "\(id)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
