/// A set of lower-case words asked about a word's UTF-8 bytes in place, without making a `String` of
/// it: grading asks several such sets about every word of every answer. Built from the `Set<String>`
/// that defines the words, and answers exactly as that set's `contains` would.
struct WordTable: Sendable {
    private static let longest = 24
    /// The set's words, bucketed by length and first byte; only when every word is ASCII.
    private let buckets: [[[UInt8]]]?
    private let words: Set<String>

    init(_ words: Set<String>) {
        self.words = words
        // String equality is canonical equivalence; for ASCII words that is byte equality, and only a
        // set of ASCII words is sure never to equal an ASCII word any other way ("\u{212A}" is "K").
        guard words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } && $0.utf8.count <= Self.longest }) else {
            buckets = nil
            return
        }
        var buckets = [[[UInt8]]](repeating: [], count: (Self.longest + 1) * 128)
        for word in words {
            let bytes = Array(word.utf8)
            guard let first = bytes.first else { continue }
            buckets[Self.bucket(count: bytes.count, first: first)].append(bytes)
        }
        self.buckets = buckets
    }

    private static func bucket(count: Int, first: UInt8) -> Int { count * 128 + Int(first) }

    /// Whether the word whose lower-cased bytes are `word` is in the set.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let buckets, let first = word.first, first < 0x80, word.count <= Self.longest,
            !word.contains(where: { $0 >= 0x80 })
        else { return words.contains(String(decoding: word, as: UTF8.self)) }
        for candidate in buckets[Self.bucket(count: word.count, first: first)]
        where candidate.elementsEqual(word) {
            return true
        }
        return false
    }
}

extension Words {
    /// Calls `body` with each word of `text` as `Words.of` finds it, lower-cased, in a buffer valid only
    /// during the call.
    static func forEach(
        in text: UnsafeBufferPointer<UInt8>, joiningHyphens: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var hyphenPending = false
        func flush() {
            guard !current.isEmpty else { return }
            current.withUnsafeBufferPointer(body)
            current.removeAll(keepingCapacity: true)
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), 0x80...:
                if hyphenPending { current.append(UInt8(ascii: "-")) }
                hyphenPending = false
                current.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte)
            case UInt8(ascii: "-") where joiningHyphens && !current.isEmpty && !hyphenPending:
                hyphenPending = true
            default:
                hyphenPending = false
                flush()
            }
        }
        flush()
    }
}
