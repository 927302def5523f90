/// The words of part of a statement, and where its clauses begin.
struct StanceWords {
    /// Lower-cased words, straight apostrophes.
    let words: [String]
    /// Indices into `words` where a clause begins (after a clause break).
    private let clauseStarts: [Int]

    static let breakingBytes: Set<UInt8> = Set(",:()\"".utf8)
    static let breakingWords: Set<String> = [
        "but", "however", "whereas", "although", "though", "yet", "because", "unless", "until", "without",
        "otherwise", "except", "which", "so", "then", "before", "after", "once", "since", "while",
    ]
    /// A subject after "and" starts a clause of its own: in "I never deploy on Fridays and we roll back in
    /// one command" the "never" stops at "and".
    static let subjects: Set<String> = [
        "i", "we", "you", "they", "he", "she", "there", "i'd", "we'd", "you'd", "they'd", "i'll", "we'll",
        "i'm", "we're", "they're", "you're", "i've", "we've",
    ]

    static let breakingTable = WordTable(breakingWords)
    /// `breakingBytes` by byte value: a `Set` hashes every space.
    static let isBreakingByte: [Bool] = (0...255).map { breakingBytes.contains(UInt8($0)) }

    /// Each word becomes a `String` straight from the text's bytes (lower-cased only when it has capitals),
    /// and is looked up among the breaking words by its bytes: grading tokenises part of a statement for
    /// every match, and a byte array per word and a hash per lookup were most of the cost.
    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var words: [String] = []
        words.reserveCapacity(range.count / 4 + 1)
        var starts: [Int] = [0]
        var wordStart: Int?
        var hasCapital = false
        func flush(at end: Int) {
            guard let start = wordStart else { return }
            wordStart = nil
            var word = Self.lowercased(UnsafeBufferPointer(rebasing: text[start..<end]), hasCapital: hasCapital)
            hasCapital = false
            if !words.isEmpty, word.withUTF8(Self.breakingTable.contains) { starts.append(words.count) }
            words.append(word)
        }
        for index in range {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                hasCapital = true
                if wordStart == nil { wordStart = index }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"),
                0x80...:
                if wordStart == nil { wordStart = index }
            default:
                flush(at: index)
                if Self.isBreakingByte[Int(byte)] { starts.append(words.count) }
            }
        }
        flush(at: range.upperBound)
        for index in words.indices.dropLast() where words[index] == "and" && Self.subjects.contains(words[index + 1]) {
            starts.append(index)
        }
        self.words = words
        self.clauseStarts = starts.sorted()
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, hasCapital: Bool) -> String {
        guard hasCapital else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[index] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// The words of the last clause: those nearest a mention that follows.
    var clauseTail: [String] {
        let start = clauseStarts.last { $0 <= words.count } ?? 0
        return Array(words[start...])
    }

    /// The words of the first clause: those nearest a mention that precedes.
    var clauseHead: ArraySlice<String> {
        let end = clauseStarts.first { $0 > 0 } ?? words.count
        return words[..<min(end, words.count)]
    }

    /// The first clause with more than connectives in it: "that's overkill" in "Honestly, that's overkill".
    var openingClause: ArraySlice<String> {
        clauses.first { !$0.allSatisfy(Stance.connectives.contains) } ?? []
    }

    /// The words of each clause, in order; a clause break with no words between gives no clause.
    var clauses: [ArraySlice<String>] {
        let bounds = clauseStarts.map { min($0, words.count) } + [words.count]
        return zip(bounds, bounds.dropFirst()).compactMap { $0 < $1 ? words[$0..<$1] : nil }
    }
}
