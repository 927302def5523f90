import Foundation

/// One word of an answer that grading read as another: a typo or a British spelling.
public struct Correction: Codable, Sendable, Hashable {
    /// What the candidate wrote.
    public var read: String
    /// The bank's word it was taken for.
    public var takenAs: String
    /// True when `read` is another spelling of `takenAs` (British or American), not a typo; nil for a typo,
    /// and in grades saved before the distinction.
    public var spelling: Bool?
    /// UTF-8 byte offsets of the word in the answer as written.
    public var start: Int
    public var end: Int
}

/// Corrects an answer's misspelt key terms against the bank's own vocabulary, so that "retrian the
/// modle" earns the retraining concept while PCRE2 still does all the matching.
///
/// A word is corrected only when it is at least five letters long, is neither a word of the bank, an
/// English word nor common ML and infrastructure jargon (so "cache" is never read as "catch", nor
/// "sharding" as "sharing"), and exactly one bank word is closest to it: one edit away (two for words
/// of nine letters or more), a swapped pair of letters counting as one. A correction always names a
/// real word: one the bank writes in its texts, or one of the word list, never a fragment of a pattern
/// ("compar") or a stem glued to an ending ("anonymisedion"). British and American spellings (-ise and
/// -ize, -isation and -ization, ...) are read as the bank's form and marked as spellings, not typos.
public struct TypoCorrector: Sendable {
    /// Words shorter than this are never corrected: too many real words lie one edit apart.
    static let minimumLength = 5
    static let longWordLength = 9
    /// Endings tried when a misspelt word is an inflection of a bank word: "retrianing" → "retraining".
    static let suffixes = ["s", "es", "ed", "d", "ing", "er", "ers", "ly", "ment", "ments", "ion", "ions"]
    /// American endings and their British forms, to read "pseudonymize" as a bank's "pseudonymise".
    static let britishEndings = [
        ("izations", "isations"), ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izers", "isers"),
        ("izer", "iser"), ("izes", "ises"), ("ize", "ise"), ("yzing", "ysing"), ("yzed", "ysed"), ("yze", "yse"),
    ]
    /// Jargon of the field that no English word list has and that lies one edit from a bank word
    /// ("sharding" / "sharing"): written on purpose, never a typo.
    static let jargon: Set<String> = [
        "sharding", "sharded", "shards", "anonymisation", "anonymization", "anonymise", "anonymize", "anonymised",
        "anonymized", "pseudonymisation", "pseudonymization", "pseudonymise", "pseudonymize", "pseudonymised",
        "pseudonymized", "tokenizer", "tokeniser", "tokenizers", "tokenisers", "tokenization", "tokenisation",
        "embeddings", "finetune", "finetuning", "finetuned", "dataloader", "dataloaders", "dataset", "datasets",
        "autoscaler", "autoscaling", "autoscale", "kubectl", "kubernetes", "terraform", "dockerfile", "containerise",
        "containerize", "containerised", "containerized", "serverless", "backfill", "backfills", "backfilled",
        "hyperparameter", "hyperparameters", "featurize", "featurise", "featurization", "featurisation",
        "quantization", "quantisation", "quantized", "quantised", "distillation", "overfitting", "underfitting",
        "overfit", "underfit", "upsampling", "downsampling", "upsample", "downsample", "preprocessing",
        "postprocessing", "observability", "idempotent", "idempotency", "failover", "rollout", "rollouts",
        "rollback", "rollbacks", "canaries", "runbook", "runbooks", "pipelines", "retraining", "retrained",
        "inferencing", "batching", "microservice", "microservices", "vectorise", "vectorize", "vectorised",
        "vectorized", "parallelism", "throughput", "latencies", "drifted", "multimodal", "tensorflow", "pytorch",
        "mlflow", "kubeflow", "airflow", "sagemaker", "vertex", "grafana", "prometheus",
    ]

    /// A bank's words: every word (never corrected) and the real words among them (corrected towards).
    public struct Vocabulary: Sendable {
        public var words: Set<String>
        public var targets: Set<String>
    }

    private let vocabulary: Set<String>
    /// The words corrected towards, by length: worked out on first use, since it asks the word list, and
    /// a command that loads the bank without correcting a typo (`bank list`) should not read the list.
    private let lazyTargets: LazyTargets
    private var targets: Set<String> { lazyTargets.value.all }
    private var targetsByStart: [LazyTargets.Start: [String]] { lazyTargets.value.byStart }
    private let wordList: WordList

    /// Every word of `vocabulary` may be corrected towards.
    public init(vocabulary: some Sequence<String>, wordList: WordList) {
        let words = Set(vocabulary.map { $0.lowercased() })
        self.init(vocabulary: Vocabulary(words: words, targets: words), wordList: wordList)
    }

    public init(vocabulary: Vocabulary, wordList: WordList) {
        let long = { (words: Set<String>) in
            Set(words.map { $0.lowercased() }.filter { $0.count >= Self.minimumLength })
        }
        self.init(
            normalized: Vocabulary(words: long(vocabulary.words), targets: long(vocabulary.targets)), wordList: wordList
        )
    }

