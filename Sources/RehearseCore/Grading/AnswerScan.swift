import PCRE2

/// One place a pattern matched in an answer, and what the answer did with it.
///
/// The quote, the list item and the echo of the prompt are worked out when grading asks for them,
/// which it does for the one mention it keeps of each concept: a pattern may match many times.
struct Mention {
    /// Where it matched, in the normalised text it was found in.
    var range: Range<Int>
    /// Where the same words stand in the graded text as written (UTF-8 bytes).
    var originalRange: Range<Int>
    var pattern: String
    /// Index of the statement that holds it (the same in the answer as written and as corrected).
    var statement: Int
    /// Index of the list the statement belongs to (`Statements.lists`).
    var list: Int
    /// Whether its statement only names things (a fragment or a vague claim).
    var statementNamesOnly: Bool
    let text: ScannedText

    var evidence: Evidence {
        text.withBytes { bytes in
            var evidence = EvidenceQuote.make(
                range, in: bytes, original: originalRange, of: text.original, pattern: pattern)
            let corrections = text.normalized.corrections(within: originalRange)
            if !corrections.isEmpty { evidence.corrections = corrections }
            return evidence
        }
    }

    /// Whether the list item holding it says something specific (see `Explanation.itemIsSpecific`).
    var itemIsSpecific: Bool {
        text.withBytes { Explanation.itemIsSpecific(range, statement: text.statements[statement], in: $0) }
    }

    /// Whether the quote holds only words of the question's prompt: repeating the question is no evidence.
    /// A quote of small words only ("I was") echoes nothing.
    var echoesPrompt: Bool {
        let stems = Words.stems(of: EvidenceQuote.quote(originalRange, of: text.original))
        return !stems.isEmpty && stems.isSubset(of: text.promptStems)
    }
}

/// What a scan's mentions read when asked about: the normalised text, the answer as written, the
/// statements and the prompt's stems; one per scan, shared by its mentions.
final class ScannedText {
    let normalized: NormalizedAnswer
    let original: String
    let statements: [Range<Int>]
    /// Stems of the prompt's content words (`Words.stems`).
    let promptStems: Set<String>

    init(normalized: NormalizedAnswer, original: String, statements: [Range<Int>], promptStems: Set<String>) {
        self.normalized = normalized
        self.original = original
        self.statements = statements
        self.promptStems = promptStems
    }

    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = normalized.text
        return text.withUTF8(body)
    }
}

/// What a concept's or misconception's patterns found: the affirmed mentions, in answer order, and the
/// first mention the answer turned down.
struct MentionSearch {
    static let maximumAffirmed = 4
    var affirmed: [Mention] = []
    var rejected: (mention: Mention, cue: String)?
}

/// One answer's normalised bytes, matched against one question's patterns statement by statement.
struct AnswerScan {
    let bytes: UnsafeBufferPointer<UInt8>
    let normalized: NormalizedAnswer
    let original: String
    let question: Question
    let matcher: Matcher
    /// Lets PCRE2 run each pattern's faster ASCII form; decided once per answer.
    let textIsASCII: Bool
    let statements: Statements
    let shapes: [Explanation.Shape]
    /// Each statement's words, read once for the stance of every match in it.
    let statementWords: [StatementWords]
    let text: ScannedText

    init(
        bytes: UnsafeBufferPointer<UInt8>, normalized: NormalizedAnswer, original: String, question: Question,
        promptStems: Set<String>, matcher: Matcher
    ) {
        self.bytes = bytes
        self.normalized = normalized
        self.original = original
        self.question = question
        self.matcher = matcher
        self.textIsASCII = !bytes.contains { $0 >= 0x80 }
        self.statements = Statements(bytes)
        self.shapes = statements.ranges.map { Explanation.shape(of: $0, in: bytes) }
        self.statementWords = statements.ranges.map { StatementWords(bytes, $0) }
        self.text = ScannedText(
            normalized: normalized, original: original, statements: statements.ranges, promptStems: promptStems)
    }

    /// Every affirmed mention (up to `MentionSearch.maximumAffirmed`), in pattern then answer order, and
    /// the first rejected one. `compiled` holds each of `sources` compiled, nil where it is not a pattern
    /// of the bank.
    func search(_ sources: [String], compiled: [Pattern?], owner: String, claim: Stance.Claim) throws(GradingError)
        -> MentionSearch
    {
        var result = MentionSearch()
        let heedsNegation = claim == .misconception || question.rubric.negationTurnsConceptsDown
        precondition(sources.count == compiled.count, "a compiled pattern for each source")
        for (source, pattern) in zip(sources, compiled) {
            guard let pattern else {
                throw .patternNotCompiled(question: question.id, pattern: source)
            }
            var start = 0
            while let (range, statement) = try nextMatch(of: pattern, from: start, owner: owner) {
                let mention = self.mention(range, statement: statement, pattern: source)
                switch heedsNegation ? stance(of: range, statement: statement, claim: claim) : .affirmed {
                case .affirmed:
                    result.affirmed.append(mention)
                    if result.affirmed.count >= MentionSearch.maximumAffirmed || claim == .misconception {
                        return result
                    }
                case .rejected(let cue):
                    if result.rejected == nil { result.rejected = (mention, cue) }
                }
                // The loader rejects patterns that match the empty string, so a match always advances.
                guard !range.isEmpty, range.upperBound < bytes.count else { break }
                start = range.upperBound
            }
        }
        return result
    }

