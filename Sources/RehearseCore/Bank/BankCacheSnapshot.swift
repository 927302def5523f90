import PCRE2

/// What `BankCache` keeps of a load: the bank without its compiled patterns (their sources only), the
/// typo vocabulary it derived, and the load's warnings and pattern sites. BankCacheLayout.swift writes
/// and reads it.
struct BankSnapshot {
    var domains: [Domain]
    /// By id in the bank; a list here, sorted by id, so that the same bank writes the same bytes.
    var concepts: [Concept]
    var misconceptions: [Misconception]
    var questions: [Question]
    var contentHash: String
    var patterns: [String]
    /// Each group as its name, then its terms.
    var synonyms: [[String]]
    var vocabulary: [String]
    /// The vocabulary's words that answers may be corrected towards (`TypoCorrector.Vocabulary.targets`).
    var targets: [String]
    var diagnostics: [Diagnostic]
    /// Patterns set aside for catastrophic backtracking: left out of `patterns`, reported again.
    var setAside: [Diagnostic]
    var patternSites: [PatternSite]

    init(bank: Bank, result: BankLoader.Result) {
        domains = bank.domains
        concepts = bank.concepts.keys.sorted().compactMap { bank.concepts[$0] }
        misconceptions = bank.misconceptions.keys.sorted().compactMap { bank.misconceptions[$0] }
        questions = bank.questions
        contentHash = bank.contentHash
        patterns = bank.patterns.sources.sorted()
        synonyms = bank.synonyms.groups.keys.sorted().map { [$0] + bank.synonyms.groups[$0]! }
        vocabulary = bank.typoCorrector.vocabularyWords.sorted()
        targets = bank.typoCorrector.targetWords.sorted()
        diagnostics = result.diagnostics
        setAside = result.setAside
        patternSites = result.patternSites
    }

    func result(wordList: WordList) -> BankLoader.Result {
        let bank = Bank(
            domains: domains, concepts: Dictionary(concepts.map { ($0.id, $0) }, uniquingKeysWith: { $1 }),
            misconceptions: Dictionary(misconceptions.map { ($0.id, $0) }, uniquingKeysWith: { $1 }),
            questions: questions, contentHash: contentHash, patterns: PatternLibrary(compilingOnFirstUse: patterns),
            synonyms: SynonymTable(
                Dictionary(synonyms.map { ($0[0], Array($0.dropFirst())) }, uniquingKeysWith: { $1 })),
            typoCorrector: TypoCorrector(
                normalized: TypoCorrector.Vocabulary(words: Set(vocabulary), targets: Set(targets)), wordList: wordList)
        )
        return BankLoader.Result(
            bank: bank, diagnostics: diagnostics, partial: bank,
            patternSites: patternSites, setAside: setAside)
    }
}
