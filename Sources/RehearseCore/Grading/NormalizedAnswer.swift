/// The answer as patterns see it: whitespace runs folded to one space (a line break that starts a
/// bullet or a paragraph stays a line break, since it ends a statement: see `Statements`),
/// typographic quotes and dashes replaced by their ASCII forms, so a coach's `roll back` matches an
/// answer that wrapped between the two words or typed a curly apostrophe; and, when a corrector is
/// given, misspelt key terms replaced by the bank's spelling ("retrian" → "retrain").
///
/// Keeps, for every byte of the normalised text, where it came from in the original, so evidence can
/// be quoted and located in the answer exactly as the candidate wrote it.
struct NormalizedAnswer {
    private(set) var text: String
    /// The words read as other words, in answer order.
    private(set) var corrections: [Correction] = []
    private var originalStarts: [Int] = []
    private var originalEnds: [Int] = []

    static let replacements: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2011}": "-", "\u{00A0}": " ",
    ]

    init(_ original: String, correcting corrector: TypoCorrector = .disabled) {
        var output: [UInt8] = []
        output.reserveCapacity(original.utf8.count)
        var offset = 0
        var pendingSpace = false
        var pendingBreaks = 0
        let bullets = Self.bulletStarts(in: original.utf8)
        var word = PendingWord()
        var originalStarts: [Int] = [], originalEnds: [Int] = [], corrections: [Correction] = []
        originalStarts.reserveCapacity(original.utf8.count)
        originalEnds.reserveCapacity(original.utf8.count)

        func emit(_ bytes: some Sequence<UInt8>, from start: Int, to end: Int) {
            for byte in bytes {
                output.append(byte)
                originalStarts.append(start)
                originalEnds.append(end)
            }
        }
        /// `next` is the scalar after the word: before an apostrophe the word is half of a contraction
        /// ("wouldn" of "wouldn't"), which is never a typo.
        func flushWord(before next: Unicode.Scalar? = nil) {
            guard !word.isEmpty else { return }
            let lowered = word.text.lowercased()
            let isContraction = next == "'" || next == "\u{2019}"
            if !corrector.isEmpty, !isContraction, let reading = corrector.reading(of: lowered) {
                corrections.append(
                    Correction(
                        read: word.text, takenAs: reading.word, spelling: reading.isSpelling ? true : nil,
                        start: word.start, end: offset))
                emit(reading.word.utf8, from: word.start, to: offset)
            } else {
                for (index, byte) in word.text.utf8.enumerated() {
                    emit(CollectionOfOne(byte), from: word.byteStarts[index], to: word.byteEnds[index])
                }
            }
            word = PendingWord()
        }

        for scalar in original.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            func flushSpace() {
                guard pendingSpace else { return }
                let separator: UInt8 =
                    pendingBreaks >= 2 || (pendingBreaks == 1 && bullets.contains(offset)) ? 0x0A : 0x20
                emit(CollectionOfOne(separator), from: offset, to: offset)
                pendingSpace = false
                pendingBreaks = 0
            }
            if Self.isLetter(scalar) {
                if word.isEmpty { flushSpace() }
                word.append(scalar, at: offset, width: width)
                continue
            }
            flushWord(before: scalar)
            // Every replacement is for a non-ASCII scalar: ASCII skips the lookup.
            let replaced = scalar.isASCII ? nil : Self.replacements[scalar]
            if Self.isWhitespace(scalar) || replaced == " " {
                pendingSpace = !output.isEmpty
                if pendingSpace, scalar == "\n" { pendingBreaks += 1 }
                continue
            }
            flushSpace()
            if let replaced {
                emit(replaced.utf8, from: offset, to: offset + width)
            } else {
                emit(scalar.utf8, from: offset, to: offset + width)
            }
        }
        flushWord()
        text = String(decoding: output, as: UTF8.self)
        self.originalStarts = originalStarts
        self.originalEnds = originalEnds
        self.corrections = corrections
    }

    /// Byte offsets where a line starts with a bullet: `-`, `*`, `+`, `•`, or `1.` / `1)`, after any indent.
    private static func bulletStarts(in utf8: String.UTF8View) -> Set<Int> {
        var starts: Set<Int> = []
        let bytes = Array(utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x0A else {
                index += 1
                continue
            }
            var next = index + 1
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            if next < bytes.count, isBullet(at: next, in: bytes) { starts.insert(next) }
            index = next
        }
        return starts
    }

    private static func isBullet(at index: Int, in bytes: [UInt8]) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return true
        case 0xE2:  // "•" is E2 80 A2
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA2
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var next = index
            while next < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[next]) { next += 1 }
            return next < bytes.count && (bytes[next] == UInt8(ascii: ".") || bytes[next] == UInt8(ascii: ")"))
        default:
            return false
        }
    }

    /// ASCII answers are the common case; Unicode property lookups cost more than the rest of grading.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }

    /// A run of letters, held back until it ends so it can be corrected as a whole.
    private struct PendingWord {
        var text = ""
        var start = 0
        var byteStarts: [Int] = []
        var byteEnds: [Int] = []
        var isEmpty: Bool { text.isEmpty }

        mutating func append(_ scalar: Unicode.Scalar, at offset: Int, width: Int) {
            if text.isEmpty { start = offset }
            text.unicodeScalars.append(scalar)
            for _ in 0..<width {
                byteStarts.append(offset)
                byteEnds.append(offset + width)
            }
        }
    }

    /// The original byte range that a range of the normalised text came from.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let start =
                range.lowerBound < originalStarts.count ? originalStarts[range.lowerBound] : (originalEnds.last ?? 0)
            return start..<start
        }
        return originalStarts[range.lowerBound]..<originalEnds[range.upperBound - 1]
    }

    /// The corrections inside a range of the original answer.
    func corrections(within range: Range<Int>) -> [Correction] {
        corrections.filter { $0.start < range.upperBound && $0.end > range.lowerBound }
    }
}
