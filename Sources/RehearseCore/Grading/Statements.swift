/// The statements of an answer: its sentences, clauses ended by `;`, and list items. A concept's
/// evidence must lie inside one statement, so a pattern's gap (`.{0,50}`) never joins words from two
/// sentences or two bullets.
///
/// Works on the normalised text (see `NormalizedAnswer`), where a line break survives only where a
/// line starts a bullet or a blank line starts a paragraph; a single wrapped line is a space.
struct Statements {
    /// Byte ranges of the statements, in order, covering the text but for the separators.
    private(set) var ranges: [Range<Int>] = []
    /// For each statement, the list it belongs to: consecutive bullets share one, so a bulleted list of
    /// names is judged as one list; any other statement is a list of its own.
    private(set) var lists: [Int] = []

    /// Words before a `.` that do not end a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "etc", "vs", "approx", "incl", "esp", "cf", "no", "dr", "mr", "ms", "fig", "a.m",
        "p.m",
        "am", "pm", "approx", "avg", "est", "min", "max", "sec", "hrs",
    ]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var index = 0
        while index < bytes.count {
            if let width = Self.separatorWidth(at: index, in: bytes) {
                if index > start { ranges.append(start..<index) }
                start = index + width
                index = start
            } else {
                index += 1
            }
        }
        if bytes.count > start { ranges.append(start..<bytes.count) }
        var previousWasBullet = false
        for range in ranges {
            let isBullet = Self.startsWithBullet(range, in: bytes)
            lists.append(isBullet && previousWasBullet ? (lists.last ?? 0) : lists.count)
            previousWasBullet = isBullet
        }
    }

    /// A statement that starts with a bullet, by the one rule the normaliser keeps line breaks for.
    private static func startsWithBullet(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = range.first else { return false }
        return NormalizedAnswer.isBullet(at: first, in: UnsafeBufferPointer(rebasing: bytes[..<range.upperBound]))
    }

    /// The index of the statement that holds `offset`; nil when `offset` is a separator.
    func index(containing offset: Int) -> Int? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(offset) ? low : nil
    }

    /// The statement after the one at `index`, or after its whole list when it is a bullet: where a
    /// dismissal by pronoun ("None of that is needed.") would stand.
    func following(_ index: Int) -> Int? {
        var next = index + 1
        while next < ranges.count, lists[next] == lists[index] { next += 1 }
        return next < ranges.count ? next : nil
    }

    /// A separator's width when one starts at `index`: `! ? ;`, a `.` that ends a sentence, a line break.
    private static func separatorWidth(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "\n"):
            return 1
        case UInt8(ascii: "."):
            guard index + 1 == bytes.count || bytes[index + 1] == 0x20 else { return nil }
            return endsAbbreviation(before: index, in: bytes) ? nil : 1
        default:
            return nil
        }
    }

    private static func endsAbbreviation(before dot: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = dot
        while start > 0, bytes[start - 1] != 0x20, dot - start < 8 { start -= 1 }
        guard dot - start < 8 else { return false }
        var word = ""
        for byte in bytes[start..<dot] { word.unicodeScalars.append(Unicode.Scalar(byte | 0x20)) }
        return abbreviations.contains(word)
    }
}
