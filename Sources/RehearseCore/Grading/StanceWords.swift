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

    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var words: [String] = []
        var starts: [Int] = [0]
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            if Self.breakingWords.contains(word), !words.isEmpty { starts.append(words.count) }
            words.append(word)
            current.removeAll(keepingCapacity: true)
        }
        for byte in UnsafeBufferPointer(rebasing: text[range]) {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"),
                0x80...:
                current.append(byte)
            default:
                flush()
                if Self.breakingBytes.contains(byte) { starts.append(words.count) }
            }
        }
        flush()
        for index in words.indices.dropLast() where words[index] == "and" && Self.subjects.contains(words[index + 1]) {
            starts.append(index)
        }
        self.words = words
        self.clauseStarts = starts.sorted()
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
