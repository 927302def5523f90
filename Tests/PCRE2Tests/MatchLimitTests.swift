import PCRE2
import Testing

@Suite("PCRE2 match limits")
struct MatchLimitTests {
    @Test("catastrophic backtracking stops at the match limit instead of hanging")
    func catastrophicPatternHitsLimit() throws {
        let pattern = try Pattern("(a+)+$")
        let matcher = Matcher()
        let text = String(repeating: "a", count: 50_000) + "!"
        #expect(throws: PCRE2Error.self) { _ = try matcher.firstMatch(of: pattern, in: text) }
    }

    @Test("an ordinary pattern finds its match, caseless")
    func ordinaryMatch() throws {
        let pattern = try Pattern("\\broll\\s*back\\b")
        let text = "I would Roll back the release."
        let range = try #require(try Matcher().firstMatch(of: pattern, in: text))
        #expect(text[range] == "Roll back")
    }
}
