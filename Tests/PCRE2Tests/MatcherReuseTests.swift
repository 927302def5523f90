import PCRE2
import Testing

@Suite("One matcher, many patterns")
struct MatcherReuseTests {
    @Test("A matcher reused across patterns and texts keeps each answer separate")
    func reuse() throws {
        let matcher = Matcher()
        let drift = try Pattern(#"\bdrift\w*"#)
        let rollback = try Pattern(#"\broll[- ]?back\b"#)
        #expect(try matcher.firstMatch(of: drift, in: "the data drifted") != nil)
        #expect(try matcher.firstMatch(of: rollback, in: "the data drifted") == nil)
        #expect(try matcher.firstMatch(of: rollback, in: "we roll-back") != nil)
        #expect(try matcher.firstMatch(of: drift, in: "we roll-back") == nil)
    }
}
