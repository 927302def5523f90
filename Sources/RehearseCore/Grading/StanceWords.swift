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
    static let subjects: WordSet = [
        "i", "we", "you", "they", "he", "she", "there", "i'd", "we'd", "you'd", "they'd", "i'll", "we'll",
        "i'm", "we're", "they're", "you're", "i've", "we've",
    ]

    static let breakingTable = WordTable(breakingWords)
    /// `breakingBytes` by byte value: a `Set` hashes every space.
    static let isBreakingByte: [Bool] = (0...255).map { breakingBytes.contains(UInt8($0)) }

    private init(words: [String], clauseStarts: [Int]) {
        self.words = words
        self.clauseStarts = clauseStarts
    }

    /// The words of `range`, part of `statement`, as reading that part's bytes alone would give them: a
    /// word the range cuts through counts only its part inside.
    init(_ statement: StatementWords, _ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
        let first = statement.countOfWords(endingBy: range.lowerBound)
        var words: [String] = []
        words.reserveCapacity(statement.countOfWords(startingBefore: range.upperBound) - first)
        var starts: [Int] = [0]
        var index = first
        while !range.isEmpty, index < statement.words.count, statement.wordRanges[index].lowerBound < range.upperBound {
            let whole = statement.wordRanges[index]
            let part = max(whole.lowerBound, range.lowerBound)..<min(whole.upperBound, range.upperBound)
            let isBreaking: Bool
            if part == whole {
                words.append(statement.words[index])
                isBreaking = statement.isBreakingWord[index]
            } else {
                let word = Self.lowercased(UnsafeBufferPointer(rebasing: text[part]))
                words.append(word)
                isBreaking = Self.isBreakingWord(word)
            }
            if isBreaking, words.count > 1 { starts.append(words.count - 1) }
            index += 1
        }
        for byte in statement.breakingBytes where range.contains(byte) {
            starts.append(min(words.count, statement.countOfWords(startingBefore: byte) - first))
        }
        for index in words.indices.dropLast() where words[index] == "and" && Self.subjects.contains(words[index + 1]) {
            starts.append(index)
        }
        self.init(words: words, clauseStarts: starts.sorted())
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), 0x80...:
            return true
        default:
            return false
        }
    }

    static func isBreakingWord(_ word: String) -> Bool {
        var word = word
        return word.withUTF8(breakingTable.contains)
    }

    /// Each word becomes a `String` straight from the text's bytes, lower-cased only when it has capitals:
    /// a byte array per word was most of the cost.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
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

/// A statement's words, read once and shared by every mention in it: each mention takes the words
/// before and after it as a slice, and a statement may hold dozens of matches.
struct StatementWords {
    let range: Range<Int>
    fileprivate let words: [String]
    fileprivate let wordRanges: [Range<Int>]
    fileprivate let isBreakingWord: [Bool]
    /// Offsets of the bytes that end a clause (`StanceWords.breakingBytes`).
    fileprivate let breakingBytes: [Int]

    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var words: [String] = []
        var wordRanges: [Range<Int>] = []
        var breakingBytes: [Int] = []
        words.reserveCapacity(range.count / 4 + 1)
        wordRanges.reserveCapacity(range.count / 4 + 1)
        var wordStart: Int?
        func flush(at end: Int) {
            guard let start = wordStart else { return }
            wordStart = nil
            words.append(StanceWords.lowercased(UnsafeBufferPointer(rebasing: text[start..<end])))
            wordRanges.append(start..<end)
        }
        for index in range {
            if StanceWords.isWordByte(text[index]) {
                if wordStart == nil { wordStart = index }
            } else {
                flush(at: index)
                if StanceWords.isBreakingByte[Int(text[index])] { breakingBytes.append(index) }
            }
        }
        flush(at: range.upperBound)
        self.range = range
        self.words = words
        self.wordRanges = wordRanges
        self.isBreakingWord = words.map(StanceWords.isBreakingWord)
        self.breakingBytes = breakingBytes
    }

    /// How many words end at or before `offset`.
    fileprivate func countOfWords(endingBy offset: Int) -> Int {
        partition { $0.upperBound > offset }
    }

    /// How many words start before `offset`.
    fileprivate func countOfWords(startingBefore offset: Int) -> Int {
        partition { $0.lowerBound >= offset }
    }

    /// The index of the first word range for which `isAfter` holds; it holds for every later one too.
    private func partition(_ isAfter: (Range<Int>) -> Bool) -> Int {
        var low = 0
        var high = wordRanges.count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(wordRanges[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
