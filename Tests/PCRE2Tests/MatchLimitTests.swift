import PCRE2
import Testing

@Suite("Match limits")
struct MatchLimitTests {
    @Test("Nested repetition gives up at the match limit on a long run with a failing tail, instead of hanging")
    func catastrophicPatternStops() throws {
        let pattern = try Pattern("(a+)+$")
        let matcher = Matcher()
        #expect(throws: PCRE2Error.matchLimitExceeded(pattern: "(a+)+$")) {
            try matcher.firstMatch(of: pattern, in: String(repeating: "a", count: 3_000) + "!")
        }
    }

    @Test("A bounded pattern scans the same input without reaching the limit")
    func boundedPatternFinishes() throws {
        let pattern = try Pattern("\\ba.{0,60}b\\b")
        #expect(try Matcher().firstMatch(of: pattern, in: String(repeating: "a", count: 3_000) + "!") == nil)
    }
}
