import Foundation
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

/// Every pattern of the bank, looked up by its source text and compiled once per process: all at once by
/// a full load (which must compile each pattern to report the invalid ones), or each on first use when
/// the bank came from `BankCache`, whose patterns all compiled when the cache was written; so listing
/// the bank compiles nothing, and grading compiles the patterns of the questions it grades. Copies share the compiled
/// patterns (`Pattern` is a class), so passing the bank around compiles nothing again.
public struct PatternLibrary: Sendable {
    private let storage: Storage

    public init(_ compiled: [String: Pattern]) { storage = Storage(compiled: compiled, sources: Set(compiled.keys)) }

    /// A library of `sources` that compiles each one the first time it is asked for.
    public init(compilingOnFirstUse sources: some Sequence<String>) {
        storage = Storage(compiled: [:], sources: Set(sources))
    }

    /// The compiled pattern, or nil when `source` is not a pattern of the bank (or no longer compiles).
    public subscript(source: String) -> Pattern? { storage.pattern(for: source) }

    public var count: Int { storage.sources.count }

    /// Every pattern's source, compiled yet or not.
    public var sources: Set<String> { storage.sources }

    /// Compiled patterns are immutable and shareable; the dictionary that holds them is guarded by a lock.
    private final class Storage: @unchecked Sendable {
        let sources: Set<String>
        private var compiled: [String: Pattern]
        private let lock = NSLock()

        init(compiled: [String: Pattern], sources: Set<String>) {
            self.compiled = compiled
            self.sources = sources
        }

        func pattern(for source: String) -> Pattern? {
            lock.lock()
            defer { lock.unlock() }
            if let pattern = compiled[source] { return pattern }
            guard sources.contains(source), let pattern = try? Pattern(source) else { return nil }
            compiled[source] = pattern
            return pattern
        }
    }
}
