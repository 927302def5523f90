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
        var original = original
        let builder = original.withUTF8 { bytes in
            var builder = Builder(bytes: bytes, corrector: corrector)
            builder.run()
            return builder
        }
        text = String(decoding: builder.output, as: UTF8.self)
        originalStarts = builder.starts
        originalEnds = builder.ends
        corrections = builder.corrections
    }

    /// One pass over the answer's UTF-8 bytes in place: ASCII, the common case, is classified byte by
    /// byte, and a word becomes a `String` only when it is long enough for the corrector to look at.
    private struct Builder {
        let bytes: UnsafeBufferPointer<UInt8>
        let corrector: TypoCorrector
        var output: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var corrections: [Correction] = []
        /// The run of letters being read, held back until it ends so it can be corrected as a whole.
        var wordStart: Int?
        var wordIsASCII = true
        var pendingSpace = false
        /// Line breaks in the pending white space: two make a paragraph, one before a bullet a new item.
        var pendingBreaks = 0

        init(bytes: UnsafeBufferPointer<UInt8>, corrector: TypoCorrector) {
            self.bytes = bytes
            self.corrector = corrector
            output.reserveCapacity(bytes.count)
            starts.reserveCapacity(bytes.count)
            ends.reserveCapacity(bytes.count)
        }

        mutating func run() {
            var offset = 0
            while offset < bytes.count {
                let width = Self.width(lead: bytes[offset])
                read(scalar(at: offset, width: width), at: offset, width: width)
                offset += width
            }
            flushWord(end: bytes.count)
        }

        private mutating func read(_ scalar: Unicode.Scalar, at offset: Int, width: Int) {
            if NormalizedAnswer.isLetter(scalar) {
                if wordStart == nil {
                    flushSpace(at: offset)
                    wordStart = offset
                    wordIsASCII = true
                }
                if width > 1 { wordIsASCII = false }
                return
            }
            flushWord(end: offset, before: scalar)
            // Every replacement is for a non-ASCII scalar: ASCII skips the lookup.
            let replaced = scalar.isASCII ? nil : NormalizedAnswer.replacements[scalar]
            if NormalizedAnswer.isWhitespace(scalar) || replaced == " " {
                pendingSpace = !output.isEmpty
                if pendingSpace, scalar == "\n" { pendingBreaks += 1 }
                return
            }
            flushSpace(at: offset)
            if let replaced {
                for byte in replaced.utf8 { emit(byte, from: offset, to: offset + width) }
            } else {
                for index in offset..<offset + width { emit(bytes[index], from: offset, to: offset + width) }
            }
        }

        /// The pending white space: a line break where a bullet or a paragraph starts, else one space.
        private mutating func flushSpace(at offset: Int) {
            guard pendingSpace else { return }
            let breaksStatement =
                pendingBreaks >= 2 || (pendingBreaks == 1 && NormalizedAnswer.isBullet(at: offset, in: bytes))
            emit(breaksStatement ? 0x0A : 0x20, from: offset, to: offset)
            pendingSpace = false
            pendingBreaks = 0
        }

        /// `next` is the scalar after the word: before an apostrophe the word is half of a contraction
        /// ("wouldn" of "wouldn't"), which is never a typo.
        private mutating func flushWord(end: Int, before next: Unicode.Scalar? = nil) {
            guard let start = wordStart else { return }
            wordStart = nil
            let isContraction = next == "'" || next == "\u{2019}"
            // Shorter words are never corrected, and a word has at least as many bytes as letters.
            if !corrector.isEmpty, !isContraction, end - start >= TypoCorrector.minimumLength {
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                let lowered =
                    wordIsASCII
                    ? String(decoding: bytes[start..<end].map { $0 | (0x41...0x5A ~= $0 ? 0x20 : 0) }, as: UTF8.self)
                    : written.lowercased()
                if let reading = corrector.reading(of: lowered) {
                    corrections.append(
                        Correction(
                            read: written, takenAs: reading.word, spelling: reading.isSpelling ? true : nil,
                            start: start, end: end))
                    for byte in reading.word.utf8 { emit(byte, from: start, to: end) }
                    return
                }
            }
            var index = start
            while index < end {
                let width = Self.width(lead: bytes[index])
                for byte in index..<index + width { emit(bytes[byte], from: index, to: index + width) }
                index += width
            }
        }

        private mutating func emit(_ byte: UInt8, from start: Int, to end: Int) {
            output.append(byte)
            starts.append(start)
            ends.append(end)
        }

        /// A Swift string's bytes are valid UTF-8, so the lead byte gives the length.
        private static func width(lead: UInt8) -> Int {
            switch lead {
            case ..<0x80: 1
            case ..<0xE0: 2
            case ..<0xF0: 3
            default: 4
            }
        }

        private func scalar(at offset: Int, width: Int) -> Unicode.Scalar {
            let lead = UInt32(bytes[offset])
            guard width > 1 else { return Unicode.Scalar(UInt8(lead)) }
            var value = lead & (0xFF >> (width + 1))
            for index in offset + 1..<offset + width { value = value << 6 | UInt32(bytes[index] & 0x3F) }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
    }

    /// Whether a bullet starts at `index`: `-`, `*`, `+`, `•`, or `1.` / `1)`.
    static func isBullet(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < bytes.count else { return false }
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