    private func stance(of range: Range<Int>, statement: Int, claim: Stance.Claim) -> Stance {
        let following = statements.following(statement).map { statementWords[$0] }
        return Stance.of(range, in: bytes, statement: statementWords[statement], following: following, claim: claim)
    }

    /// The next match at or after `start` that lies inside one statement, with that statement's index.
    private func nextMatch(of pattern: Pattern, from start: Int, owner: String) throws(GradingError) -> (
        Range<Int>, Int
    )? {
        var start = start
        while start < bytes.count, let range = try firstMatch(of: pattern, in: bytes, from: start, owner: owner) {
            let statement = statements.index(containing: range.lowerBound)
            guard let statement else {
                start = range.lowerBound + 1
                continue
            }
            let bounds = statements.ranges[statement]
            if range.upperBound <= bounds.upperBound { return (range, statement) }
            // The match ran past its statement's end: look again inside the statement alone.
            let inside = UnsafeBufferPointer(rebasing: bytes[..<bounds.upperBound])
            if let range = try firstMatch(of: pattern, in: inside, from: range.lowerBound, owner: owner) {
                return (range, statement)
            }
            start = bounds.upperBound
        }
        return nil
    }

    private func firstMatch(
        of pattern: Pattern, in text: UnsafeBufferPointer<UInt8>, from start: Int, owner: String
    ) throws(GradingError) -> Range<Int>? {
        do {
            return try matcher.firstMatch(of: pattern, in: text, from: start, textIsASCII: textIsASCII)
        } catch {
            switch error {
            case .matchLimitExceeded, .depthLimitExceeded:
                throw .patternTooExpensive(question: question.id, owner: owner, pattern: pattern.source)
            default:
                throw .matchFailed(question: question.id, error)
            }
        }
    }

    private func mention(_ range: Range<Int>, statement: Int, pattern: String) -> Mention {
        Mention(
            range: range, originalRange: normalized.originalRange(of: range), pattern: pattern, statement: statement,
            list: statements.lists[statement], statementNamesOnly: shapes[statement].namesOnly, text: text)
    }

    /// How many words and commas the statement at `index` has.
    func words(ofStatement index: Int) -> Int { shapes[index].words }
    func commas(ofStatement index: Int) -> Int { shapes[index].commas }
    func hasClause(statement index: Int) -> Bool { shapes[index].hasClause }
}

/// Cuts the quote and its context out of the answer's bytes, on character boundaries.
enum EvidenceQuote {
    static let contextBytes = 40

    /// `range` is in the normalised `bytes`; `originalRange` is where the same words stand in `original`.
    static func make(
        _ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, original originalRange: Range<Int>,
        of original: String, pattern: String
    ) -> Evidence {
        var lower = max(0, range.lowerBound - contextBytes)
        var upper = min(bytes.count, range.upperBound + contextBytes)
        // Widen to whole words so the context does not start or end mid-word.
        while lower > 0, !isSpace(bytes[lower - 1]), range.lowerBound - lower < contextBytes + 20 { lower -= 1 }
        while upper < bytes.count, !isSpace(bytes[upper]), upper - range.upperBound < contextBytes + 20 { upper += 1 }
        lower = characterStart(lower, in: bytes)
        upper = characterStart(upper, in: bytes)
        let quote = Self.quote(originalRange, of: original)
        let context = (lower > 0 ? "…" : "") + text(bytes, lower..<upper) + (upper < bytes.count ? "…" : "")
        return Evidence(
            quote: quote, context: context.replacingLineBreaks, start: originalRange.lowerBound,
            end: originalRange.upperBound, pattern: pattern)
    }

    /// Exactly the words at `range` (UTF-8 bytes) of `original`.
    static func quote(_ range: Range<Int>, of original: String) -> String {
        let utf8 = original.utf8
        return String(
            utf8[
                utf8.index(
                    utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(
                        utf8.startIndex, offsetBy: range.upperBound)]) ?? ""
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private static func characterStart(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = offset
        while offset > 0, offset < bytes.count, bytes[offset] & 0b1100_0000 == 0b1000_0000 { offset -= 1 }
        return offset
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension String {
    var collapsingWhitespace: String {
        var copy = self
        // ASCII, the common case, by bytes: splitting by Character cost 100 instructions a byte. The
        // ASCII characters that are whitespace are tab to carriage return and the space ("\r\n" is one).
        let ascii = copy.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if out.last != 0x20, !out.isEmpty { out.append(0x20) }
                } else {
                    out.append(byte)
                }
            }
            if out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
        return ascii ?? split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The normalised text keeps a line break where a bullet starts; a one-line quote shows it as a space.
    /// Bytes, not Characters: the normalised text holds no carriage return, so each line feed is a
    /// character of its own; and Foundation's `contains("\n")` cost more than the rest of the quote.
    fileprivate var replacingLineBreaks: String {
        guard utf8.contains(0x0A) else { return self }
        return String(decoding: utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