    /// From words already lower case and long enough, as `vocabularyWords` and `targetWords` give them:
    /// the bank cache's, which need not look at every word again.
    init(normalized vocabulary: Vocabulary, wordList: WordList) {
        let words = vocabulary.words, named = vocabulary.targets
        self.vocabulary = words
        self.lazyTargets = LazyTargets { named.union(words.filter(wordList.contains)) }
        self.wordList = wordList
    }

    public static let disabled = TypoCorrector(vocabulary: [], wordList: .empty)

    public var isEmpty: Bool { vocabulary.isEmpty }

    /// The bank words it corrects towards, for `BankCache` to store.
    var vocabularyWords: Set<String> { vocabulary }
    /// The words answers may be corrected towards (real words; never a pattern's stem), for the bank cache.
    var targetWords: Set<String> { targets }

    /// The bank word that `word` (lower case, letters only) should be read as, or nil to leave it.
    public func correction(for word: String) -> String? { reading(of: word)?.word }

    /// The bank word that `word` should be read as, and whether it is another spelling of it (British
    /// or American) rather than a typo; nil to leave the word as written.
    public func reading(of word: String) -> (word: String, isSpelling: Bool)? {
        guard word.count >= Self.minimumLength, !vocabulary.contains(word) else { return nil }
        let american = Spelling.american(word, isKnownWord: wordList.contains), british = britishForm(of: word)
        // The bank writes the word the other way: read it so, as a spelling.
        for other in [american, british] where other != word && vocabulary.contains(other) { return (other, true) }
        guard !isKnown(word) else { return nil }
        if american != word, isKnown(american) { return (american, true) }
        // The American form of a word or of jargon the bank does not use is the candidate's spelling.
        if british != word, isKnown(british) { return nil }
        if let direct = closestTarget(to: word) { return (direct, false) }
        for suffix in Self.suffixes where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count))
            if isKnown(stem) { return nil }
            if stem.count >= Self.minimumLength, let corrected = closestTarget(to: stem) {
                // Only a real word: "retrain" + "ing", never "anonymised" + "ion".
                let inflected = corrected + suffix
                return targets.contains(inflected) || wordList.contains(inflected) ? (inflected, false) : nil
            }
        }
        return nil
    }

    private func isKnown(_ word: String) -> Bool {
        vocabulary.contains(word) || wordList.contains(word) || Self.jargon.contains(word)
    }

    private func britishForm(of word: String) -> String {
        for (american, british) in Self.britishEndings where word.hasSuffix(american) {
            return word.dropLast(american.count) + british
        }
        return word
    }

    /// The single real bank word nearest to `word` within the allowed distance; nil when none or a tie.
    private func closestTarget(to word: String) -> String? {
        let allowed = word.count >= Self.longWordLength ? 2 : 1
        var best: (word: String, distance: Int)?
        var tied = false
        for length in (word.count - allowed)...(word.count + allowed) {
            // People rarely mistype a word's first letter; checking only those candidates keeps this cheap.
            for candidate in targetsByStart[LazyTargets.Start(length: length, first: word.first)] ?? [] {
                let distance = editDistance(word, candidate, atMost: allowed)
                guard distance <= allowed else { continue }
                if let current = best, distance >= current.distance {
                    if distance == current.distance { tied = true }
                    continue
                }
                best = (candidate, distance)
                tied = false
            }
        }
        return tied ? nil : best?.word
    }
}

/// The correction targets, computed once, on first use, by whichever thread asks first.
private final class LazyTargets: @unchecked Sendable {
    /// A word's length and first letter: the candidates for a correction share the first letter.
    struct Start: Hashable {
        var length: Int
        var first: Character?
    }

    struct Value {
        var all: Set<String>
        var byStart: [Start: [String]]
    }

    private let lock = NSLock()
    private var computed: Value?
    private let make: @Sendable () -> Set<String>

    init(_ make: @escaping @Sendable () -> Set<String>) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let all = make()
        let value = Value(all: all, byStart: Dictionary(grouping: all) { Start(length: $0.count, first: $0.first) })
        computed = value
        return value
    }
}

extension TypoCorrector {
    /// The words a bank uses, to correct answers towards: every run of letters written literally in a
    /// pattern (not a `\w` or `\b` escape), and the words of labels, prompts, sample and example answers.
    /// Only the words of the texts are sure to be words: a pattern's runs of letters may be stems
    /// ("compar" of `compar(e|ing)`), which are never corrected but never corrected towards either.
    static func vocabulary(patterns: [String], texts: [String]) -> Vocabulary {
        var words = Set<String>()
        for pattern in patterns { words.formUnion(literalWords(in: pattern)) }
        var textWords = Set<String>()
        for text in texts { textWords.formUnion(Words.of(text).filter(isLowercaseASCIIWord)) }
        return Vocabulary(words: words.union(textWords), targets: textWords)
    }

    /// Runs of ASCII letters in a pattern, lower-cased, skipping the letter after each backslash
    /// (`\bre-?train\w*` gives "re", "train"). Bytes, not Characters: this runs over every pattern at load.
    static func literalWords(in pattern: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in pattern.utf8 {
            if escaped {
                escaped = false
                continue
            }
            if byte == UInt8(ascii: "\\") { escaped = true }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            default:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func isLowercaseASCIIWord(_ word: String) -> Bool {
        word.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }
}
