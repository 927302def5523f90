import PCRE2

/// Finds patterns that backtrack catastrophically by running them, under the grader's own limits, on
/// a few inputs built to provoke it: long runs of one character, of a word, and of "a ", each ending
/// in a character no pattern expects there, so every start position fails slowly. The pattern's own
/// letters follow that character, so PCRE2's quick "is the required letter there at all?" check
/// passes and the backtracking really runs.
///
/// A run is as long as a long spoken answer: a pattern that gives up on it would also give up grading
/// a real answer that long.
struct BacktrackingProbe {
    struct Input {
        /// How a message shows the input: "'aaaa…' (3000 bytes) then '!'".
        var description: String
        var text: String
    }

    static let runBytes = 3_000
    /// Raise when the inputs change, so `ProbeCache` forgets what the old inputs found safe.
    static let version = 1

    let matcher: Matcher

    /// The first input on which `pattern` hits the match or depth limit, if any.
    func firstBlowUp(of pattern: Pattern) -> Input? {
        for input in Self.inputs(for: pattern.source) {
            var text = input.text
            let outcome = text.withUTF8 { bytes in
                Result { () throws(PCRE2Error) in try matcher.allMatches(of: pattern, in: bytes) }
            }
            if case .failure = outcome { return input }
        }
        return nil
    }

    static func inputs(for source: String) -> [Input] {
        let letters = literalLetters(in: source)
        let tail = "!" + (letters.isEmpty ? "" : " " + String(letters))
        let characters = ["a", "1", "-"] + letters.prefix(6).map(String.init)
        let words = ["data"] + (longestLiteralWord(in: source).map { [$0] } ?? [])
        var units = unique(characters)
        units += unique(words).map { $0 + " " }
        units.append("a ")
        return units.map { run(of: $0, tail: tail) }
    }

    private static func run(of unit: String, tail: String) -> Input {
        let count = (runBytes + unit.utf8.count - 1) / unit.utf8.count
        let preview = String(repeating: unit, count: max(1, 8 / unit.count))
        // Doubled as bytes: `String(repeating:count:)` appends the unit once per repeat, and this runs for
        // every input of every pattern a bank load probes.
        var text = Array(unit.utf8)
        let length = count * text.count
        text.reserveCapacity(length + tail.utf8.count)
        while text.count < length { text += text.prefix(length - text.count) }
        text += Array(tail.utf8)
        return Input(
            description: "'\(preview)…' (\(count * unit.utf8.count) bytes) then '\(tail)'",
            text: String(decoding: text, as: UTF8.self))
    }

    /// Lower-case letters the pattern matches literally; a letter after a backslash is an escape (\w, \b).
    static func literalLetters(in source: String) -> [Character] {
        var letters: [Character] = []
        var escaped = false
        for character in source {
            defer { escaped = character == "\\" && !escaped }
            guard !escaped, character.isASCII, character.isLetter else { continue }
            let lower = Character(character.lowercased())
            if !letters.contains(lower) { letters.append(lower) }
        }
        return letters
    }

    /// The longest run of literal letters, such as "distribution" in `\b(compar\w*) distribution`.
    static func longestLiteralWord(in source: String) -> String? {
        var words: [String] = []
        var current = ""
        var escaped = false
        for character in source {
            defer { escaped = character == "\\" && !escaped }
            if !escaped, character.isASCII, character.isLetter {
                current.append(Character(character.lowercased()))
            } else {
                words.append(current)
                current = ""
            }
        }
        words.append(current)
        return words.filter { $0.count > 1 }.max { $0.count < $1.count }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
