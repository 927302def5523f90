import PCRE2

/// The whole question bank as loaded from Rubrics/: domains, shared concepts, questions, and every
/// pattern compiled once.
public struct Bank: Sendable {
    public var domains: [Domain]
    public var concepts: [String: Concept]
    /// The shared misconceptions of Rubrics/misconceptions/, by id.
    public var misconceptions: [String: Misconception]
    public var questions: [Question]
    /// Fingerprint of every file the bank was read from.
    public var contentHash: String
    public let patterns: PatternLibrary
    /// The shared synonym table, Rubrics/synonyms.yaml.
    public var synonyms: SynonymTable
    /// Corrects misspelt key terms of answers towards the bank's own words.
    public var typoCorrector: TypoCorrector

    public init(
        domains: [Domain], concepts: [String: Concept], misconceptions: [String: Misconception] = [:],
        questions: [Question], contentHash: String,
        patterns: PatternLibrary, synonyms: SynonymTable = SynonymTable(), typoCorrector: TypoCorrector = .disabled
    ) {
        self.domains = domains
        self.concepts = concepts
        self.misconceptions = misconceptions
        self.questions = questions
        self.contentHash = contentHash
        self.patterns = patterns
        self.synonyms = synonyms
        self.typoCorrector = typoCorrector
    }

    public func question(id: String) throws(BankError) -> Question {
        if let question = questions.first(where: { $0.id == id }) { return question }
        throw .unknownQuestion(id: id, suggestion: suggestion(for: id, in: questions.map(\.id)))
    }

    public func domain(id: String) -> Domain? { domains.first { $0.id == id } }
}

/// Every pattern of the bank, compiled once per process and looked up by its source text. Copies share
/// the compiled patterns (`Pattern` is a class), so passing the bank around compiles nothing again.
public struct PatternLibrary: Sendable {
    private let compiled: [String: Pattern]

    public init(_ compiled: [String: Pattern]) { self.compiled = compiled }

    public subscript(source: String) -> Pattern? { compiled[source] }

    public var count: Int { compiled.count }
}
