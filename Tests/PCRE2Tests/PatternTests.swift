import PCRE2
import Testing

@Suite("PCRE2 wrapper")
struct PatternTests {
    let matcher = Matcher()

    @Test("Patterns are caseless and Unicode-aware by default")
    func caselessUnicode() throws {
        let pattern = try Pattern(#"\bcontaineri[sz]ed\b"#)
        #expect(try matcher.firstMatch(of: pattern, in: "We CONTAINERISED the service") != nil)
        let word = try Pattern(#"\bÜber\w*"#)
        #expect(try matcher.firstMatch(of: word, in: "ein überraschendes Ergebnis") != nil)
    }

    @Test("A match comes back as a String range over the right characters")
    func matchRange() throws {
        let pattern = try Pattern("roll ?back")
        let text = "Café first, then a rollback"
        let range = try #require(try matcher.firstMatch(of: pattern, in: text))
        #expect(text[range] == "rollback")
    }

    @Test("Every non-overlapping match, as UTF-8 byte offsets")
    func allMatches() throws {
        let pattern = try Pattern(#"\bdrift\b"#)
        var text = "drift, then é drift"
        let ranges = try text.withUTF8 { try matcher.allMatches(of: pattern, in: $0) }
        #expect(ranges == [0..<5, 15..<20])
    }

    @Test("An invalid pattern reports the pattern, the offset and PCRE2's message")
    func invalidPattern() {
        #expect {
            try Pattern(#"\b(retrain"#)
        } throws: { error in
            guard case let .invalidPattern(pattern, offset, message) = error as? PCRE2Error else { return false }
            return pattern == #"\b(retrain"# && offset == 10 && message.contains("missing closing parenthesis")
        }
    }

    @Test("Catastrophic backtracking stops at the match limit instead of hanging")
    func matchLimit() throws {
        let pattern = try Pattern("(a+)+$")
        let text = String(repeating: "a", count: 50_000) + "!"
        #expect(throws: PCRE2Error.matchLimitExceeded(pattern: "(a+)+$")) {
            try matcher.firstMatch(of: pattern, in: text)
        }
    }

    @Test("The interpreter is held to the limits too")
    func interpreterLimits() throws {
        let pattern = try Pattern("(a+)+$")
        let small = Matcher(limits: MatchLimits(matchLimit: 1_000, depthLimit: 100, heapLimitKiB: 1_000))
        #expect(throws: PCRE2Error.self) {
            try small.firstMatch(of: pattern, in: String(repeating: "a", count: 30) + "!")
        }
    }

    @Test("A pattern that can match nothing is detected")
    func emptyMatch() throws {
        #expect(try Pattern("(drift)?").matchesEmptyString(using: matcher))
        #expect(try !Pattern("drift").matchesEmptyString(using: matcher))
    }

    @Test("On ASCII text the fast ASCII form finds exactly what the Unicode form finds")
    func asciiFormAgrees() throws {
        let patterns = [
            #"\bre-?train\w*"#, #"\b(monitor|compar)\w*\b.{0,40}\bdistribution\w*"#, #"\bK8S\b"#, #"\b\d+ ?%"#,
        ]
        let texts = ["We RETRAINED it; then compared the input distributions.", "k8s at 95% load", "pre_train x", ""]
        for source in patterns {
            let pattern = try Pattern(source)
            for text in texts {
                var copy = text
                let (unicode, ascii) = try copy.withUTF8 { bytes in
                    (
                        try matcher.firstMatch(of: pattern, in: bytes),
                        try matcher.firstMatch(of: pattern, in: bytes, textIsASCII: true)
                    )
                }
                #expect(unicode == ascii, "\(source) on \(text)")
            }
        }
    }

    @Test("The ASCII form is held to the match limit too")
    func asciiFormLimits() throws {
        let pattern = try Pattern("(a+)+$")
        var text = String(repeating: "a", count: 50_000) + "!"
        #expect(throws: PCRE2Error.matchLimitExceeded(pattern: "(a+)+$")) {
            try text.withUTF8 { try matcher.firstMatch(of: pattern, in: $0, textIsASCII: true) }
        }
    }

    @Test("Matching an empty text works and finds nothing")
    func emptyText() throws {
        #expect(try matcher.firstMatch(of: Pattern("x"), in: "") == nil)
    }
}
