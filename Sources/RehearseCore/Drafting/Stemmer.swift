internal import CStemmer

/// Snowball's English stemmer: retraining → retrain, deployments → deploy.
///
/// Owns a C stemmer whose buffer each call overwrites, so it is not `Sendable`: make one per thread.
public final class Stemmer {
    private let handle: OpaquePointer

    private let wordList: WordList

    /// `wordList` tells an American word from a British one.
    public init(wordList: WordList = .empty) {
        self.wordList = wordList
        guard let handle = sb_stemmer_new("english", nil) else {
            fatalError("libstemmer has no English stemmer; install libstemmer-dev (scripts/setup.sh)")
        }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one lower-case word. British spellings are mapped to American ones first, so
    /// containerised and containerized share the stem "container".
    public func stem(_ word: String) -> String {
        let american = Spelling.american(word, isKnownWord: wordList.contains)
        let bytes = Array(american.utf8)
        guard let stemmed = sb_stemmer_stem(handle, bytes, Int32(bytes.count)) else { return american }
        let length = Int(sb_stemmer_length(handle))
        return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
    }
}
