/// A set of lower-case words that rules most words out before it hashes them: stance reads several such
/// sets about every word near every mention, and most words are in none. A word is hashed only when a
/// word of the set has its first byte and its length in bytes; answers as `Set<String>.contains` does.
struct WordSet: ExpressibleByArrayLiteral, Sendable {
    let words: Set<String>
    private let filter: WordFilter

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        self.filter = WordFilter(self.words)
    }

    init(arrayLiteral words: String...) { self.init(words) }

    func contains(_ word: String) -> Bool { filter.mayContain(word) && words.contains(word) }

    func union(_ other: some Sequence<String>) -> WordSet { WordSet(words.union(other)) }
    func union(_ other: WordSet) -> WordSet { union(other.words) }
    func subtracting(_ other: some Sequence<String>) -> WordSet { WordSet(words.subtracting(other)) }
}

/// A dictionary keyed by lower-case words, with `WordSet`'s filter before the lookup.
struct WordKeyed<Value: Sendable>: ExpressibleByDictionaryLiteral, Sendable {
    private let values: [String: Value]
    private let filter: WordFilter

    init(_ values: [String: Value]) {
        self.values = values
        filter = WordFilter(Set(values.keys))
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }

    subscript(word: String) -> Value? { filter.mayContain(word) ? values[word] : nil }
}

/// Which first bytes and lengths the words of a set have. Only for words of lower-case ASCII letters,
/// digits, apostrophes, hyphens and spaces: no other text compares equal to such a word (`String`
/// equality is canonical equivalence, and the few characters equivalent to ASCII ones are "K", ";" and
/// "`"), so a word ruled out here is not in the set. For any other set it rules nothing out.
private struct WordFilter: Sendable {
    private static let longest = 31
    /// For each ASCII first byte, bit n set when a word of n bytes starts with it; nil: no filtering.
    private let lengths: [UInt32]?

    init(_ words: Set<String>) {
        let plain = words.allSatisfy { word in
            !word.isEmpty && word.utf8.count <= Self.longest
                && word.utf8.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "'- ".utf8.contains(byte)
                }
        }
        guard plain else {
            lengths = nil
            return
        }
        var lengths = [UInt32](repeating: 0, count: 128)
        for word in words {
            guard let first = word.utf8.first else { continue }
            lengths[Int(first)] |= 1 << UInt32(word.utf8.count)
        }
        self.lengths = lengths
    }

    func mayContain(_ word: String) -> Bool {
        guard let lengths else { return true }
        let count = word.utf8.count
        // Empty, longer than any word of the set, or not starting with ASCII: equal to none of them.
        guard let first = word.utf8.first, first < 0x80, count <= Self.longest else { return false }
        return lengths[Int(first)] & (1 << UInt32(count)) != 0
    }
}
