/// The answer as patterns see it: whitespace runs (line breaks included) folded to one space,
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
                    if pendingSpace {
                        emit(0x20, from: offset, to: offset)
                        pendingSpace = false
                    }
                    wordStart = offset
                    wordIsASCII = true
                }
                if width > 1 { wordIsASCII = false }
                return
            }
            flushWord(end: offset)
            // Every replacement is for a non-ASCII scalar: ASCII skips the lookup.
            let replaced = scalar.isASCII ? nil : NormalizedAnswer.replacements[scalar]
            if NormalizedAnswer.isWhitespace(scalar) || replaced == " " {
                pendingSpace = !output.isEmpty
                return
            }
            if pendingSpace {
                emit(0x20, from: offset, to: offset)
                pendingSpace = false
            }
            if let replaced {
                for byte in replaced.utf8 { emit(byte, from: offset, to: offset + width) }
            } else {
                for index in offset..<offset + width { emit(bytes[index], from: offset, to: offset + width) }
            }
        }

        private mutating func flushWord(end: Int) {
            guard let start = wordStart else { return }
            wordStart = nil
            // Shorter words are never corrected, and a word has at least as many bytes as letters.
            if !corrector.isEmpty, end - start >= TypoCorrector.minimumLength {
                let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                let lowered =
                    wordIsASCII
                    ? String(decoding: bytes[start..<end].map { $0 | (0x41...0x5A ~= $0 ? 0x20 : 0) }, as: UTF8.self)
                    : written.lowercased()
                if let corrected = corrector.correction(for: lowered) {
                    corrections.append(Correction(read: written, takenAs: corrected, start: start, end: end))
                    for byte in corrected.utf8 { emit(byte, from: start, to: end) }
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
