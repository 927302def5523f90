/// The answer as patterns see it: whitespace runs (line breaks included) folded to one space, and
/// typographic quotes and dashes replaced by their ASCII forms, so a coach's `roll back` matches an
/// answer that wrapped between the two words or typed a curly apostrophe.
///
/// Keeps, for every byte of the normalised text, where it came from in the original, so evidence can
/// be quoted and located in the answer exactly as the candidate wrote it.
struct NormalizedAnswer {
    private(set) var text: String
    private var originalStarts: [Int] = []
    private var originalEnds: [Int] = []

    static let replacements: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2011}": "-", "\u{00A0}": " ",
    ]

    init(_ original: String) {
        var starts: [Int] = [], ends: [Int] = []
        var output: [UInt8] = []
        output.reserveCapacity(original.utf8.count)
        var offset = 0
        var pendingSpace = false
        for scalar in original.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            let replaced = Self.replacements[scalar]
            if scalar.properties.isWhitespace || replaced == " " {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(0x20)
                starts.append(offset)
                ends.append(offset)
                pendingSpace = false
            }
            let append = { (byte: UInt8) in
                output.append(byte)
                starts.append(offset)
                ends.append(offset + width)
            }
            if let replaced { replaced.utf8.forEach(append) } else { scalar.utf8.forEach(append) }
        }
        text = String(decoding: output, as: UTF8.self)
        originalStarts = starts
        originalEnds = ends
    }

    /// The original byte range that a range of the normalised text came from.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let start = range.lowerBound < originalStarts.count ? originalStarts[range.lowerBound] : (originalEnds.last ?? 0)
            return start..<start
        }
        return originalStarts[range.lowerBound]..<originalEnds[range.upperBound - 1]
    }
}
