import Foundation
import PCRE2
import Yams

/// Loads Rubrics/: bank.yaml (domains), concepts/*.yaml (shared concepts) and one file per question in a
/// folder per domain. Every problem found is reported, each with its file, line and column.
public struct BankLoader: Sendable {
    /// What a load produced: the bank when there were no errors, and every diagnostic either way.
    public struct Result: Sendable {
        public var bank: Bank?
        public var diagnostics: [Diagnostic]
        /// Everything that did load, even when some files had errors, so lint can check the rest.
        public var partial: Bank
        /// Every pattern as written, with where it is written and whose it is.
        public var patternSites: [PatternSite]
        /// Patterns that backtrack catastrophically, left out of the bank: the rest of the bank still
        /// loads (an interview goes on; an answer that needs one is saved ungraded), lint reports each as
        /// an error, `rubric test` fails the question, and every command should warn of them.
        public var setAside: [Diagnostic] = []
    }

    public static let bankFile = "bank.yaml"
    public static let conceptsFolder = "concepts"
    public static let misconceptionsFolder = "misconceptions"

    private let matchLimits: MatchLimits
    private let wordList: WordList
    private let cache: BankCache?
    private let probeCache: ProbeCache

    /// `wordList` holds the English words that typo tolerance never corrects. With a `cache`, a bank
    /// whose files did not change since it last loaded without errors is read from there; `probeCache`
    /// remembers the patterns already found free of catastrophic backtracking.
    public init(
        matchLimits: MatchLimits = .default, wordList: WordList = .system, cache: BankCache? = nil,
        probeCache: ProbeCache = .none
    ) {
        self.matchLimits = matchLimits
        self.wordList = wordList
        self.cache = cache
        self.probeCache = probeCache
    }

    /// Loads the bank or throws every error found.
    public func load(from folder: URL) throws(BankError) -> Bank {
        let result = try loadReportingAll(from: folder)
        guard let bank = result.bank else { throw .invalid(result.diagnostics) }
        return bank
    }

    /// Loads the bank and returns every diagnostic, errors and warnings, in file order.
    public func loadReportingAll(from folder: URL) throws(BankError) -> Result {
        guard let cache else { return try parse(folder) }
        return try cache.load(folder, limits: matchLimits, wordList: wordList) { () throws(BankError) in
            try parse(folder)
        }
    }

    /// The full load: every file read and parsed, every pattern compiled.
    private func parse(_ folder: URL) throws(BankError) -> Result {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingFolder(path: folder.path)
        }
        var session = LoadSession(root: folder)
        session.loadDomains()
        session.loadSynonyms()
        session.loadConcepts()
        session.loadSharedMisconceptions()
        session.loadQuestions()
        session.reportUnusedConcepts()
        let patterns = session.compilePatterns(limits: matchLimits, probeCache: probeCache)
        let diagnostics = session.diagnostics.sorted { $0.location < $1.location }
        let bank = Bank(
            domains: session.domains, concepts: session.concepts, misconceptions: session.misconceptions,
            questions: session.questions,
            contentHash: session.hash.hex, patterns: patterns, synonyms: session.synonyms,
            typoCorrector: TypoCorrector(vocabulary: session.vocabulary(), wordList: wordList))
        return Result(
            bank: diagnostics.hasErrors ? nil : bank, diagnostics: diagnostics, partial: bank,
            patternSites: session.patternSites, setAside: session.setAside.sorted { $0.location < $1.location })
    }
}

/// A pattern as written in a file, kept with its node so a compile error points at it.
public struct PatternSite: Sendable, Hashable {
    public var source: String
    /// Where the scalar starts (its opening quote, if quoted).
    public var location: SourceLocation
    /// The column in the file of each character of `source` (see `ScalarColumns`); nil when `{{synonyms}}`
    /// were expanded or the pattern spans lines, so an offset into it is no column in the file.
    public var columns: [Int]?
    /// Whose pattern it is, as messages name it: "concept 'alerting' of question 'handle-data-drift'".
    public var owner: String

    /// Where the character at a UTF-8 byte offset of `source` is written; the pattern's start when unknown.
    public func location(ofByte offset: Int) -> SourceLocation {
        guard let columns else { return location }
        var place = location
        place.column = ScalarColumns.column(ofByte: offset, in: source, columns: columns)
        return place
    }
}

extension Duration {
    /// Parses "90", "90s", "3m", "2m30s" into whole seconds.
    static func seconds(parsing text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = Int(text) { return plain }
        var total = 0
        var digits = ""
        for character in text {
            if character.isNumber {
                digits.append(character)
            } else if let value = Int(digits), character == "m" || character == "s" {
                total += character == "m" ? value * 60 : value
                digits = ""
            } else {
                return nil
            }
        }
        return digits.isEmpty ? total : nil
    }
}

extension Double {
    /// 3 for 3.0, 2.5 for 2.5: how a coach wrote it.
    var formatted: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
